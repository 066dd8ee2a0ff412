package org.epiflow.ui;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.epiflow.export.ExportFormat;
import org.epiflow.ui.export.ExportViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export dialog under Monocle: unlock the demo, Ctrl+E opens the dialog, the preview is drawn, a PNG is exported
 * into a temporary folder through the scripted file chooser and recorded. With {@code -Depiflow.screenshots=DIR} it
 * saves the dialog as {@code export.png}.
 */
@ExtendWith(WorkstationExtension.class)
class ExportDialogFxTest {

    @Test
    void exportsAPngOfTheDemo(Workstation w) throws Exception {
        WorkstationViewModel vm = w.vm();
        FxRobot robot = w.robot();
        w.unlockDemo();
        w.interact(() -> vm.timeline().startProperty().set(19));

        robot.clickOn("#mapCanvas");
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        w.waitFor(() -> robot.lookup("#exportDialog").tryQuery().isPresent());
        w.waitFor(() -> vm.export().previewProperty().get() != null
                || vm.export().previewTextProperty().get().contains(":"));
        assertThat(vm.export().previewTextProperty().get()).isEmpty();
        ImageView preview = w.node("#exportPreview");
        assertThat(preview.getImage()).isNotNull();
        Scene dialog = robot.lookup("#exportDialog").query().getScene();
        assertThat(new SceneTexts(vm.messages()).unexplained(dialog.getRoot())).isEmpty();
        // every label whole ("Handling ma…", "Frame delay …" before)
        assertThat(SceneTexts.truncated(dialog.getRoot())).isEmpty();

        w.interact(() -> {
            w.<ComboBox<ExportFormat>>node("#exportFormat").setValue(ExportFormat.PNG);
            w.<ComboBox<org.epiflow.ui.export.PageSettings.SizeMode>>node("#exportSizeMode").setValue(org.epiflow.ui.export.PageSettings.SizeMode.PIXELS);
            w.<Spinner<Integer>>node("#exportWidth").getValueFactory().setValue(960);
            w.<Spinner<Integer>>node("#exportHeight").getValueFactory().setValue(540);
        });
        w.interact(() -> w.<TextField>node("#exportTitleField").setText("Demo brief"));
        assertThat(vm.export().titleProperty().get()).isEqualTo("Demo brief");
        // the preview follows the changes, shortly after
        w.waitFor(() -> vm.export().previewProperty().get() != null
                && vm.export().previewProperty().get().getWidth() > vm.export().previewProperty().get().getHeight()
                && vm.export().previewTextProperty().get().isEmpty());
        w.shot(dialog, "export.png");

        Path out = w.dir().resolve("out").resolve("brief.png");
        Files.createDirectories(out.getParent());
        w.files().answers.add(out);
        robot.clickOn("#exportButton");
        w.waitFor(() -> vm.export().lastExportProperty().get() != null || !w.dialogs().errors.isEmpty());
        assertThat(w.dialogs().errors).isEmpty();
        assertThat(out).exists();
        var img = ImageIO.read(out.toFile());
        assertThat(img.getWidth()).isEqualTo(960);
        assertThat(img.getHeight()).isEqualTo(540);
        assertThat(w.text("#exportStatus")).isEqualTo("Exported to " + out.toAbsolutePath());
        try (var listing = Files.list(out.getParent())) {
            assertThat(listing).containsExactly(out);
        }

        robot.clickOn("#exportClose");
        w.waitFor(() -> robot.lookup("#exportDialog").tryQuery().isEmpty());
        // remembered for next time
        assertThat(w.prefs().node().node("export").get("sizeMode", "")).isEqualTo("PIXELS");
        assertThat(w.prefs().node().node("export").getInt("width", 0)).isEqualTo(960);
    }

    @Test
    @WorkstationWindow(language = "zh")
    void inChineseNoLabelIsCutShortAndThePageIsChinese(Workstation w) throws Exception {
        WorkstationViewModel vm = w.vm();
        FxRobot robot = w.robot();
        w.unlockDemo();
        robot.clickOn("#mapCanvas");
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        w.waitFor(() -> robot.lookup("#exportDialog").tryQuery().isPresent());
        Scene dialog = robot.lookup("#exportDialog").query().getScene();
        w.waitFor(() -> vm.export().previewProperty().get() != null);
        assertThat(SceneTexts.truncated(dialog.getRoot())).isEmpty();
        assertThat(vm.export().languageProperty().get()).isEqualTo(org.epiflow.map.Language.ZH);
        assertThat(vm.export().markingProperty().get()).isEqualTo("内部资料 仅限疫情防控使用");
        // an English page gets the English preset, and back
        w.interact(() -> vm.export().languageProperty().set(org.epiflow.map.Language.EN));
        assertThat(vm.export().markingProperty().get()).isEqualTo("For official use — aggregate data");
        w.interact(() -> vm.export().languageProperty().set(org.epiflow.map.Language.ZH));
        assertThat(vm.export().markingProperty().get()).isEqualTo("内部资料 仅限疫情防控使用");
        w.shot(dialog, "export-zh.png");
    }

    @Test
    void aLongSlideExportShowsProgressAndCancelLeavesNothing(Workstation w) throws Exception {
        WorkstationViewModel vm = w.vm();
        FxRobot robot = w.robot();
        w.unlockDemo();
        w.interact(() -> {
            vm.timeline().modeProperty().set(org.epiflow.ui.time.TimelineViewModel.Mode.RANGE);
            vm.timeline().startProperty().set(0);
            vm.timeline().endProperty().set(60);
        });
        robot.clickOn("#mapCanvas");
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        w.waitFor(() -> robot.lookup("#exportDialog").tryQuery().isPresent());
        w.interact(() -> {
            w.<ComboBox<ExportFormat>>node("#exportFormat").setValue(ExportFormat.PPTX);
            vm.export().datesProperty().set(org.epiflow.ui.export.ContentSettings.Dates.RANGE);
        });
        Path out = w.dir().resolve("deck").resolve("deck.pptx");
        Files.createDirectories(out.getParent());
        w.files().answers.add(out);
        robot.clickOn("#exportButton");
        w.waitFor(() -> vm.export().busyProperty().get() && vm.export().progressProperty().get() > 0,
                () -> "busy " + vm.export().busyProperty().get() + ", progress "
                        + vm.export().progressProperty().get());
        javafx.scene.control.ProgressBar bar = w.node("#exportProgress");
        assertThat(bar.isVisible()).isTrue();
        assertThat(bar.getProgress()).isBetween(0.0, 1.0);
        robot.clickOn("#exportCancel");
        w.waitFor(() -> !vm.export().busyProperty().get());
        assertThat(w.dialogs().errors).isEmpty();
        assertThat(w.text("#exportStatus")).isEqualTo("The export was cancelled; nothing was written.");
        try (var listing = Files.list(out.getParent())) {
            assertThat(listing).isEmpty();   // neither the deck nor a half-written temporary file
        }
        assertThat(vm.export().lastExportProperty().get()).isNull();
    }
}
