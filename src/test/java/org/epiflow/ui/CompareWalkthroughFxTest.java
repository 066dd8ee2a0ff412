package org.epiflow.ui;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import org.epiflow.data.DayRange;
import org.epiflow.data.demo.DemoCalendar;
import org.epiflow.map.DivergingScale;
import org.epiflow.map.FlowMeasure;
import org.epiflow.map.MapComparison;
import org.epiflow.ui.time.TimelineViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 as an analyst does it: the demo's week after the travel restrictions against the week before — the
 * legend says what is shown, the map draws the decreases in the diverging blues, the split view shows both weeks
 * side by side moving together, and all of it in Chinese too.
 */
@ExtendWith(WorkstationExtension.class)
class CompareWalkthroughFxTest {
    static final int RESTRICTED = (int) ChronoUnit.DAYS.between(DemoCalendar.START, DemoCalendar.RESTRICTIONS);

    @Test
    void theWeekAfterTheRestrictionsAgainstTheWeekBefore(Workstation w) throws Exception {
        w.unlockDemo();
        showWeekAfterRestrictions(w);
        openComparePanel(w, "Compare");
        w.robot().clickOn("#compareToggle");
        w.waitForMap();
        w.waitFor(() -> comparison(w) != null);

        assertThat(w.text("#baselineDescription"))
                .isEqualTo("Baseline 2020-01-17 – 2020-01-23 (7 days), aligned by date");
        String legend = legendText(w);
        assertThat(legend).contains("Change").contains("2020-01-17").contains("2020-01-24");
        // travel fell by about four fifths after the 24th: nearly every drawn arc is a decrease, in blue
        BufferedImage map = w.snapshot(w.node("#mapCanvas"));
        int blue = count(map, DivergingScale.arcClassColor(0, false)) + count(map, DivergingScale.arcClassColor(1,
                false)) + count(map, DivergingScale.arcClassColor(2, false));
        int red = count(map, DivergingScale.arcClassColor(4, false)) + count(map, DivergingScale.arcClassColor(5,
                false)) + count(map, DivergingScale.arcClassColor(6, false));
        assertThat(blue).as("pixels of the decrease classes").isGreaterThan(500);
        assertThat(blue).as("decreases outnumber increases").isGreaterThan(4 * red);
        w.shot("compare-change.png");

        // change in percent: the legend's classes are percentages
        w.interact(() -> w.<ComboBox<FlowMeasure>>node("#measureBox").setValue(FlowMeasure.CHANGE_PERCENT));
        w.waitForMap();
        w.waitFor(() -> legendText(w).contains("%"), () -> legendText(w) + " / model: "
                + w.vm().map().legendProperty().get());
        assertThat(comparison(w).measure()).isEqualTo(FlowMeasure.CHANGE_PERCENT);

        // side by side: both weeks titled, the right-hand map follows a pan of the left one
        w.interact(() -> w.<javafx.scene.control.CheckBox>node("#splitViewBox").fire());   // below the fold
        w.waitFor(() -> w.robot().lookup("#baselineMapCanvas").tryQuery().map(Node::isVisible).orElse(false));
        w.waitFor(() -> w.vm().split().baseline().frameProperty().get() != null
                && !w.vm().split().baseline().renderingProperty().get());
        assertThat(w.text("#periodTitle")).isEqualTo("Period 2020-01-24 – 2020-01-30");
        assertThat(w.text("#baselineTitle")).isEqualTo("Baseline 2020-01-17 – 2020-01-23, aligned by date");
        w.robot().drag("#mapCanvas").dropBy(80, 40);
        w.waitForMap();
        w.waitFor(() -> Math.abs(w.vm().split().baseline().viewportProperty().get().centerX()
                - w.vm().map().viewportProperty().get().centerX()) < 1e-6);
        assertThat(w.vm().split().baseline().viewportProperty().get().metresPerPixel())
                .isEqualTo(w.vm().map().viewportProperty().get().metresPerPixel());
        // playback moves both: one step later, the baseline is one day later too
        w.interact(() -> w.vm().timeline().step(1));
        w.waitForMap();
        w.waitFor(() -> w.text("#baselineTitle").startsWith("Baseline 2020-01-18"), () -> w.text("#baselineTitle"));
        w.shot("compare-split.png");
        assertThat(VisibleText.truncated(w.scene().getRoot())).isEmpty();
    }

