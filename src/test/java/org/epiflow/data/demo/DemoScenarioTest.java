package org.epiflow.data.demo;

import org.epiflow.model.AggregateDataset;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import org.epiflow.model.ResidentTable;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator is deterministic, its geography complete, and what it publishes obeys k. */
class DemoScenarioTest {
    static final Instant CREATED = Instant.parse("2024-06-01T08:00:00Z");

    @Test
    void sameSeedGivesAnIdenticalDatasetAndEpidemic() {
        long t0 = System.nanoTime();
        DemoScenario a = DemoScenario.generate(7, CREATED);
        System.out.printf("demo scenario generated in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        DemoScenario b = DemoScenario.generate(7, CREATED);
        assertThat(a.dataset().info()).isEqualTo(b.dataset().info());
        assertThat(a.dataset().regions().all()).isEqualTo(b.dataset().regions().all());
        assertSameFlows(a.dataset().flows(), b.dataset().flows());
        assertSameResidents(a.dataset().residents().orElseThrow(), b.dataset().residents().orElseThrow());
        assertThat(a.cases()).isEqualTo(b.cases());
        assertThat(a.infections()).isEqualTo(b.infections());
        assertThat(a.report()).isEqualTo(b.report());
    }

    @Test
    void differentSeedsGiveDifferentTripsAndEpidemics() {
        DemoScenario a = DemoScenario.generate(7, CREATED);
        DemoScenario b = DemoScenario.generate(8, CREATED);
        assertThat(a.dataset().flows().totalTrips()).isNotEqualTo(b.dataset().flows().totalTrips());
        assertThat(a.cases()).isNotEqualTo(b.cases());
        assertThat(a.infections()).isNotEqualTo(b.infections());
        assertThat(a.dataset().info().bundleId()).isNotEqualTo(b.dataset().info().bundleId());
    }

    @Test
    void regionsAreThe367SeatsSortedByCodeWithPopulations() {
        RegionTable regions = DemoRegions.load();
        assertThat(regions.size()).isEqualTo(367);
        List<String> codes = regions.all().stream().map(Region::code).toList();
        assertThat(codes).isSorted().doesNotHaveDuplicates();
        for (Region r : regions.all()) {
            if (r.code().equals(DemoRegions.TAIWAN)) {
                assertThat(r.population()).isZero();
            } else {
                assertThat(r.population()).as(r.code()).isPositive();
            }
            assertThat(r.parent()).matches("\\d{6}");
        }
        assertThat(regions.byCode("460300").orElseThrow().population()).isEqualTo(DemoRegions.SANSHA_POPULATION);
        // Ordos has no population in the seats file: it gets the median of Inner Mongolia's prefectures
        assertThat(regions.byCode("150600").orElseThrow().population()).isBetween(1_000_000L, 4_000_000L);
    }

    @Test
    void publishedFlowsObeyKAndTheReportAddsUp() {
        DemoScenario s = DemoScenario.generate(7, CREATED);
        AggregateDataset d = s.dataset();
        FlowTable f = d.flows();
        assertThat(d.info().k()).isEqualTo(DemoScenario.K);
        assertThat(d.info().period().start()).isEqualTo(DemoCalendar.START);
        assertThat(d.info().period().end()).isEqualTo(DemoCalendar.END);
        assertThat(d.info().period().days()).isEqualTo(91);
        assertThat(d.info().expires()).isEqualTo(LocalDate.of(2029, 6, 1));
        for (int r = 0; r < f.rowCount(); r++) {
            assertThat(f.trips(r)).isGreaterThanOrEqualTo(DemoScenario.K);
            assertThat(f.origin(r)).isNotEqualTo(f.destination(r));
        }
        assertThat(s.report().flowCellsSuppressed()).isPositive();
        assertThat(s.report().flowCellsIn()).isEqualTo(f.rowCount() + s.report().flowCellsSuppressed());
        assertThat(f.rowCount()).isBetween(500_000, 2_500_000);
        System.out.printf("demo: %,d published cells, %,d suppressed, %,d trips, %,d cases%n", f.rowCount(),
                s.report().flowCellsSuppressed(), f.totalTrips(), s.cases().total());
    }

    @Test
    void caseTableHasOnlyPositiveRowsSortedByDateThenRegion() throws Exception {
        DemoScenario s = DemoScenario.generate(7, CREATED);
        StringWriter out = new StringWriter();
        s.cases().writeCsv(out, "cases");
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("date,region,cases");
        assertThat(lines).hasSize(s.cases().nonZeroCells() + 1);
        String previous = "";
        long total = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertThat(Integer.parseInt(f[2])).isPositive();
            String key = f[0] + "," + f[1];
            assertThat(key).isGreaterThan(previous);
            previous = key;
            total += Integer.parseInt(f[2]);
        }
        assertThat(total).isEqualTo(s.cases().total()).isPositive();
    }

    static void assertSameFlows(FlowTable a, FlowTable b) {
        assertThat(a.rowCount()).isEqualTo(b.rowCount());
        assertThat(a.dayCount()).isEqualTo(b.dayCount());
        for (int r = 0; r < a.rowCount(); r++) {
            if (a.origin(r) != b.origin(r) || a.destination(r) != b.destination(r) || a.trips(r) != b.trips(r)) {
                throw new AssertionError("flow row " + r + " differs");
            }
        }
        for (int d = 0; d < a.dayCount(); d++) {
            assertThat(a.firstRow(d)).isEqualTo(b.firstRow(d));
        }
    }

    static void assertSameResidents(ResidentTable a, ResidentTable b) {
        assertThat(a.rowCount()).isEqualTo(b.rowCount());
        for (int r = 0; r < a.rowCount(); r++) {
            if (a.region(r) != b.region(r) || a.residents(r) != b.residents(r)) {
                throw new AssertionError("resident row " + r + " differs");
            }
        }
    }
}
