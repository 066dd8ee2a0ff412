package org.epiflow.ui;

import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.epiflow.data.Direction;
import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.data.demo.DemoScenario;
import org.epiflow.ui.time.TimelineViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole workstation under Monocle: unlock with the demo officer, the demo bundle opens, search and select a
 * region, set a filter, play a few days; asserts on what is shown. With {@code -Depiflow.screenshots=DIR} it also
 * saves the screenshots of the user guide there.
 */
@ExtendWith(WorkstationExtension.class)
class WorkstationFxTest {

    @Test
    void unlockOpenSelectFilterPlay(Workstation w) throws Exception {
        WorkstationViewModel vm = w.vm();
        FxRobot robot = w.robot();
        w.waitFor(() -> !vm.unlock().hintProperty().get().isEmpty());
        assertThat(w.text("#demoHint")).contains("epiflow-demo");
        w.waitFor(() -> vm.map().basemapProperty().get() != null && vm.map().frameProperty().get() != null);
        w.shot("unlock.png");

        robot.clickOn("#passphraseField").write("wrong");
        robot.type(KeyCode.ENTER);
        w.waitFor(() -> w.text("#unlockMessage").startsWith("Wrong passphrase"));

        robot.clickOn("#passphraseField").write(DemoInstaller.DEFAULT_PASSPHRASE);
        robot.clickOn("#unlockButton");
        w.waitFor(() -> vm.unlock().session() != null);
        w.waitFor(() -> vm.open().currentProperty().get() != null);
        w.waitFor(() -> vm.map().frameProperty().get().flows() != null && !vm.map().renderingProperty().get());
        assertThat(w.text("#statusBundle")).startsWith(DemoScenario.ISSUER).contains("k = 10");
        assertThat(w.text("#dateLabel")).isEqualTo("2020-01-01 (Wed)");
        assertThat(new SceneTexts(vm.messages()).unexplained(w.scene().getRoot())).isEmpty();
        w.shot("map.png");

        robot.clickOn("#searchField").write("Wuhan");
        // under load the suggestions may still be for "Wu" (Wuhai …): press Enter once the whole name is in
        w.waitFor(() -> "Wuhan".equals(w.<javafx.scene.control.TextField>node("#searchField").getText()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        w.waitFor(() -> "420100".equals(vm.selection().code()));
        assertThat(w.text("#detailTitle")).startsWith("Wuhan");

        ComboBox<Integer> topN = w.node("#topNBox");
        w.interact(() -> {
            topN.setValue(50);
            vm.map().filters().directionProperty().set(Direction.OUTGOING);
        });
        w.waitFor(() -> w.text("#flowSummary").startsWith("Showing 50 of"));
        w.interact(() -> vm.timeline().startProperty().set(20));
        w.waitForMap();
        w.shot("selection.png");

        robot.clickOn("#dateLabel");   // closes the search suggestions, which would swallow the next click
        robot.clickOn("#playButton");
        w.waitFor(() -> vm.timeline().days().first() >= 23);
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.timeline().playingProperty().get()).isFalse();
        assertThat(w.text("#dateLabel")).startsWith("2020-01-2");

        w.interact(() -> {
            vm.timeline().modeProperty().set(TimelineViewModel.Mode.RANGE);
            vm.timeline().endProperty().set(34);
            vm.map().filters().provincesProperty().set(true);
            vm.map().zoomToFit();
        });
        w.waitForMap();
        w.shot("range-provinces.png");

        robot.clickOn("#mapCanvas");
        robot.type(KeyCode.F1);
        w.waitFor(() -> robot.lookup("#shortcutsOverlay").query().isVisible());
        w.shot("shortcuts.png");
        robot.type(KeyCode.ESCAPE);

        robot.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
        w.waitFor(() -> vm.unlock().session() == null);
        assertThat(vm.open().bundles()).isEmpty();
        assertThat(w.text("#statusLock")).isEqualTo("Locked");
        vm.session().flush();
        try (var listing = Files.list(w.dir().resolve("workspaces"))) {
            assertThat(listing).isNotEmpty();
        }
    }
}
