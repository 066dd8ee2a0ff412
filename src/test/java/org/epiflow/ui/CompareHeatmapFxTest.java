package org.epiflow.ui;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.epiflow.data.demo.DemoCalendar;
import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.map.FlowMeasure;
import org.epiflow.ui.time.TimelineViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, item 1 on screen: importation risk over the week after the demo's travel restrictions, with the Compare
 * tab comparing the week before — the heatmap turns into the change of expected imported infections, drawn in the
 * diverging blues (imports fell with travel), its legend titled so, the panel naming the baseline's days; change in
 * percent and back to the plain column. What a user would notice: a heatmap that stays yellow-red, or a legend that
 * does not say it is a change.
 */
@ExtendWith(WorkstationExtension.class)
class CompareHeatmapFxTest {
    static final int RESTRICTED = (int) ChronoUnit.DAYS.between(DemoCalendar.START, DemoCalendar.RESTRICTIONS);

    @Test
    void theRiskHeatmapShowsTheChangeAgainstTheWeekBefore(Workstation w) throws Exception {
        WorkstationViewModel vm = w.vm();
        w.unlockDemo();
        w.interact(() -> {
            TimelineViewModel t = vm.timeline();
            t.modeProperty().set(TimelineViewModel.Mode.RANGE);
            t.endProperty().set(RESTRICTED + 6);
            t.startProperty().set(RESTRICTED);
            vm.map().flowsVisibleProperty().set(false);   // the heatmap alone, to count its colours
        });
        TabPane tabs = w.node("#sideTabs");
        Tab riskTab = tabs.getTabs().get(1);
        w.interact(() -> tabs.getSelectionModel().select(riskTab));
        w.files().answers.add(w.demo().dir().resolve(DemoInstaller.CASES));
        w.interact(w.<Button>node("#importCasesButton")::fire);
        w.waitFor(() -> vm.risk().casesProperty().get() != null);
        LocalDate from = DemoCalendar.RESTRICTIONS, to = from.plusDays(6);
        w.interact(() -> {
            vm.risk().form().fromProperty().set(from);
            vm.risk().form().toProperty().set(to);
            vm.risk().form().asOfProperty().set(to);
        });
        w.interact(w.<Button>node("#runRiskButton")::fire);
        w.waitFor(() -> vm.risk().runProperty().get() != null && !vm.risk().runningProperty().get());
        w.waitForMap();
        assertThat(w.text("#heatmapLegendTitle")).isEqualTo("Expected imported infections");
        BufferedImage plain = w.snapshot(w.node("#mapCanvas"));
        assertThat(blue(plain)).as("the plain heatmap has no blue classes").isLessThan(200);

        w.interact(() -> {
            vm.comparison().enabledProperty().set(true);
            vm.comparison().weekBefore();
        });
        w.waitFor(() -> vm.risk().heatmap().comparedProperty().get() != null,
                () -> vm.risk().heatmapBaseline().problemProperty().get());
        w.waitForMap();
        w.waitFor(() -> w.text("#heatmapLegendTitle").equals("Change in Expected imported infections"),
                () -> w.text("#heatmapLegendTitle"));
        assertThat(w.text("#heatmapBaseline")).isEqualTo(
                "Compared with the same model over the baseline 2020-01-17 – 2020-01-23, aligned by date");
        BufferedImage change = w.snapshot(w.node("#mapCanvas"));
        int blue = blue(change), red = red(change);
        assertThat(blue).as("regions whose expected imports fell").isGreaterThan(800);
        assertThat(blue).as("falls outnumber rises").isGreaterThan(2 * red);
        assertThat(w.call(() -> org.epiflow.ui.VisibleText.truncated(w.node("#heatmapLegend")))).isEmpty();
        w.shot("compare-heatmap-change.png");

        // change in percent, from the heatmap's own switch: the Compare tab follows
        w.interact(() -> w.<ComboBox<FlowMeasure>>node("#heatmapShows").setValue(FlowMeasure.CHANGE_PERCENT));
        w.waitForMap();
        w.waitFor(() -> w.text("#heatmapLegendTitle").endsWith("in percent"), () -> w.text("#heatmapLegendTitle"));
        assertThat(vm.comparison().measureProperty().get()).isEqualTo(FlowMeasure.CHANGE_PERCENT);
        assertThat(vm.risk().ranking().get(0).value()).endsWith("%");

        // comparison off: the column itself again
        w.interact(() -> vm.comparison().enabledProperty().set(false));
        w.waitForMap();
        w.waitFor(() -> w.text("#heatmapLegendTitle").equals("Expected imported infections"));
        assertThat(blue(w.snapshot(w.node("#mapCanvas")))).isLessThan(200);
    }

    /** Pixels of the decrease classes (strong blue; the sea's pale blue is left out). */
    static int blue(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y), r = p >> 16 & 0xFF, b = p & 0xFF;
                n += b - r > 70 ? 1 : 0;
            }
        }
        return n;
    }

    /** Pixels of the increase classes (strong red). */
    static int red(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y), r = p >> 16 & 0xFF, b = p & 0xFF;
                n += r - b > 70 ? 1 : 0;
            }
        }
        return n;
    }
}
