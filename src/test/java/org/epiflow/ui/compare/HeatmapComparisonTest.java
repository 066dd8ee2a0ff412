package org.epiflow.ui.compare;

import org.epiflow.analytics.compare.RiskChange;
import org.epiflow.analytics.compare.RiskComparison;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.TestDatasets;
import org.epiflow.data.DayRange;
import org.epiflow.data.compare.Alignment;
import org.epiflow.data.compare.BaselinePeriod;
import org.epiflow.export.ExportHeatmap;
import org.epiflow.map.ChoroplethLayer;
import org.epiflow.map.DivergingScale;
import org.epiflow.map.FlowMeasure;
import org.epiflow.map.Language;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Period;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.MapRenderWorker;
import org.epiflow.ui.map.MapViewModel;
import org.epiflow.ui.map.RegionSelection;
import org.epiflow.ui.risk.HeatmapMeasure;
import org.epiflow.ui.risk.RiskViewModel;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 15, item 1 in the app: with the Compare panel comparing the week after with the week before, the risk
 * heatmap shows the same model's change (and baseline, change in percent, per 1,000 residents) with the diverging
 * legend the export draws; a user would notice a heatmap still showing the plain column, a change against the wrong
 * week, or a screen legend that differs from the export's.
 */
class HeatmapComparisonTest {
    static final AggregateDataset DATA = TestDatasets.dataset(21, 10, LocalDate.of(2030, 1, 1), 3);
    static final OpenedBundle BUNDLE = new OpenedBundle(Path.of("test.epiflow"), null, "key", "FP-0001", DATA);
    static final LocalDate FROM = TestDatasets.START.plusDays(14), TO = TestDatasets.START.plusDays(20);
    @TempDir
    Path dir;
    MapRenderWorker worker;
    MapViewModel map;
    RiskViewModel risk;
    ComparisonViewModel cmp;

    @BeforeEach
    void setUp() throws Exception {
        worker = new MapRenderWorker();
        RegionSelection selection = new RegionSelection();
        selection.datasetProperty().set(DATA);
        Messages en = Messages.of(Locale.ENGLISH);
        var exec = new CurrentThreadTaskExecutor();
        map = new MapViewModel(en, exec, worker, selection);
        risk = new RiskViewModel(en, exec, new NoFiles(), selection, map);
        risk.bundleProperty().set(BUNDLE);
        cmp = new ComparisonViewModel(en);
        cmp.currentProperty().set(BUNDLE);
        cmp.periodProperty().set(DATA.info().period());
        cmp.daysProperty().set(new DayRange(14, 20));
        HeatmapComparisonLink.link(cmp, risk.heatmapBaseline(), risk.heatmap());
        StringBuilder b = new StringBuilder("date,region,cases\n");
        for (int d = 0; d < 21; d++) {
            b.append(TestDatasets.START.plusDays(d)).append(",420100,").append(5 + 3 * d).append('\n');
        }
        Path cases = dir.resolve("cases.csv");
        Files.writeString(cases, b.toString());
        risk.importCases(cases);
        risk.modelProperty().set(org.epiflow.analytics.RiskModel.IMPORTATION);
        risk.form().fromProperty().set(FROM);
        risk.form().toProperty().set(TO);
        risk.run();
        assertThat(risk.errors()).isEmpty();
        HeatmapMeasure expected = risk.heatmap().measures().stream().filter(m -> m.name().equals("expected_imported"))
                .findFirst().orElseThrow();
        risk.heatmap().measureProperty().set(expected);
    }

    @AfterEach
    void tearDown() {
        worker.close();
    }

    /** What the command line computes for the same run and baseline, independently of the panel. */
    private Map<String, RiskChange> expectedChanges(boolean perCapita) throws Exception {
        var run = risk.runProperty().get().outcome();
        BaselinePeriod b = BaselinePeriod.align(new Period(FROM, TO), new Period(FROM.minusDays(7), TO.minusDays(7)),
                Alignment.DATE);
        return RiskComparison.run(run, b, null, null).column("expected_imported", false, perCapita);
    }

    @Test
    void comparingTheWeekBeforeShowsTheChangeWithADivergingLegend() throws Exception {
        assertThat(risk.heatmap().comparedProperty().get()).isNull();
        assertThat(risk.heatmap().legendProperty().get().title()).isEqualTo("Expected imported infections");
        cmp.enabledProperty().set(true);
        cmp.weekBefore();
        ExportHeatmap h = risk.heatmap().comparedProperty().get();
        assertThat(h).isNotNull();
        assertThat(h.title()).isEqualTo("Change in Expected imported infections");
        assertThat(map.heatmapProperty().get()).isSameAs(h.layer());
        // every coloured region carries the change the baseline run gives, in the diverging scheme
        Map<String, RiskChange> want = expectedChanges(false);
        ChoroplethLayer layer = h.layer();
        assertThat(layer.values()).isNotEmpty();
        layer.values().forEach((code, v) -> assertThat(v).isCloseTo(want.get(code).change(), within(1e-12)));
        int[] diverging = DivergingScale.areaColors();
        for (int c : layer.colors()) {
            assertThat(Arrays.stream(diverging).anyMatch(d -> d == c)).isTrue();
        }
        assertThat(h.legend().get(0).label()).startsWith("+");
        assertThat(h.legend().get(h.legend().size() - 1).label()).isEqualTo("No value");
        assertThat(risk.heatmapBaseline().descriptionProperty().get())
                .isEqualTo("Compared with the same model over the baseline 2020-01-17 – 2020-01-23, aligned by date");
        assertThat(risk.heatmap().noteProperty().get()).contains("baseline 2020-01-17 – 2020-01-23");
        assertThat(risk.heatmap().describe("110100")).startsWith("Change in Expected imported infections: +");
        assertThat(risk.heatmap().describe("999999")).isEmpty();
    }

