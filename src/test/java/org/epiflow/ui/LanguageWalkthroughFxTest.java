package org.epiflow.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.data.demo.DemoScenario;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import org.epiflow.ui.export.ExportDialog;
import org.epiflow.ui.help.PreferencesDialog;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.time.TimelineViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every screen and dialog of the workstation in Chinese and in English, in real dialogs and windows (under
 * Monocle), and fails on a visible word in the other script that is not data, and on any text the catalogues do
 * not explain: the unlock card and its failures, the map with legends and notes, the place panel and its chart, the
 * spread-risk panel after a run, the timeline, the menus, tooltips, the shortcuts overlay, preferences, the export
 * dialog and the exported page itself, the saved-view dialog, a refused bundle with its details expanded, a
 * boundary file that cannot be imported, the "exported" dialog, the file choosers' titles, the locked screen. Then
 * switches the language of a working session and checks that the work is all still there and every word changed.
 */
@ExtendWith(WorkstationExtension.class)
@WorkstationWindow(fxDialogs = true)
class LanguageWalkthroughFxTest {
    Workstation w;
    Stage stage;
    WorkstationViewModel vm;
    Path damaged;
    Path badBoundaries;
    final Set<Window> handled = new HashSet<>();
    final List<String> problems = new ArrayList<>();
    /**
     * The refusal's finding while the bundle layer still words it in English (a {@code BundleException} that is not
     * yet {@link org.epiflow.text.Localized}): shown as found, so allowed here. Once the bundle layer gives messages
     * this list is empty and the Chinese words of the finding are checked like everything else.
     */
    final List<String> pendingElsewhere = new ArrayList<>();

