package org.epiflow.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.epiflow.data.Direction;
import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.data.demo.DemoScenario;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.prefs.Theme;
import org.epiflow.ui.prefs.ThemeStyles;
import org.epiflow.ui.unlock.DemoFinder;
import org.epiflow.ui.unlock.IdentityUnlocker;
import org.epiflow.ui.util.FxTaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole workstation under Monocle: unlock with the demo officer, the demo bundle opens, search and select a
 * region, set a filter, play a few days; asserts on what is shown. With {@code -Depiflow.screenshots=DIR} it also
 * saves the screenshots of the user guide there.
 */
@ExtendWith(ApplicationExtension.class)
class WorkstationFxTest {
    static {
        // Monocle's headless screen is 1280×800 by default; popups near the edge would overflow it
        System.setProperty("headless.geometry", "1920x1200-32");
    }

    @TempDir
    static Path dir;
    static DemoInstaller.Installed demo;
    static AppPreferences prefs;
    static final String SHOTS = System.getProperty("epiflow.screenshots", "");
    WorkstationViewModel vm;
    Scene scene;

    @BeforeAll
    static void makeDemo() throws Exception {
        demo = DemoInstaller.create(dir.resolve("demo"), DemoScenario.DEFAULT_SEED,
                DemoInstaller.DEFAULT_PASSPHRASE.toCharArray(), 10);
        prefs = new AppPreferences(UiFixtures.prefsNode());
    }

    @AfterAll
    static void dropPrefs() throws Exception {
        prefs.node().removeNode();
    }

    @Start
    void start(Stage stage) {
        Messages m = Messages.of(Locale.ENGLISH);
        vm = new WorkstationViewModel(m, prefs, new FxTaskExecutor(), new UiFixtures.RecordingDialogs(),
                new UiFixtures.ScriptedFiles(), IdentityUnlocker.files(), Clock.systemUTC(),
                dir.resolve("workspaces"));
        MainWindow w = new MainWindow(vm, () -> { }, () -> { });
        scene = new Scene(w.root(), 1280, 800);
        w.root().setStyle(AppFonts.rootStyle());
        ThemeStyles.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
        vm.loadBasemap();
        vm.unlock().offerDemo(() -> Optional.of(new DemoFinder.DemoFiles(demo.officerKey(), demo.trustStore(),
                demo.bundle(), DemoInstaller.DEFAULT_PASSPHRASE)), vm.open()::open);
    }

    @Test
    void unlockOpenSelectFilterPlay(FxRobot robot) throws Exception {
        waitFor(() -> !vm.unlock().hintProperty().get().isEmpty());
        assertThat(text(robot, "#demoHint")).contains("epiflow-demo");
        waitFor(() -> vm.map().basemapProperty().get() != null && vm.map().frameProperty().get() != null);
        shot("unlock.png");

        robot.clickOn("#passphraseField").write("wrong");
        robot.type(KeyCode.ENTER);
        waitFor(() -> text(robot, "#unlockMessage").startsWith("Wrong passphrase"));

        robot.clickOn("#passphraseField").write(DemoInstaller.DEFAULT_PASSPHRASE);
        robot.clickOn("#unlockButton");
        waitFor(() -> vm.unlock().session() != null);
        waitFor(() -> vm.open().currentProperty().get() != null);
        waitFor(() -> vm.map().frameProperty().get().flows() != null && !vm.map().renderingProperty().get());
        assertThat(text(robot, "#statusBundle")).startsWith(DemoScenario.ISSUER).contains("k = 10");
        assertThat(text(robot, "#dateLabel")).isEqualTo("2020-01-01 (Wed)");
        assertThat(new SceneTexts(vm.messages()).unexplained(scene.getRoot())).isEmpty();
        shot("map.png");

        robot.clickOn("#searchField").write("Wuhan");
        robot.type(KeyCode.ENTER);
        waitFor(() -> "420100".equals(vm.selection().code()));
        assertThat(text(robot, "#detailTitle")).startsWith("Wuhan");

        ComboBox<?> topN = robot.lookup("#topNBox").queryAs(ComboBox.class);
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Integer> c = (ComboBox<Integer>) topN;
            c.setValue(50);
            vm.map().filters().directionProperty().set(Direction.OUTGOING);
        });
        waitFor(() -> text(robot, "#flowSummary").startsWith("Showing 50 of"));
        robot.interact(() -> vm.timeline().startProperty().set(20));
        waitFor(() -> !vm.map().renderingProperty().get());
        shot("selection.png");

        robot.clickOn("#dateLabel");   // closes the search suggestions, which would swallow the next click
        robot.clickOn("#playButton");
        waitFor(() -> vm.timeline().days().first() >= 23);
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.timeline().playingProperty().get()).isFalse();
        assertThat(text(robot, "#dateLabel")).startsWith("2020-01-2");

        robot.interact(() -> {
            vm.timeline().modeProperty().set(org.epiflow.ui.time.TimelineViewModel.Mode.RANGE);
            vm.timeline().endProperty().set(34);
            vm.map().filters().provincesProperty().set(true);
            vm.map().zoomToFit();
        });
        waitFor(() -> !vm.map().renderingProperty().get());
        shot("range-provinces.png");

        robot.clickOn("#mapCanvas");
        robot.type(KeyCode.F1);
        waitFor(() -> robot.lookup("#shortcutsOverlay").query().isVisible());
        shot("shortcuts.png");
        robot.type(KeyCode.ESCAPE);

        robot.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
        waitFor(() -> vm.unlock().session() == null);
        assertThat(vm.open().bundles()).isEmpty();
        assertThat(text(robot, "#statusLock")).isEqualTo("Locked");
        vm.session().flush();
        assertThat(Files.list(dir.resolve("workspaces"))).isNotEmpty();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitFor(BooleanSupplier c) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, c::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(String name) throws Exception {
        if (SHOTS.isBlank()) {
            return;
        }
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
        Path out = Path.of(SHOTS).resolve(name);
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
    }
}
