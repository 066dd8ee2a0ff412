package org.epiflow.ui.export;

import org.epiflow.data.DayRange;
import org.epiflow.export.ExportFormat;
import org.epiflow.export.ExportSource;
import org.epiflow.map.Language;
import org.epiflow.ui.UiFixtures;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.MapRenderWorker;
import org.epiflow.ui.map.MapViewModel;
import org.epiflow.ui.map.RegionSelection;
import org.epiflow.ui.time.TimelineViewModel;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.epiflow.ui.util.DesktopService;
import org.epiflow.ui.util.UserFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export dialog's language and folders: a preset handling marking follows the page's language (and the page
 * the app's), a typed one stays; the save dialog starts in Documents the first time, then in the last export's
 * folder, never in the program's own folder; after an export the user can open the folder or the file.
 */
class ExportLanguageAndFoldersTest {
    final Messages messages = Messages.of(Locale.ENGLISH);
    final UiFixtures.ScriptedFiles files = new UiFixtures.ScriptedFiles();
    final List<String> chosen = new ArrayList<>();
    final List<String> launched = new ArrayList<>();
    int answer = -1;
    final org.epiflow.ui.util.DialogService dialogs = new org.epiflow.ui.util.DialogService() {
        @Override
        public void showError(String title, String header, String message, String details) {
            chosen.add("error " + message);
        }

        @Override
        public void showInfo(String title, String message) {
        }

        @Override
        public boolean confirm(String title, String message) {
            return true;
        }

        @Override
        public int showInfo(String title, String message, List<String> actions) {
            chosen.add(message);
            chosen.addAll(actions);
            return answer;
        }
    };
    @TempDir
    Path dir;
    Preferences node;
    MapRenderWorker worker;
    MapViewModel map;
    TimelineViewModel timeline;
    ExportSource source;

    @BeforeEach
    void setUp() {
        node = UiFixtures.prefsNode();
        worker = new MapRenderWorker();
        RegionSelection selection = new RegionSelection();
        selection.datasetProperty().set(ExportViewModelTest.DATA);
        map = new MapViewModel(messages, new CurrentThreadTaskExecutor(), worker, selection);
        map.resize(640, 400);
        map.daysProperty().set(DayRange.of(0));
        map.datasetProperty().set(ExportViewModelTest.DATA);
        timeline = new TimelineViewModel(messages);
        timeline.setPeriod(ExportViewModelTest.DATA.info().period());
        source = new ExportSource(ExportViewModelTest.DATA, null, "bundle-test", "Test carrier", "abcd1234",
                "officer-key");
    }

    @AfterEach
    void tearDown() throws Exception {
        worker.close();
        node.removeNode();
    }

    ExportViewModel vm() {
        ExportViewModel vm = new ExportViewModel(messages, new CurrentThreadTaskExecutor(), dialogs, files, map,
                timeline, new ExportViewModelTest.FakeServices(), () -> source, node, ExportViewModelTest.CLOCK);
        vm.setDesktop(new DesktopService() {
            @Override
            public void showInFolder(Path file) {
                launched.add("folder " + file.getFileName());
            }

            @Override
            public void open(Path file) {
                launched.add("open " + file.getFileName());
            }
        });
        return vm;
    }

    @Test
    void aPresetMarkingFollowsThePageLanguageButATypedOneStays() {
        ExportViewModel vm = vm();
        assertThat(vm.languageProperty().get()).isEqualTo(Language.EN);
        assertThat(vm.markingProperty().get()).isEqualTo(messages.get("export.marking.preset.en"));
        vm.languageProperty().set(Language.ZH);
        assertThat(vm.markingProperty().get()).isEqualTo("内部资料 仅限疫情防控使用");
        vm.markingProperty().set(messages.get("export.marking.preset.zh.internal"));
        vm.languageProperty().set(Language.EN);
        assertThat(vm.markingProperty().get()).isEqualTo(messages.get("export.marking.preset.en.restricted"));
        vm.markingProperty().set("For the mayor only");
        vm.languageProperty().set(Language.ZH);
        assertThat(vm.markingProperty().get()).as("typed by the user").isEqualTo("For the mayor only");
    }

    @Test
    void aRememberedEnglishPresetDoesNotStayOnAChinesePage() {
        node.put("marking", messages.get("export.marking.preset.en"));
        node.put("language", "ZH");
        ExportViewModel vm = vm();
        assertThat(vm.languageProperty().get()).isEqualTo(Language.ZH);
        assertThat(vm.markingProperty().get()).isEqualTo("内部资料 仅限疫情防控使用");
    }

    @Test
    void pagesFollowTheAppsLanguageWhenItChanges() {
        ExportViewModel vm = vm();
        messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(vm.languageProperty().get()).isEqualTo(Language.ZH);
            assertThat(vm.markingProperty().get()).isEqualTo("内部资料 仅限疫情防控使用");
        } finally {
            messages.setLocale(Locale.ENGLISH);
        }
    }

    @Test
    void theSaveDialogStartsInDocumentsThenInTheLastExportFolder() throws Exception {
        ExportViewModel vm = vm();
        vm.formatProperty().set(ExportFormat.CSV);
        vm.chooseAndExport();
        Path first = files.initials.get(0);
        assertThat(first).isAbsolute();
        assertThat(first.getParent()).isEqualTo(UserFolders.documents());
        assertThat(first.getParent()).isNotEqualTo(Path.of("").toAbsolutePath());

        Path out = Files.createDirectories(dir.resolve("briefings")).resolve("flows.csv");
        vm.export(out);
        files.initials.clear();
        vm.chooseAndExport();
        assertThat(files.initials.get(0).getParent()).isEqualTo(out.getParent().toAbsolutePath());

        Files.delete(out);
        Files.delete(out.getParent());
        files.initials.clear();
        vm().chooseAndExport();   // remembered, but gone: Documents again
        assertThat(files.initials.get(0).getParent()).isEqualTo(UserFolders.documents());
    }

    @Test
    void afterAnExportTheFolderOrTheFileCanBeOpened() throws Exception {
        ExportViewModel vm = vm();
        vm.formatProperty().set(ExportFormat.CSV);
        answer = 0;
        vm.export(dir.resolve("a.csv"));
        assertThat(chosen).contains(messages.get("export.openFolder"), messages.get("export.openFile"));
        answer = 1;
        vm.export(dir.resolve("b.csv"));
        answer = -1;
        vm.export(dir.resolve("c.csv"));
        assertThat(launched).containsExactly("folder a.csv", "open b.csv");
    }
}