    private void open(Workstation ws) throws Exception {
        this.w = ws;
        this.stage = ws.stage();
        this.vm = ws.vm();
        byte[] all = Files.readAllBytes(ws.demo().bundle());
        damaged = ws.dir().resolve("damaged.epiflow");
        Files.write(damaged, java.util.Arrays.copyOf(all, 4096));
        badBoundaries = ws.dir().resolve("bureau.geojson");
        Files.writeString(badBoundaries, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"adcode":"420100"},"geometry":{"type":"Polygon",
                  "coordinates":[[[114,30],[115,30],[115,31],[114,30]]]}},
                 {"type":"Feature","properties":{"adcode":"420100"},"geometry":{"type":"Polygon",
                  "coordinates":[[[116,30],[117,30],[117,31],[116,30]]]}}]}
                """, StandardCharsets.UTF_8);
        try (var id = org.epiflow.bundle.age.AgeIdentityFile.read(ws.demo().officerKey(),
                DemoInstaller.DEFAULT_PASSPHRASE.toCharArray());
             var creds = org.epiflow.bundle.BundleCredentials.of(id)) {
            new org.epiflow.bundle.BundleReader(org.epiflow.bundle.minisign.TrustStore.load(ws.demo().trustStore()))
                    .open(damaged, creds, org.epiflow.bundle.BundleProgress.NONE);
        } catch (org.epiflow.bundle.BundleException e) {
            if (!(e instanceof org.epiflow.text.Localized)) {
                pendingElsewhere.add(e.getMessage());
            }
        }
    }

    @Test
    @WorkstationWindow(language = "zh", fxDialogs = true)
    void everyScreenAndDialogInChinese(Workstation ws) throws Exception {
        open(ws);
        walk(ws.robot(), Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    @WorkstationWindow(language = "en", fxDialogs = true)
    void everyScreenAndDialogInEnglish(Workstation ws) throws Exception {
        open(ws);
        walk(ws.robot(), Locale.ENGLISH);
    }

    @Test
    @WorkstationWindow(language = "zh", fxDialogs = true)
    void switchingTheLanguageKeepsTheWorkAndChangesEveryWord(Workstation ws) throws Exception {
        Locale jvm = Locale.getDefault();   // the app sets the JVM's default locale: put it back for other tests
        try {
            switchAndCheck(ws);
        } finally {
            Locale.setDefault(jvm);
        }
    }

    private void switchAndCheck(Workstation ws) throws Exception {
        open(ws);
        FxRobot robot = ws.robot();
        waitFor(() -> vm.map().basemapProperty().get() != null && !vm.unlock().hintProperty().get().isEmpty());
        robot.interact(() -> {
            vm.unlock().passphraseProperty().set(DemoInstaller.DEFAULT_PASSPHRASE);
            vm.unlock().unlock();
        });
        waitFor(() -> vm.open().currentProperty().get() != null && vm.session().available());
        waitRendered();
        TabPane tabs = robot.lookup("#sideTabs").queryAs(TabPane.class);
        robot.interact(() -> {
            tabs.getSelectionModel().select(1);
            vm.selection().select("420100");
            vm.timeline().modeProperty().set(TimelineViewModel.Mode.RANGE);
            vm.timeline().startProperty().set(18);
            vm.timeline().endProperty().set(24);
            vm.map().filters().topNProperty().set(50);
            // an extent of the user's own (the untouched whole-China view fits the new window's map instead)
            vm.map().zoom(1.25, 200, 200);
            vm.risk().importCases(w.demo().dir().resolve(DemoInstaller.CASES));
        });
        waitFor(() -> vm.risk().casesProperty().get() != null);
        robot.interact(() -> vm.risk().run());
        waitFor(() -> vm.risk().runProperty().get() != null && !vm.risk().runningProperty().get());
        waitRendered();
        var bundle = vm.open().currentProperty().get();
        var run = vm.risk().runProperty().get();
        var viewport = vm.map().viewportProperty().get();
        String dateZh = robot.lookup("#dateLabel").queryAs(javafx.scene.control.Label.class).getText();
        scanWindow("before the switch");

        for (Locale next : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            ws.switchLanguage(next);
            waitRendered();
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.messages().locale()).isEqualTo(Messages.isChinese(next) ? Messages.CHINESE
                    : Messages.ENGLISH);
            // the work is all there
            assertThat(vm.open().currentProperty().get()).isSameAs(bundle);
            assertThat(vm.selection().code()).isEqualTo("420100");
            assertThat(vm.timeline().startProperty().get()).isEqualTo(18);
            assertThat(vm.timeline().endProperty().get()).isEqualTo(24);
            assertThat(vm.map().filters().topNProperty().get()).isEqualTo(50);
            assertThat(vm.risk().runProperty().get()).isSameAs(run);
            assertThat(vm.risk().casesProperty().get()).isNotNull();
            assertThat(vm.map().viewportProperty().get().metresPerPixel())
                    .isCloseTo(viewport.metresPerPixel(), org.assertj.core.data.Offset.offset(1e-6));
            // and the new window shows it
            TabPane side = robot.lookup("#sideTabs").queryAs(TabPane.class);
            assertThat(side.getSelectionModel().getSelectedIndex()).as("side tab kept").isEqualTo(1);
            assertThat(robot.lookup("#rangeModeButton").queryAs(javafx.scene.control.ToggleButton.class)
                    .isSelected()).as("range mode shown").isTrue();
            assertThat(robot.lookup("#rangeSlider").queryAs(org.controlsfx.control.RangeSlider.class)
                    .getLowValue()).isEqualTo(18);
            assertThat(robot.lookup("#heatmapLegend").query().isVisible()).as("heatmap legend").isTrue();
            assertThat(robot.lookup("#legend").query().isVisible()).as("flow legend").isTrue();
            assertThat(stage.getTitle()).isEqualTo(vm.messages().get("app.title"));
            scanWindow("after switching to " + next);
        }
        assertThat(robot.lookup("#dateLabel").queryAs(javafx.scene.control.Label.class).getText()).isEqualTo(dateZh);
        assertThat(problems).as("texts in the wrong language after a switch").isEmpty();
    }

    private void walk(FxRobot robot, Locale lang) throws Exception {
        waitFor(() -> !vm.unlock().hintProperty().get().isEmpty() && vm.map().basemapProperty().get() != null);
        scanWindow("unlock card");

        robot.interact(() -> {
            vm.unlock().passphraseProperty().set("wrong");
            vm.unlock().unlock();
        });
        waitFor(() -> vm.unlock().messageIsProblemProperty().get() && !vm.unlock().busyProperty().get());
        scanWindow("wrong passphrase");
        waitFor(() -> {
            vm.unlock().tick();
            return vm.unlock().waitSecondsProperty().get() == 0;
        });

        robot.interact(() -> {
            vm.unlock().passphraseProperty().set(DemoInstaller.DEFAULT_PASSPHRASE);
            vm.unlock().unlock();
        });
        waitFor(() -> vm.open().currentProperty().get() != null && vm.session().available());
        waitRendered();
        scanWindow("map");

        robot.interact(() -> vm.selection().select("420100"));
        waitRendered();
        robot.moveTo("#mapCanvas");
        scanWindow("place selected");

        TabPane tabs = robot.lookup("#sideTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        robot.interact(() -> vm.risk().run());   // no case data yet: a mistake to explain
        waitFor(() -> !vm.risk().errors().isEmpty());
        scanWindow("risk: nothing to run on");
        robot.interact(() -> vm.risk().importCases(w.demo().dir().resolve(DemoInstaller.CASES)));
        waitFor(() -> vm.risk().casesProperty().get() != null);
        assertThat(vm.risk().errors()).as("a message answered by the import disappears").isEmpty();
        robot.interact(() -> vm.risk().run());
        waitFor(() -> vm.risk().runProperty().get() != null && !vm.risk().runningProperty().get());
        waitFor(() -> vm.map().frameProperty().get().scene().heatmap() != null);
        waitRendered();
        scanWindow("risk run");

        robot.interact(() -> {
            vm.timeline().modeProperty().set(TimelineViewModel.Mode.RANGE);
            vm.timeline().endProperty().set(20);
            vm.timeline().granularityProperty().set(TimelineViewModel.Granularity.WEEKLY);
        });
        waitRendered();
        scanWindow("range, weekly");

        robot.interact(() -> robot.lookup("#shortcutsOverlay").query().setVisible(true));
        scanWindow("shortcuts");
        robot.interact(() -> robot.lookup("#shortcutsOverlay").query().setVisible(false));

        Platform.runLater(() -> new PreferencesDialog(vm.messages(), stage, vm.prefs().language(), vm.prefs().theme(),
                vm.session().idleMinutesProperty().get()).ask());
        closeDialog(robot, scanDialog("preferences"));

        Platform.runLater(() -> vm.session().saveViewInteractive());
        closeDialog(robot, scanDialog("save view"));

        exportDialogAndPage(robot);

        robot.interact(() -> vm.open().open(damaged));
        DialogPane refused = scanDialog("bundle refused");
        Hyperlink details = (Hyperlink) refused.lookup(".details-button");
        assertThat(details).as("details link").isNotNull();
        String before = details.getText();
        robot.interact(details::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(details.getText()).isNotEqualTo(before);
        scan(refused, "bundle refused, details shown");
        closeDialog(robot, refused);

        robot.interact(() -> vm.boundaries().loadOfficial(badBoundaries));
        closeDialog(robot, scanDialog("boundaries refused"));

        w.files().titles.clear();
        robot.interact(() -> {
            vm.open().chooseAndOpen();
            vm.boundaries().chooseAndLoad();
            vm.risk().chooseCases();
            vm.unlock().chooseIdentityFile();
            vm.unlock().chooseTrustStore();
        });
        List.copyOf(w.files().titles).forEach(t -> check(t, "file chooser"));

        robot.interact(() -> vm.lock());
        waitFor(() -> vm.unlock().session() == null);
        assertThat(vm.unlock().messageIsProblemProperty().get()).as("locking is a state, not an error").isFalse();
        scanWindow("locked");

        assertThat(problems).as("texts in the wrong language or not from the catalogues (" + lang + ")").isEmpty();
    }

    private void exportDialogAndPage(FxRobot robot) throws Exception {
        robot.interact(() -> new ExportDialog(vm.export(), stage).show());
        waitFor(() -> robot.lookup("#exportDialog").tryQuery().isPresent());
        waitFor(() -> vm.export().previewProperty().get() != null);
        Node export = robot.lookup("#exportDialog").query();
        scan(export.getScene().getRoot(), "export dialog");
        check(vm.export().markingProperty().get(), "handling marking");

        Path svg = w.dir().resolve("page-" + vm.messages().locale() + ".svg");
        robot.interact(() -> {
            vm.export().formatProperty().set(org.epiflow.export.ExportFormat.SVG);
            vm.export().export(svg);
        });
        DialogPane done = scanDialog("exported");
        assertThat(done.getButtonTypes()).hasSize(3);   // open folder, open file, close
        closeDialog(robot, done);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        NodeList texts = doc.getElementsByTagName("text");
        assertThat(texts.getLength()).isPositive();
        for (int i = 0; i < texts.getLength(); i++) {
            check(texts.item(i).getTextContent(), "exported page");
        }
        robot.interact(() -> export.getScene().getWindow().hide());
        handled.add(export.getScene().getWindow());
    }

    // ---- scanning --------------------------------------------------------------------------------------------

    private SceneTexts texts() {
        List<String> data = new ArrayList<>();
        var b = vm.open().currentProperty().get();
        RegionTable regions = b == null ? null : b.data().regions();
        if (regions != null) {
            for (Region r : regions.all()) {
                data.add(r.name());
                data.add(r.nameEn());
            }
        }
        data.add("EpiFlow Demo Carrier (synthetic data)");
        data.add(DemoScenario.ISSUER);
        data.add(DemoInstaller.DEFAULT_PASSPHRASE);
        for (Path root : List.of(w.dir().toAbsolutePath(), w.demo().dir().toAbsolutePath())) {
            for (Path p = root; p != null; p = p.getParent()) {
                if (p.getFileName() != null) {
                    data.add(p.getFileName().toString());
                }
            }
        }
        data.addAll(List.of("demo.epiflow", "damaged.epiflow", "bureau.geojson", "officer.key", "carrier.pub",
                "demo", "workspaces", "adcode", "page"));
        data.addAll(pendingElsewhere);
        Messages m = vm.messages();
        data.addAll(List.of(m.get("export.marking.preset.zh"), m.get("export.marking.preset.zh.internal"),
                m.get("export.marking.preset.en"), m.get("export.marking.preset.en.restricted"),
                m.get("prefs.language.CHINESE"), m.get("prefs.language.ENGLISH")));
        return new SceneTexts(m).allowing(data);
    }

    private void scanWindow(String where) {
        scan(stage.getScene().getRoot(), where);
    }

    private void scan(Node root, String where) {
        SceneTexts t = texts();
        for (String s : t.foreign(root)) {
            problems.add(where + ": " + s);
        }
        for (String s : t.unexplained(root)) {
            problems.add(where + ": not from the catalogues: " + s);
        }
    }

    private void check(String text, String where) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String s : texts().foreign(List.of(new SceneTexts.Shown(text, where, false)))) {
            problems.add(where + ": " + s);
        }
    }

    /** Waits for a dialog window that opened since the last one, and scans it. */
    private DialogPane scanDialog(String where) throws Exception {
        Window[] found = new Window[1];
        waitFor(() -> {
            for (Window w : Window.getWindows()) {
                if (w != stage && w.isShowing() && !handled.contains(w) && w.getScene() != null
                        && w.getScene().getRoot().lookup(".dialog-pane") != null) {
                    found[0] = w;
                    return true;
                }
            }
            return false;
        });
        handled.add(found[0]);
        DialogPane pane = (DialogPane) found[0].getScene().getRoot().lookup(".dialog-pane");
        scan(pane, where);
        for (String c : SceneTexts.cutOff(pane)) {
            problems.add(where + ": cut off: " + c);
        }
        check(((Stage) found[0]).getTitle(), where + " title");
        return pane;
    }

    /** Presses the dialog's cancel or close button (else its OK button). */
    private void closeDialog(FxRobot robot, DialogPane pane) {
        ButtonType close = pane.getButtonTypes().stream()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE).findFirst()
                .orElse(pane.getButtonTypes().get(0));
        Button b = (Button) pane.lookupButton(close);
        robot.interact(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitRendered() throws Exception {
        waitFor(() -> vm.map().frameProperty().get() != null && !vm.map().renderingProperty().get());
    }

    private static void waitFor(BooleanSupplier c) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, c::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

}