    @Test
    void baselineChangePercentAndPerCapitaFollowThePanel() throws Exception {
        cmp.enabledProperty().set(true);
        cmp.weekBefore();
        Map<String, RiskChange> want = expectedChanges(false);
        cmp.measureProperty().set(FlowMeasure.BASELINE);
        ExportHeatmap h = risk.heatmap().comparedProperty().get();
        assertThat(h.title()).isEqualTo("Expected imported infections in the baseline");
        h.layer().values().forEach((code, v) -> assertThat(v).isCloseTo(want.get(code).baseline(), within(1e-12)));
        risk.heatmap().showsProperty().set(FlowMeasure.CHANGE_PERCENT);   // the heatmap's switch is the panel's
        assertThat(cmp.measureProperty().get()).isEqualTo(FlowMeasure.CHANGE_PERCENT);
        h = risk.heatmap().comparedProperty().get();
        assertThat(h.title()).isEqualTo("Change in Expected imported infections, in percent");
        h.layer().values().forEach((code, v) -> assertThat(v).isCloseTo(want.get(code).changePercent(),
                within(1e-9)));
        cmp.measureProperty().set(FlowMeasure.CHANGE);
        cmp.perCapitaProperty().set(true);
        Map<String, RiskChange> perCapita = expectedChanges(true);
        h = risk.heatmap().comparedProperty().get();
        assertThat(h.title()).contains("per 1,000 residents");
        h.layer().values().forEach((code, v) -> assertThat(v).isCloseTo(perCapita.get(code).change(),
                within(1e-12)));
        assertThat(h.note()).contains("residents");
    }

    @Test
    void perCapitaWithoutABaselineAndAColumnThatIsNoCount() {
        cmp.perCapitaProperty().set(true);
        ExportHeatmap h = risk.heatmap().comparedProperty().get();
        assertThat(h).isNotNull();
        var run = risk.runProperty().get();
        var res = run.result();
        int col = res.column("expected_imported").getAsInt();
        h.layer().values().forEach((code, v) -> {
            var row = res.row(code).orElseThrow();
            // divided by thousands of residents
            assertThat(v).isBetween(0.0, row.value(col) / 100);
        });
        assertThat(h.layer().values().values()).anyMatch(v -> v > 0);
        HeatmapMeasure probability = risk.heatmap().measures().stream()
                .filter(m -> m.name().equals("import_probability")).findFirst().orElseThrow();
        risk.heatmap().measureProperty().set(probability);
        assertThat(risk.heatmap().comparedProperty().get()).isNull();
        assertThat(risk.heatmap().refusalProperty().get()).contains("not a count");
        assertThat(risk.heatmap().legendProperty().get()).isNotNull();   // the column itself, as it is
        assertThat(map.heatmapProperty().get()).isNotNull();
    }

    @Test
    void aBaselineOutsideTheBundleSaysSoAndTheColumnStaysShown() {
        cmp.enabledProperty().set(true);
        cmp.setBaselineStart(FROM.minusDays(30));
        assertThat(risk.heatmap().comparedProperty().get()).isNull();
        assertThat(risk.heatmapBaseline().problemProperty().get()).startsWith("The heatmap cannot be compared: ");
        assertThat(risk.heatmap().legendProperty().get().title()).isEqualTo("Expected imported infections");
        cmp.weekBefore();
        assertThat(risk.heatmapBaseline().problemProperty().get()).isEmpty();
        assertThat(risk.heatmap().comparedProperty().get()).isNotNull();
        cmp.enabledProperty().set(false);
        assertThat(risk.heatmap().comparedProperty().get()).isNull();
        assertThat(risk.heatmap().legendProperty().get()).isNotNull();
    }

    @Test
    void theExportOfTheComparisonIsTheScreensInEitherLanguage() {
        cmp.enabledProperty().set(true);
        cmp.weekBefore();
        ExportHeatmap screen = risk.heatmap().comparedProperty().get();
        ExportHeatmap en = risk.heatmap().comparedFor(Language.EN);
        ExportHeatmap zh = risk.heatmap().comparedFor(Language.ZH);
        for (ExportHeatmap e : new ExportHeatmap[] {en, zh}) {
            assertThat(e.layer().values()).isEqualTo(screen.layer().values());
            assertThat(e.layer().colors()).isEqualTo(screen.layer().colors());
            assertThat(e.layer().breaks()).isEqualTo(screen.layer().breaks());
            assertThat(e.layer().marks()).isEqualTo(screen.layer().marks());
        }
        assertThat(en.legend()).isEqualTo(screen.legend());
        assertThat(zh.title()).isEqualTo("预期输入感染数变化");
        assertThat(zh.note()).contains("基期 2020-01-17 至 2020-01-23");
    }

    static final class NoFiles implements org.epiflow.ui.util.FileChooserService {
        @Override
        public Optional<Path> openFile(String title, Path initial, String filterName, String... ext) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> saveFile(String title, Path initial, String filterName, String... ext) {
            return Optional.empty();
        }
    }
}
