package org.epiflow.ui.risk;

import org.epiflow.analytics.classify.ClassificationMethod;
import org.epiflow.analytics.classify.ColorScheme;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.TestDatasets;
import org.epiflow.model.AggregateDataset;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.MapRenderWorker;
import org.epiflow.ui.map.MapViewModel;
import org.epiflow.ui.map.RegionSelection;
import org.epiflow.ui.util.BackgroundWork;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.epiflow.ui.util.TaskCallbacks;
import org.epiflow.ui.util.TaskContext;
import org.epiflow.ui.util.TaskExecutor;
import org.epiflow.ui.util.TaskHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class RiskViewModelTest {
    static final AggregateDataset DATA = TestDatasets.dataset(21, 10, LocalDate.of(2030, 1, 1), 3);
    static final OpenedBundle BUNDLE = new OpenedBundle(Path.of("test.epiflow"), null, "key", "FP-0001", DATA);
    @TempDir
    Path dir;
    MapRenderWorker worker;
    RegionSelection selection;
    MapViewModel map;
    RiskViewModel vm;
    final ScriptedFiles files = new ScriptedFiles();

    static final class ScriptedFiles implements org.epiflow.ui.util.FileChooserService {
        final List<Path> answers = new ArrayList<>();

        @Override
        public java.util.Optional<Path> openFile(String title, Path initial, String filterName, String... ext) {
            return answers.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(answers.remove(0));
        }

        @Override
        public java.util.Optional<Path> saveFile(String title, Path initial, String filterName, String... ext) {
            return openFile(title, initial, filterName, ext);
        }
    }

    @BeforeEach
    void setUp() {
        worker = new MapRenderWorker();
        selection = new RegionSelection();
        selection.datasetProperty().set(DATA);
        map = new MapViewModel(Messages.of(Locale.ENGLISH), new CurrentThreadTaskExecutor(), worker, selection);
        vm = new RiskViewModel(Messages.of(Locale.ENGLISH), new CurrentThreadTaskExecutor(), files, selection, map);
        vm.bundleProperty().set(BUNDLE);
    }

    @AfterEach
    void tearDown() {
        worker.close();
    }

    private Path cases(String text) throws Exception {
        Path p = dir.resolve("cases.csv");
        Files.writeString(p, text);
        return p;
    }

    private static String goodCases() {
        StringBuilder b = new StringBuilder("date,region,cases\n");
        for (int d = 0; d < 10; d++) {
            b.append(TestDatasets.START.plusDays(d)).append(",420100,").append(5 + 3 * d).append('\n');
        }
        b.append(TestDatasets.START.plusDays(8)).append(",440100,2\n");
        return b.toString();
    }

    @Test
    void badParametersAreListedAndNothingRuns() {
        vm.modelProperty().set(org.epiflow.analytics.RiskModel.SEIR);
        vm.form().r0Property().set("abc");
        vm.form().runsProperty().set("2.5");
        vm.run();
        assertThat(vm.errors()).anyMatch(e -> e.startsWith("R0: enter a number"))
                .anyMatch(e -> e.startsWith("Stochastic runs: enter a whole number"))
                .anyMatch(e -> e.contains("Import case data or type infected people"));
        assertThat(vm.runProperty().get()).isNull();
        assertThat(vm.computations()).isZero();
    }

    @Test
    void unknownSourceAndBadSeedsAreRefused() {
        vm.modelProperty().set(org.epiflow.analytics.RiskModel.IMPORTATION);
        vm.form().sourcesProperty().set("999999");
        vm.form().seedsProperty().set("420100=x");
        assertThat(vm.validate()).isNull();
        assertThat(vm.errors()).anyMatch(e -> e.contains("No region 999999"))
                .anyMatch(e -> e.startsWith("Infected by hand '420100=x'"));
    }

    @Test
    void caseProblemsNameLineAndColumn() throws Exception {
        files.answers.add(cases("date,region,cases\n2020-01-10,420100,5\n2020-01-11,777777,3\n2020-01-12,420100,-4\n"));
        vm.chooseCases();
        assertThat(vm.casesProperty().get()).isNull();
        assertThat(vm.caseProblems()).anyMatch(p -> p.startsWith("Line 3, column region:"))
                .anyMatch(p -> p.startsWith("Line 4, column cases:"));
        assertThat(vm.casesSummaryProperty().get()).contains("refused");
    }

    @Test
    void importationFromCasesRanksRegionsAndCachesTheRun() throws Exception {
        List<RiskRun> told = new ArrayList<>();
        vm.addRunListener(told::add);
        vm.importCases(cases(goodCases()));
        assertThat(vm.casesProperty().get()).isNotNull();
        assertThat(vm.casesSummaryProperty().get()).contains("cases.csv");
        vm.run();
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.runProperty().get().result().model()).isEqualTo("importation");
        assertThat(vm.ranking()).hasSize(4);
        assertThat(vm.ranking().get(0).rank()).isEqualTo(1);
        assertThat(vm.ranking().get(0).drivers()).contains("%");
        assertThat(map.heatmapProperty().get()).isNotNull();
        assertThat(vm.heatmap().legendProperty().get()).isNotNull();
        assertThat(vm.computations()).isEqualTo(1);
        assertThat(told).hasSize(1);

        vm.run();   // same bundle and settings
        assertThat(vm.computations()).isEqualTo(1);
        assertThat(vm.statusProperty().get()).contains("cache");
        assertThat(told).hasSize(1);

        vm.form().windowProperty().set("5");
        vm.run();
        assertThat(vm.computations()).isEqualTo(2);
        vm.form().windowProperty().set("7");
        vm.run();
        assertThat(vm.computations()).isEqualTo(2);
        assertThat(vm.cache().size()).isEqualTo(2);
    }

    @Test
    void parametersAModelDoesNotUseDoNotMissTheCache() {
        vm.form().seedsProperty().set("420100=5000");
        vm.run();
        vm.form().r0Property().set("3");   // SEIR only
        vm.run();
        assertThat(vm.computations()).isEqualTo(1);
    }

    @Test
    void tableAndMapSelectionAreLinkedBothWays() {
        vm.form().seedsProperty().set("420100=5000");
        vm.run();
        RankingRow top = vm.ranking().get(0);
        vm.selectRow(top);
        assertThat(selection.code()).isEqualTo(top.code());
        RankingRow last = vm.ranking().get(vm.ranking().size() - 1);
        selection.select(last.code());
        assertThat(vm.selectedRowProperty().get()).isEqualTo(last);
        selection.clear();
        assertThat(vm.selectedRowProperty().get()).isNull();
    }

    @Test
    void classificationChoicesChangeTheLegend() {
        vm.form().seedsProperty().set("420100=5000");
        vm.run();
        HeatmapViewModel h = vm.heatmap();
        h.measureProperty().set(h.measures().stream().filter(m -> m.name().equals("expected_imported"))
                .findFirst().orElseThrow());
        h.classesProperty().set(3);
        h.methodProperty().set(ClassificationMethod.NATURAL_BREAKS);
        assertThat(h.legendProperty().get().breaks().method()).isEqualTo(ClassificationMethod.NATURAL_BREAKS);
        h.methodProperty().set(ClassificationMethod.EQUAL_INTERVALS);
        assertThat(h.legendProperty().get().breaks().method()).isEqualTo(ClassificationMethod.EQUAL_INTERVALS);
        h.methodProperty().set(ClassificationMethod.CUSTOM);
        h.customBreaksProperty().set("0, 10, 100, 1000");
        assertThat(h.legendProperty().get().breaks().edges()).containsExactly(0, 10, 100, 1000);
        assertThat(h.layerProperty().get().breaks()).containsExactly(10, 100);
        h.customBreaksProperty().set("5, 1");
        assertThat(h.errorProperty().get()).contains("increasing");
        h.schemeProperty().set(ColorScheme.RD_BU);
        assertThat(h.legendProperty().get().scheme()).isEqualTo(ColorScheme.RD_BU);
        h.visibleProperty().set(false);
        assertThat(map.heatmapProperty().get()).isNull();
    }

    @Test
    void densitySurfaceModeSpreadsTheValuesAroundTheSeats() {
        vm.form().seedsProperty().set("420100=5000");
        vm.run();
        HeatmapViewModel h = vm.heatmap();
        h.measureProperty().set(h.measures().stream().filter(m -> m.name().equals("expected_imported"))
                .findFirst().orElseThrow());
        assertThat(h.layerProperty().get().surface()).isNull();
        h.surfaceProperty().set(true);
        h.bandwidthKmProperty().set(120);
        assertThat(h.layerProperty().get().surface()).isNotNull();
        assertThat(h.layerProperty().get().surface().bandwidthKm()).isEqualTo(120);
        assertThat(h.layerProperty().get().surface().positions()).containsKey("420100");
        h.surfaceProperty().set(false);
        assertThat(h.layerProperty().get().surface()).isNull();
    }

    @Test
    void provincesRollUpSumsAdditiveFigures() {
        vm.form().seedsProperty().set("420100=5000");
        vm.run();
        HeatmapViewModel h = vm.heatmap();
        h.measureProperty().set(h.measures().stream().filter(m -> m.name().equals("population"))
                .findFirst().orElseThrow());
        map.filters().provincesProperty().set(true);
        assertThat(h.mappedValues()).containsKeys("110000", "310000", "420000", "440000");
    }

    /**
     * Issue 14 item 1: the app applies the reductions (it passed "never" before) and refuses the periods of less
     * than a day that the model rejects; the run is recorded under the model's id, as the CLI does.
     */
    @Test
    void theAppAppliesReductionsAndTheDeclaredRanges() {
        vm.modelProperty().set(org.epiflow.analytics.RiskModel.SEIR);
        vm.form().seedsProperty().set("420100=500");
        vm.form().runsProperty().set("0");
        vm.form().latentDaysProperty().set("0.5");
        vm.run();
        assertThat(vm.errors()).anyMatch(e -> e.startsWith("Latent period (days): enter a number from 1 to 60"));
        assertThat(vm.runProperty().get()).isNull();
        vm.form().latentDaysProperty().set("4");
        vm.form().contactReductionProperty().set("0.8");
        // seen in a real window: a reduction without its start day ran as "No travel or contact reduction"
        vm.run();
        assertThat(vm.errors()).anyMatch(e -> e.startsWith("A travel or contact reduction needs the day it starts"));
        assertThat(vm.runProperty().get()).isNull();
        vm.form().reductionFromProperty().set(TestDatasets.START.plusDays(3));
        List<RiskRun> told = new ArrayList<>();
        vm.addRunListener(told::add);
        vm.run();
        assertThat(vm.errors()).isEmpty();
        var summary = vm.runProperty().get().result().summary();
        assertThat(summary.get("reductionFrom")).isEqualTo(TestDatasets.START.plusDays(3).toString());
        assertThat(summary.get("contactReduction")).isEqualTo(0.8);
        assertThat(told.get(0).settings().model().id()).isEqualTo("seir");
        assertThat(vm.inputsProperty().get()).contains("contact −0.8 from " + TestDatasets.START.plusDays(3));
    }

    /** Issue 11 item 6: each result is read the right way round. */
    @Test
    void resultsAreReadTheRightWay() throws Exception {
        vm.importCases(cases(goodCases()));
        vm.run();
        HeatmapViewModel h = vm.heatmap();
        // importation opens on expected imported infections, not on a probability that saturates at 1
        assertThat(h.measureProperty().get().name()).isEqualTo("expected_imported");
        assertThat(h.legendProperty().get().entries()).allSatisfy(e -> {
            String[] ends = e.label().split(" – ");
            assertThat(ends[0]).isNotEqualTo(ends[1]);
        });
        assertThat(vm.ranking().get(0).interval()).contains("–");
        assertThat(h.describe(vm.ranking().get(0).code())).contains("95 % interval");
        // effective distance: the sources are marked, near reads as exposed (the scheme runs dark at small D)
        vm.modelProperty().set(org.epiflow.analytics.RiskModel.EFFECTIVE_DISTANCE);
        vm.run();
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.ranking().get(0).source()).isTrue();
        assertThat(vm.ranking().get(0).value()).isEqualTo("Source (not ranked)");
        assertThat(vm.ranking().get(1).rank()).isEqualTo(1);
        assertThat(h.reversedProperty().get()).isTrue();
        var legend = h.legendProperty().get();
        int nearest = legend.entries().get(0).argb();
        int farthest = legend.entries().get(legend.entries().size() - 1).argb();
        assertThat(brightness(nearest)).isLessThan(brightness(farthest));
        assertThat(h.layerProperty().get().marks()).containsValue(org.epiflow.map.ChoroplethLayer.Mark.SOURCE);
    }

    static int brightness(int argb) {
        return (argb >> 16 & 0xFF) + (argb >> 8 & 0xFF) + (argb & 0xFF);
    }

    @Test
    void theRatioIsOnADivergingSchemeCentredOnOne() {
        org.epiflow.analytics.RiskResult res = new org.epiflow.analytics.RiskResult("observed-expected",
                org.epiflow.analytics.observed.ObservedExpected.COLUMNS, ratioRows(), java.util.Map.of(), 10);
        HeatmapViewModel h = vm.heatmap();
        vm.showRun(new RiskRun("FP", new RiskSettings(org.epiflow.analytics.RiskModel.OBSERVED_EXPECTED,
                org.epiflow.analytics.observed.ObservedParameters.DEFAULTS, List.of(), List.of(), null, null, null,
                ""), new org.epiflow.analytics.RiskOutcome(org.epiflow.analytics.RiskRequest.of(
                org.epiflow.analytics.RiskModel.OBSERVED_EXPECTED, DATA), org.epiflow.analytics.DayWindow.upTo(1),
                new int[0], res, null), null, DATA));
        h.measureProperty().set(h.measures().stream().filter(m -> m.name().equals("observed_expected_ratio"))
                .findFirst().orElseThrow());
        assertThat(h.schemeProperty().get().kind()).isEqualTo(ColorScheme.Kind.DIVERGING);
        var legend = h.legendProperty().get();
        assertThat(legend.breaks().edges()).contains(1.0);
        for (var e : legend.entries()) {
            int r = e.argb() >> 16 & 0xFF;
            int b = e.argb() & 0xFF;
            if (e.upper() <= 1) {
                assertThat(b).as(e.label()).isGreaterThan(r);
            } else {
                assertThat(r).as(e.label()).isGreaterThan(b);
            }
        }
    }

    private static List<org.epiflow.analytics.RiskRow> ratioRows() {
        List<org.epiflow.analytics.RiskRow> rows = new ArrayList<>();
        double[] ratios = {0.2, 0.5, 0.8, 0.95, 1.1, 1.6, 3, 8};
        for (int i = 0; i < DATA.regions().size(); i++) {
            double x = ratios[i % ratios.length];
            rows.add(new org.epiflow.analytics.RiskRow(i, DATA.regions().get(i).code(), "r" + i, x,
                    new double[]{100, 10, 10, 1, 30, 0.5, 1e6, x}, "", List.of()));
        }
        return rows;
    }

    @Test
    void seirForecastHasADateSliderLockedBreaksAndAChart() {
        vm.modelProperty().set(org.epiflow.analytics.RiskModel.SEIR);
        vm.form().seedsProperty().set("420100=500");
        vm.form().runsProperty().set("20");
        vm.form().horizonProperty().set("20");
        vm.run();
        assertThat(vm.errors()).isEmpty();
        HeatmapViewModel h = vm.heatmap();
        HeatmapMeasure forecast = h.measures().stream().filter(HeatmapMeasure::isForecast).findFirst().orElseThrow();
        h.measureProperty().set(forecast);
        h.forecastDayProperty().set(30);
        var before = h.legendProperty().get().breaks();
        h.lockBreaksProperty().set(true);
        h.forecastDayProperty().set(5);
        assertThat(h.legendProperty().get().breaks()).isSameAs(before);
        assertThat(h.legendProperty().get().title()).contains(TestDatasets.START.plusDays(5).toString());
        h.lockBreaksProperty().set(false);
        assertThat(h.legendProperty().get().breaks()).isNotSameAs(before);

        vm.selectRow(vm.ranking().get(0));
        ForecastSeries s = vm.forecastProperty().get();
        assertThat(s).isNotNull();
        assertThat(s.days()).isEqualTo(41);
        for (int d = 0; d < s.days(); d++) {
            assertThat(s.p05()[d]).isLessThanOrEqualTo(s.median()[d]);
            assertThat(s.median()[d]).isLessThanOrEqualTo(s.p95()[d]);
        }
    }

    /** Holds work until told to run it. */
    static final class HeldExecutor implements TaskExecutor {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> TaskHandle execute(BackgroundWork<T> work, TaskCallbacks<T> cb) {
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            TaskHandle h = new TaskHandle() {
                @Override
                public void cancel() {
                    stop.set(true);
                }

                @Override
                public boolean isCancelled() {
                    return stop.get();
                }
            };
            held.add(() -> {
                try {
                    cb.onSuccess().accept(work.run(new TaskContext() {
                        @Override
                        public void progress(String stage, double fraction) {
                        }

                        @Override
                        public boolean isCancelled() {
                            return h.isCancelled();
                        }
                    }));
                } catch (Exception e) {
                    cb.onFailure().accept(e);
                }
            });
            return h;
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
        }

        @Override
        public void shutdown() {
        }
    }

    @Test
    void cancelDropsTheRun() {
        HeldExecutor ex = new HeldExecutor();
        RiskViewModel v = new RiskViewModel(Messages.of(Locale.ENGLISH), ex, files, selection, map);
        v.bundleProperty().set(BUNDLE);
        v.form().seedsProperty().set("420100=5000");
        v.run();
        assertThat(v.runningProperty().get()).isTrue();
        v.cancel();
        assertThat(v.runningProperty().get()).isFalse();
        assertThat(v.statusProperty().get()).isEqualTo("Cancelled");
        ex.held.forEach(Runnable::run);
        assertThat(v.runProperty().get()).isNull();
        assertThat(v.computations()).isZero();
        assertThat(v.cache().size()).isZero();
    }
}
