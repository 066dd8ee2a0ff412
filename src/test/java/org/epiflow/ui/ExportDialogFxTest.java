package org.epiflow.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.data.demo.DemoScenario;
import org.epiflow.export.ExportFormat;
import org.epiflow.ui.export.ExportViewModel;
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
 * The export dialog under Monocle: unlock the demo, Ctrl+E opens the dialog, the preview is drawn, a PNG is exported
 * into a temporary folder through the scripted file chooser and recorded. With {@code -Depiflow.screenshots=DIR} it
 * saves the dialog as {@code export.png}.
 */
@ExtendWith(ApplicationExtension.class)
class ExportDialogFxTest {
    static {
        System.setProperty("headless.geometry", "1920x1200-32");
    }

    @TempDir
    static Path dir;
    static DemoInstaller.Installed demo;
    static AppPreferences prefs;
    static final String SHOTS = System.getProperty("epiflow.screenshots", "");
    WorkstationViewModel vm;
    final UiFixtures.ScriptedFiles files = new UiFixtures.ScriptedFiles();
    final UiFixtures.RecordingDialogs dialogs = new UiFixtures.RecordingDialogs();

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
        vm = new WorkstationViewModel(m, prefs, new FxTaskExecutor(), dialogs, files, IdentityUnlocker.files(),
                Clock.systemUTC(), dir.resolve("workspaces"));
        MainWindow w = new MainWindow(vm, () -> { }, () -> { });
        Scene scene = new Scene(w.root(), 1280, 800);
        w.root().setStyle(AppFonts.rootStyle());
        ThemeStyles.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
        vm.loadBasemap();
        vm.unlock().offerDemo(() -> Optional.of(new DemoFinder.DemoFiles(demo.officerKey(), demo.trustStore(),
                demo.bundle(), DemoInstaller.DEFAULT_PASSPHRASE)), vm.open()::open);
    }

    @Test
    void exportsAPngOfTheDemo(FxRobot robot) throws Exception {
        waitFor(() -> vm.map().basemapProperty().get() != null);
        robot.clickOn("#passphraseField").write(DemoInstaller.DEFAULT_PASSPHRASE);
        robot.clickOn("#unlockButton");
        waitFor(() -> vm.unlock().session() != null && vm.open().currentProperty().get() != null);
        waitFor(() -> vm.map().frameProperty().get() != null && !vm.map().renderingProperty().get());
        robot.interact(() -> vm.timeline().startProperty().set(19));

        robot.clickOn("#mapCanvas");
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#exportDialog").tryQuery().isPresent());
        waitFor(() -> vm.export().previewProperty().get() != null
                || vm.export().previewTextProperty().get().contains(":"));
        assertThat(vm.export().previewTextProperty().get()).isEmpty();
        ImageView preview = robot.lookup("#exportPreview").queryAs(ImageView.class);
        assertThat(preview.getImage()).isNotNull();
        Scene dialog = robot.lookup("#exportDialog").query().getScene();
        assertThat(new SceneTexts(vm.messages()).unexplained(dialog.getRoot())).isEmpty();

        robot.interact(() -> {
            ExportDialogFxTest.<ComboBox<ExportFormat>>node(robot, "#exportFormat").setValue(ExportFormat.PNG);
            ExportDialogFxTest.<ComboBox<org.epiflow.ui.export.PageSettings.SizeMode>>node(robot, "#exportSizeMode")
                    .setValue(org.epiflow.ui.export.PageSettings.SizeMode.PIXELS);
            ExportDialogFxTest.<Spinner<Integer>>node(robot, "#exportWidth").getValueFactory().setValue(960);
            ExportDialogFxTest.<Spinner<Integer>>node(robot, "#exportHeight").getValueFactory().setValue(540);
        });
        robot.interact(() -> ExportDialogFxTest.<javafx.scene.control.TextField>node(robot, "#exportTitleField")
                .setText("Demo brief"));
        assertThat(vm.export().titleProperty().get()).isEqualTo("Demo brief");
        // the preview follows the changes, shortly after
        waitFor(() -> vm.export().previewProperty().get() != null
                && vm.export().previewProperty().get().getWidth() > vm.export().previewProperty().get().getHeight()
                && vm.export().previewTextProperty().get().isEmpty());
        shot(dialog);

        Path out = dir.resolve("out").resolve("brief.png");
        Files.createDirectories(out.getParent());
        files.answers.add(out);
        robot.clickOn("#exportButton");
        waitFor(() -> vm.export().lastExportProperty().get() != null || !dialogs.errors.isEmpty());
        assertThat(dialogs.errors).isEmpty();
        assertThat(out).exists();
        var img = ImageIO.read(out.toFile());
        assertThat(img.getWidth()).isEqualTo(960);
        assertThat(img.getHeight()).isEqualTo(540);
        assertThat(robot.lookup("#exportStatus").queryAs(Label.class).getText())
                .isEqualTo("Exported to " + out.toAbsolutePath());
        try (var listing = Files.list(out.getParent())) {
            assertThat(listing).containsExactly(out);
        }

        robot.clickOn("#exportClose");
        waitFor(() -> robot.lookup("#exportDialog").tryQuery().isEmpty());
        // remembered for next time
        assertThat(prefs.node().node("export").get("sizeMode", "")).isEqualTo("PIXELS");
        assertThat(prefs.node().node("export").getInt("width", 0)).isEqualTo(960);
    }

    @SuppressWarnings("unchecked")
    private static <T> T node(FxRobot robot, String id) {
        return (T) robot.lookup(id).query();
    }

    private static void waitFor(BooleanSupplier c) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, c::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(Scene scene) throws Exception {
        if (SHOTS.isBlank()) {
            return;
        }
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
        Path target = Path.of(SHOTS).resolve("export.png");
        Files.createDirectories(target.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", target.toFile());
    }
}
