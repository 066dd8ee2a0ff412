package org.epiflow.bundle;

import org.epiflow.model.AggregateDataset;
import org.epiflow.model.FlowTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadRoundTripTest {

    @Test
    void writtenPayloadReadsBackIdentically() throws Exception {
        AggregateDataset data = TestDatasets.dataset(9, 10, LocalDate.of(2030, 1, 1), 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleManifest manifest = PayloadWriter.write(data, out);

        ProblemLog problems = new ProblemLog();
        PayloadContent content = new PayloadReader(BundleLimits.DEFAULT, problems, TestDatasets.BUNDLE_ID)
                .read(new ByteArrayInputStream(out.toByteArray()));
        problems.throwUpToManifest();
        problems.throwAggregate();

        assertThat(content.manifest()).isEqualTo(manifest);
        assertThat(content.regions().all()).isEqualTo(data.regions().all());
        FlowTable a = data.flows();
        FlowTable b = content.flows();
        assertThat(b.rowCount()).isEqualTo(a.rowCount());
        for (int d = 0; d < a.dayCount(); d++) {
            assertThat(b.firstRow(d)).isEqualTo(a.firstRow(d));
        }
        for (int r = 0; r < a.rowCount(); r++) {
            assertThat(new int[] {b.origin(r), b.destination(r), b.trips(r)})
                    .containsExactly(a.origin(r), a.destination(r), a.trips(r));
        }
        assertThat(content.residents()).isPresent();
        assertThat(content.residents().get().rowCount()).isEqualTo(data.residents().get().rowCount());
        assertThat(content.sha256()).hasSize(64);
    }

    @Test
    void writingIsDeterministic() throws Exception {
        AggregateDataset data = TestDatasets.dataset(3, 10, LocalDate.of(2030, 1, 1), 3);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        PayloadWriter.write(data, a);
        PayloadWriter.write(data, b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
    }
}