    @Test
    @WorkstationWindow(language = "zh")
    void theSameComparisonInChinese(Workstation w) throws Exception {
        w.unlockDemo();
        showWeekAfterRestrictions(w);
        openComparePanel(w, "对比");
        w.robot().clickOn("#compareToggle");
        w.waitForMap();
        w.waitFor(() -> comparison(w) != null);
        assertThat(w.text("#baselineDescription")).isEqualTo("基期 2020-01-17 至 2020-01-23（7 天），按日期对齐");
        String legend = legendText(w);
        assertThat(legend).contains("2020-01-17").doesNotContain("Change").doesNotContain("Baseline");
        assertThat(legend).containsPattern("[\\u4e00-\\u9fff]");
        w.shot("compare-change-zh.png");
        assertThat(VisibleText.truncated(w.scene().getRoot())).isEmpty();
    }

    @Test
    void thePartnersTableShowsTheComparisonUncut(Workstation w) throws Exception {
        w.unlockDemo();
        showWeekAfterRestrictions(w);
        openComparePanel(w, "Compare");
        w.robot().clickOn("#compareToggle");
        w.waitForMap();
        w.waitFor(() -> comparison(w) != null);
        w.interact(() -> w.vm().selection().select("420100"));
        openComparePanel(w, "Place");
        javafx.scene.control.TableView<?> table = w.node("#partnersTable");
        w.waitFor(() -> !table.getItems().isEmpty());
        List<String> shown = w.call(() -> table.getColumns().stream().filter(c -> c.isVisible())
                .map(c -> c.getText()).toList());
        // the comparison's columns, in and out giving way; every figure readable (never "−33,5…")
        assertThat(shown).containsExactly("Partner", "Total", "Baseline", "Change", "Change %");
        w.waitFor(() -> table.lookupAll(".table-cell").stream()
                .anyMatch(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                        && l.getText().endsWith("%")));
        assertThat(w.call(() -> VisibleText.truncated(table))).as("cut figures").isEmpty();
        w.shot("compare-partners.png");
    }

    private static void showWeekAfterRestrictions(Workstation w) throws Exception {
        w.interact(() -> {
            TimelineViewModel t = w.vm().timeline();
            t.modeProperty().set(TimelineViewModel.Mode.RANGE);
            t.endProperty().set(RESTRICTED + 6);
            t.startProperty().set(RESTRICTED);
        });
        w.waitForMap();
        assertThat(w.vm().timeline().days()).isEqualTo(DayRange.of(RESTRICTED, RESTRICTED + 6));
    }

    private static void openComparePanel(Workstation w, String tab) throws Exception {
        w.robot().clickOn(tab);
        w.waitFor(() -> w.<TabPane>node("#sideTabs").getSelectionModel().getSelectedItem().getText().equals(tab));
    }

    private static MapComparison comparison(Workstation w) {
        var f = w.vm().map().frameProperty().get();
        return f == null ? null : f.scene().comparison();
    }

    /** Every text the flow legend shows (read on the FX thread). */
    private static String legendText(Workstation w) {
        try {
            return w.call(() -> {
                List<Node> labels = w.node("#legend").lookupAll(".label").stream().toList();
                return labels.stream().map(n -> ((Labeled) n).getText()).collect(Collectors.joining("\n"));
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pixels within a small distance of a colour (anti-aliased edges left out). */
    static int count(BufferedImage img, int argb) {
        int r = argb >> 16 & 0xFF, g = argb >> 8 & 0xFF, b = argb & 0xFF, n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs((p >> 16 & 0xFF) - r) + Math.abs((p >> 8 & 0xFF) - g) + Math.abs((p & 0xFF) - b) < 30) {
                    n++;
                }
            }
        }
        return n;
    }
}
