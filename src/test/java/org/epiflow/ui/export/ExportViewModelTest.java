package org.epiflow.ui.export;

import org.epiflow.bundle.TestDatasets;
import org.epiflow.data.DayRange;
import org.epiflow.data.Direction;
import org.epiflow.export.ExportFormat;
import org.epiflow.export.ExportLayer;
import org.epiflow.export.ExportOptions;
import org.epiflow.export.ExportSource;
import org.epiflow.export.Paper;
import org.epiflow.map.Language;
import org.epiflow.model.AggregateDataset;
import org.epiflow.ui.UiFixtures;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.MapRenderWorker;
import org.epiflow.ui.map.MapViewModel;
import org.epiflow.ui.map.RegionSelection;
import org.epiflow.data.workspace.ExportLog;
import org.epiflow.ui.session.SessionServices;
import org.epiflow.ui.time.TimelineViewModel;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

class ExportViewModelTest {
    static final AggregateDataset DATA = TestDatasets.dataset(10, 10, LocalDate.of(2030, 1, 1), 3);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2030-02-01T08:00:00Z"), ZoneOffset.UTC);
    final Messages messages = Messages.of(Locale.ENGLISH);
    final UiFixtures.RecordingDialogs dialogs = new UiFixtures.RecordingDialogs();
    final UiFixtures.ScriptedFiles files = new UiFixtures.ScriptedFiles();
    final FakeServices services = new FakeServices();
    @TempDir
    Path dir;
    Preferences node;
    MapRenderWorker worker;
    RegionSelection selection;
    MapViewModel map;
    TimelineViewModel timeline;
    ExportSource source;

    /** Records exports instead of writing a workspace. */
    static final class FakeServices implements SessionServices {
        final List<Object[]> exports = new ArrayList<>();

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public long recordRiskRun(String model, String parametersJson, String summaryJson, String bundleId) {
            return 0;
        }

        @Override
        public <R, X extends Exception> R publishExport(Path target, String format, String bundleId,
                                                        ExportLog.Writer<R, X> writer) throws IOException, X {
            Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
            R r = writer.write(tmp);
            exports.add(new Object[] {target, format, bundleId, Files.exists(tmp)});
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return r;
        }
    }

    @BeforeEach
    void setUp() {
        node = UiFixtures.prefsNode();
        worker = new MapRenderWorker();
        selection = new RegionSelection();
        selection.datasetProperty().set(DATA);
        map = new MapViewModel(messages, new CurrentThreadTaskExecutor(), worker, selection);
        map.resize(640, 400);
        map.daysProperty().set(DayRange.of(0));
        map.datasetProperty().set(DATA);
        timeline = new TimelineViewModel(messages);
        timeline.setPeriod(DATA.info().period());
        source = new ExportSource(DATA, null, "bundle-test", "Test carrier", "abcd1234", "officer-key");
    }

    @AfterEach
    void tearDown() throws Exception {
        worker.close();
        node.removeNode();
    }

    ExportViewModel vm() {
        return new ExportViewModel(messages, new CurrentThreadTaskExecutor(), dialogs, files, map, timeline,
                services, () -> source, node, CLOCK);
    }

