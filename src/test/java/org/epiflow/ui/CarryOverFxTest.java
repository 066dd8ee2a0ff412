package org.epiflow.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.ui.time.TimelineViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work carries over as an officer sees it (issue 12 item 7): the demo unlocked, its cases.csv imported, the
 * importation model run, Wuhan and a date range selected, the map zoomed in; Ctrl+L locks; unlocking shows the same
 * heatmap legend, the same selected place, the same date label and the same map pixels, without importing or
 * running anything by hand.
 */
@ExtendWith(WorkstationExtension.class)
class CarryOverFxTest {
    private static final String WUHAN = "420100";

    @Test
    void lockAndUnlockShowTheSameWork(Workstation w) throws Exception {
        WorkstationViewModel vm = w.vm();
        w.unlockDemo();
        TabPane tabs = w.node("#sideTabs");
        Tab riskTab = tabs.getTabs().get(1);
        w.interact(() -> tabs.getSelectionModel().select(riskTab));
        w.files().answers.add(w.demo().dir().resolve(DemoInstaller.CASES));
        Button importCases = w.node("#importCasesButton");
        w.interact(importCases::fire);
        w.waitFor(() -> vm.risk().casesProperty().get() != null);
        Button run = w.node("#runRiskButton");
        w.interact(run::fire);
        w.waitFor(() -> vm.risk().runProperty().get() != null && !vm.risk().runningProperty().get());
        w.interact(() -> {
            vm.timeline().modeProperty().set(TimelineViewModel.Mode.RANGE);
            vm.timeline().startProperty().set(20);
            vm.timeline().endProperty().set(26);
            vm.selection().select(WUHAN);
            vm.map().zoom(2.5);
            var h = vm.risk().heatmap();
            h.measureProperty().set(h.measures().stream().filter(m -> !m.isForecast()
                    && !m.equals(h.measureProperty().get())).findFirst().orElseThrow());
        });
        w.waitFor(() -> vm.map().frameProperty().get() != null && vm.map().frameProperty().get().scene().heatmap()
                != null && !vm.map().renderingProperty().get());
        String legend = w.text("#heatmapLegendTitle");
        String place = w.text("#detailTitle");
        String date = w.text("#dateLabel");
        String cases = w.text("#casesSummary");
        assertThat(legend).isNotEqualTo("Expected imported infections").isNotBlank();
        assertThat(place).contains("Wuhan");
        BufferedImage before = w.snapshot(w.node("#mapCanvas"));
        w.shot("carry-before-lock.png");

        w.robot().press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
        w.waitFor(() -> vm.unlock().session() == null && vm.open().bundles().isEmpty());
        assertThat(vm.risk().runProperty().get()).isNull();
        assertThat(vm.risk().casesProperty().get()).isNull();

        w.robot().clickOn("#passphraseField").write(DemoInstaller.DEFAULT_PASSPHRASE);
        w.robot().clickOn("#unlockButton");
        w.waitFor(() -> vm.unlock().session() != null && !vm.carry().returning()
                && vm.risk().runProperty().get() != null && !vm.risk().runningProperty().get()
                && vm.map().frameProperty().get() != null && vm.map().frameProperty().get().scene().heatmap() != null
                && !vm.map().renderingProperty().get(), () -> "notice " + vm.session().noticeProperty().get());
        w.waitForMap();
        assertThat(w.text("#heatmapLegendTitle")).isEqualTo(legend);
        assertThat(w.text("#detailTitle")).isEqualTo(place);
        assertThat(w.text("#dateLabel")).isEqualTo(date);
        assertThat(w.text("#casesSummary")).isEqualTo(cases);
        assertThat(vm.selection().code()).isEqualTo(WUHAN);
        Node legendNode = w.node("#heatmapLegend");
        assertThat(legendNode.isVisible()).isTrue();
        BufferedImage after = w.snapshot(w.node("#mapCanvas"));
        assertThat(after.getWidth()).isEqualTo(before.getWidth());
        assertThat(after.getHeight()).isEqualTo(before.getHeight());
        long differing = 0;
        long coloured = 0;
        for (int y = 0; y < before.getHeight(); y++) {
            for (int x = 0; x < before.getWidth(); x++) {
                int a = before.getRGB(x, y);
                int b = after.getRGB(x, y);
                if (distance(a, b) > 24) {
                    differing++;
                }
                if (heatmapRed(b)) {
                    coloured++;
                }
            }
        }
        long total = (long) before.getWidth() * before.getHeight();
        assertThat(coloured).as("heatmap classes drawn after the return").isGreaterThan(total / 500);
        assertThat(differing).as("pixels that differ from before the lock").isLessThan(total / 100);
        w.shot("carry-after-unlock.png");
    }

    private static int distance(int a, int b) {
        return Math.max(Math.abs(((a >> 16) & 255) - ((b >> 16) & 255)), Math.max(
                Math.abs(((a >> 8) & 255) - ((b >> 8) & 255)), Math.abs((a & 255) - (b & 255))));
    }

    /** A yellow-to-red class colour (red well above blue). */
    private static boolean heatmapRed(int rgb) {
        int r = (rgb >> 16) & 255;
        int g = (rgb >> 8) & 255;
        int b = rgb & 255;
        return r > 180 && r - b > 80 && g < 230;
    }
}
