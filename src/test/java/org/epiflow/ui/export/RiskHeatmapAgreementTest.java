package org.epiflow.ui.export;

import org.epiflow.bundle.OpenedBundle;
import org.epiflow.data.demo.DemoScenario;
import org.epiflow.export.ExportHeatmap;
import org.epiflow.export.RiskHeatmap;
import org.epiflow.map.ChoroplethLayer;
import org.epiflow.map.Language;
import org.epiflow.model.AggregateDataset;
import org.epiflow.ui.UiFixtures;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.MapRenderWorker;
import org.epiflow.ui.map.MapViewModel;
import org.epiflow.ui.map.RegionSelection;
import org.epiflow.ui.risk.RiskViewModel;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code epiflow export --heatmap MODEL:COLUMN} draws the heatmap the workstation draws for the same run: the same
 * figures per region or province, breaks, colours, marks and legend labels.
 */
class RiskHeatmapAgreementTest {
    @TempDir
    static Path dir;
    static AggregateDataset data;
    static MapRenderWorker worker;
    static MapViewModel map;
    static RiskViewModel risk;

    @BeforeAll
    static void run() throws Exception {
        DemoScenario demo = DemoScenario.generate(DemoScenario.DEFAULT_SEED, Instant.parse("2020-03-01T00:00:00Z"));
        data = demo.dataset();
        Messages m = Messages.of(Locale.ENGLISH);
        RegionSelection selection = new RegionSelection();
        selection.datasetProperty().set(data);
        worker = new MapRenderWorker();
        map = new MapViewModel(m, new CurrentThreadTaskExecutor(), worker, selection);
        risk = new RiskViewModel(m, new CurrentThreadTaskExecutor(), new UiFixtures.ScriptedFiles(), selection, map);
        risk.bundleProperty().set(new OpenedBundle(Path.of("demo.epiflow"), null, "carrier", "FP", data));
        Path cases = dir.resolve("cases.csv");
        try (Writer w = Files.newBufferedWriter(cases, StandardCharsets.UTF_8)) {
            demo.cases().writeCsv(w, "cases");
        }
        risk.importCases(cases);
    }

    @AfterAll
    static void close() {
        worker.close();
    }

    @ParameterizedTest
    @CsvSource({"importation, expected_imported, false", "importation, expected_imported, true",
        "importation, import_probability, false", "observed-expected, risk_index, false",
        "effective-distance, effective_distance, false", "observed-expected, risk_index, true"})
    void theCommandLinesHeatmapIsTheWorkstations(String model, String column, boolean provinces) {
        risk.modelProperty().set(org.epiflow.analytics.RiskModel.byId(model).orElseThrow());
        risk.run();
        assertThat(risk.runProperty().get()).as(String.join("; ", risk.errors())).isNotNull();
        var measure = risk.heatmap().measures().stream().filter(x -> x.name().equals(column)).findFirst()
                .orElseThrow();
        risk.heatmap().measureProperty().set(measure);
        map.filters().provincesProperty().set(provinces);
        ChoroplethLayer screen = map.heatmapProperty().get();
        assertThat(screen).isNotNull();

        ExportHeatmap cli = RiskHeatmap.of(risk.runProperty().get().outcome(), data, column,
                RiskHeatmap.Classification.defaults(), provinces, Language.EN);
        assertThat(cli.layer().values()).isEqualTo(screen.values());
        assertThat(cli.layer().breaks()).containsExactly(screen.breaks());
        assertThat(cli.layer().colors()).containsExactly(screen.colors());
        assertThat(cli.layer().marks()).isEqualTo(screen.marks());
        assertThat(cli.title()).isEqualTo(screen.title());
        var legend = risk.heatmap().legendProperty().get().entries();
        for (int i = 0; i < legend.size(); i++) {
            assertThat(cli.legend().get(legend.size() - 1 - i).label()).isEqualTo(legend.get(i).label());
        }
    }
}