    @Test
    void optionsComeFromTheCurrentView() {
        map.filters().topNProperty().set(50);
        map.filters().minVolumeProperty().set(100);
        map.filters().directionProperty().set(Direction.OUTGOING);
        String code = DATA.regions().get(0).code();
        selection.select(code);
        ExportViewModel vm = vm();
        vm.formatProperty().set(ExportFormat.PDF);
        vm.paperProperty().set(Paper.A3);
        vm.landscapeProperty().set(false);
        vm.dpiProperty().set(150);
        vm.titleProperty().set("Weekly brief");
        vm.markingProperty().set("内部资料 仅限疫情防控使用");
        vm.languageProperty().set(Language.EN);

        ExportOptions o = vm.options();
        assertThat(o.format()).isEqualTo(ExportFormat.PDF);
        assertThat(o.page().paper()).isEqualTo(Paper.A3);
        assertThat(o.page().isLandscape()).isFalse();
        assertThat(o.page().dpi()).isEqualTo(150);
        assertThat(o.topN()).isEqualTo(50);
        assertThat(o.minVolume()).isEqualTo(100);
        assertThat(o.direction()).isEqualTo(Direction.OUTGOING);
        assertThat(o.focusRegion()).isEqualTo(code);
        assertThat(o.title()).isEqualTo("Weekly brief");
        assertThat(o.subtitle()).isNull();
        assertThat(o.marking()).isEqualTo("内部资料 仅限疫情防控使用");
        assertThat(o.language()).isEqualTo(Language.EN);
        // no heatmap is shown on the map, so none is exported
        assertThat(o.layers()).contains(ExportLayer.FLOWS).doesNotContain(ExportLayer.HEATMAP);
        var e = o.extent();
        assertThat(e).isNotNull();
        // a frame of the screen's size shows exactly the screen
        var screen = map.viewportProperty().get();
        var framed = e.viewport(screen.width(), screen.height());
        assertThat(framed.centerX()).isCloseTo(screen.centerX(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(framed.centerY()).isCloseTo(screen.centerY(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(framed.metresPerPixel()).isCloseTo(screen.metresPerPixel(),
                org.assertj.core.data.Offset.offset(1e-9));

        selection.select("999999");   // not a region of the bundle: no focus
        assertThat(vm.options().focusRegion()).isNull();
        selection.select(code);
        vm.filtersProperty().set(false);
        vm.selectedRegionProperty().set(false);
        vm.currentExtentProperty().set(false);
        o = vm.options();
        assertThat(o.topN()).isEqualTo(5000);
        assertThat(o.focusRegion()).isNull();
        assertThat(o.extent()).isNull();
    }

    @Test
    void pixelSizesAreAsOnScreenAndSlidesAreSlides() {
        ExportViewModel vm = vm();
        vm.sizeModeProperty().set(org.epiflow.ui.export.PageSettings.SizeMode.PIXELS);
        vm.widthProperty().set(1920);
        vm.heightProperty().set(1080);
        assertThat(vm.options().page().pixelWidth()).isEqualTo(1920);
        assertThat(vm.options().page().pixelHeight()).isEqualTo(1080);
        assertThat(vm.options().page().dpi()).isEqualTo(96);
        vm.formatProperty().set(ExportFormat.PPTX);
        assertThat(vm.options().page().paper()).isEqualTo(Paper.SLIDE);
    }

    @Test
    void datesAreTheDayOrTheTimelineRange() {
        timeline.modeProperty().set(TimelineViewModel.Mode.RANGE);
        timeline.startProperty().set(2);
        timeline.endProperty().set(5);
        ExportViewModel vm = vm();
        LocalDate start = DATA.info().period().start();
        assertThat(vm.period()).containsExactly(start.plusDays(2), start.plusDays(5));
        vm.datesProperty().set(org.epiflow.ui.export.ContentSettings.Dates.DAY);
        assertThat(vm.period()).containsExactly(start.plusDays(2), start.plusDays(2));
        assertThat(vm.suggestedName()).isEqualTo("epiflow-" + start.plusDays(2) + ".png");
    }

    @Test
    void settingsAreRememberedButNotTheTitle() {
        ExportViewModel vm = vm();
        vm.formatProperty().set(ExportFormat.GIF);
        vm.sizeModeProperty().set(org.epiflow.ui.export.PageSettings.SizeMode.PIXELS);
        vm.widthProperty().set(800);
        vm.heightProperty().set(450);
        vm.markingProperty().set("Restricted");
        vm.languageProperty().set(Language.ZH);
        vm.heatmapProperty().set(false);
        vm.tableProperty().set(ExportOptions.TableKind.RANKING);
        vm.titleProperty().set("A title");
        vm.save();

        ExportViewModel again = vm();
        assertThat(again.formatProperty().get()).isEqualTo(ExportFormat.GIF);
        assertThat(again.sizeModeProperty().get()).isEqualTo(org.epiflow.ui.export.PageSettings.SizeMode.PIXELS);
        assertThat(again.widthProperty().get()).isEqualTo(800);
        assertThat(again.heightProperty().get()).isEqualTo(450);
        assertThat(again.markingProperty().get()).isEqualTo("Restricted");
        assertThat(again.languageProperty().get()).isEqualTo(Language.ZH);
        assertThat(again.heatmapProperty().get()).isFalse();
        assertThat(again.tableProperty().get()).isEqualTo(ExportOptions.TableKind.RANKING);
        assertThat(again.titleProperty().get()).isEmpty();
    }

    @Test
    void defaultsWithoutRememberedSettings() {
        ExportViewModel vm = vm();
        assertThat(vm.formatProperty().get()).isEqualTo(ExportFormat.PNG);
        assertThat(vm.languageProperty().get()).isEqualTo(Language.EN);
        assertThat(vm.markingProperty().get()).isEqualTo(vm.markingPresets().get(0));
        assertThat(vm.markingPresets()).contains("内部资料 仅限疫情防控使用", "For official use — aggregate data");
    }

    @Test
    void exportWritesTheFileAndRecordsIt() throws Exception {
        ExportViewModel vm = vm();
        vm.sizeModeProperty().set(org.epiflow.ui.export.PageSettings.SizeMode.PIXELS);
        vm.widthProperty().set(640);
        vm.heightProperty().set(360);
        vm.dpiProperty().set(96);
        files.answers.add(dir.resolve("brief"));   // no extension: added
        vm.chooseAndExport();

        Path out = dir.resolve("brief.png");
        assertThat(out).exists();
        assertThat(Files.readAllBytes(out)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(services.exports).hasSize(1);
        assertThat(services.exports.get(0)).containsExactly(out, "png", "bundle-test", true);
        assertThat(vm.statusProperty().get()).isEqualTo("Exported to " + out.toAbsolutePath());
        assertThat(vm.lastExportProperty().get()).isEqualTo(out);
        assertThat(dialogs.errors).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.folderProperty().get()).isEqualTo(dir.toAbsolutePath().toString());
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(out);
        }
    }

    @Test
    void tableExportWritesCsv() throws Exception {
        ExportViewModel vm = vm();
        vm.formatProperty().set(ExportFormat.CSV);
        vm.tableProperty().set(ExportOptions.TableKind.RANKING);
        vm.export(dir.resolve("ranking.csv"));
        assertThat(Files.readString(dir.resolve("ranking.csv"))).contains("#");
        assertThat(services.exports).hasSize(1);
    }

    @Test
    void aFailureIsReportedAndNothingIsRecorded() {
        ExportViewModel vm = vm();
        vm.sizeModeProperty().set(org.epiflow.ui.export.PageSettings.SizeMode.PIXELS);
        vm.widthProperty().set(320);
        vm.heightProperty().set(200);
        Path out = dir.resolve("no-such-folder").resolve("x.png");
        vm.export(out);
        assertThat(out).doesNotExist();
        assertThat(services.exports).isEmpty();
        assertThat(dialogs.errors).hasSize(1);
        assertThat(dialogs.errors.get(0)[1]).isEqualTo("The export failed");
        assertThat(vm.statusProperty().get()).startsWith("Could not export").endsWith("Nothing was written.");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void nothingOpenIsReported() {
        source = null;
        ExportViewModel vm = vm();
        vm.export(dir.resolve("x.png"));
        assertThat(dialogs.errors).hasSize(1);
        vm.refreshPreview();
        assertThat(vm.previewProperty().get()).isNull();
        assertThat(vm.previewTextProperty().get()).isEqualTo(messages.get("export.preview.none"));
    }

    @Test
    void previewIsASmallImageOfTheFirstPage() {
        ExportViewModel vm = vm();
        vm.paperProperty().set(Paper.A4);
        vm.landscapeProperty().set(true);
        vm.refreshPreview();
        var img = vm.previewProperty().get();
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isBetween(600, 800);
        assertThat(img.getWidth()).isGreaterThan(img.getHeight());

        vm.formatProperty().set(ExportFormat.XLSX);
        vm.refreshPreview();
        assertThat(vm.previewProperty().get()).isNull();
        assertThat(vm.previewTextProperty().get()).isEqualTo(messages.get("export.preview.table"));
    }
}
