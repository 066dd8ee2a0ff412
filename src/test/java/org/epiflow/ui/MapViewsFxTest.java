package org.epiflow.ui;

import org.epiflow.map.Contrast;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.map.MapViewport;
import org.epiflow.ui.map.LegendSettings;
import org.epiflow.ui.prefs.Theme;
import org.epiflow.ui.time.TimelineViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main window's views as the analyst sees them (issue 11: 4, 7, 8, 9, 10): every label whole in both languages,
 * legends beside the map, the timeline stepping and playing true to the clock while the map draws slowly, the
 * selection through zoom, roll-up and clearing, the place chart's legend and day marker, and the dark theme's frames.
 */
@ExtendWith(WorkstationExtension.class)
class MapViewsFxTest {

    @Test
    void everyLabelIsWholeAndTheLegendsSitBesideTheMapInEnglish(Workstation w) throws Exception {
        w.unlockDemo();
        selectBySearch(w, "Wuhan", "420100");
        assertThat(VisibleText.truncated(w.scene().getRoot())).isEmpty();
        assertThat(VisibleText.overlap(w.node("#statusLock"), w.node("#lockButton"))).isFalse();
        // the side panel is resized by dragging its divider
        Node side = w.node("#sideTabs");
        double before = side.getLayoutBounds().getWidth();
        Node divider = w.robot().lookup("#mainSplit > .split-pane-divider").queryAll().stream()
                .max(java.util.Comparator.comparingDouble(d -> sceneBounds(d).getMinX())).orElseThrow();
        w.robot().drag(divider).dropBy(-60, 0);
        w.waitForMap();
        assertThat(side.getLayoutBounds().getWidth()).as("side panel after dragging its divider")
                .isGreaterThan(before + 50);
        Node map = w.node("#mapCanvas"), legend = w.node("#legend");
        assertThat(legend.isVisible()).isTrue();
        assertThat(VisibleText.overlap(legend, map)).as("flow legend over the map").isFalse();
        assertThat(w.text("#legendDirection .label")).isEqualTo("from");

        // the heatmap legend joins the column, above the flow legend, over neither the map nor the other legend
        w.interact(() -> w.<javafx.scene.control.TabPane>node("#sideTabs").getSelectionModel().select(1));
        w.files().answers.add(w.demo().dir().resolve(DemoInstaller.CASES));
        w.interact(() -> w.<javafx.scene.control.Button>node("#importCasesButton").fire());   // below the fold
        w.waitFor(() -> w.vm().risk().casesProperty().get() != null);
        w.interact(() -> w.<javafx.scene.control.Button>node("#runRiskButton").fire());
        w.waitFor(() -> w.vm().risk().runProperty().get() != null && !w.vm().risk().runningProperty().get());
        w.waitFor(() -> w.robot().lookup("#heatmapLegend").query().isVisible());
        w.waitForMap();
        Node heat = w.node("#heatmapLegend");
        assertThat(VisibleText.overlap(heat, map)).as("heatmap legend over the map").isFalse();
        assertThat(VisibleText.overlap(heat, legend)).as("legends stacked over each other").isFalse();
        w.shot("legends.png");

        // View ▸ Legends: hide one, move the column to the left of the map
        w.interact(() -> w.vm().legends().flowsShownProperty().set(false));
        assertThat(w.robot().lookup("#legendSlot").query().isVisible()).isFalse();
        w.interact(() -> w.vm().legends().sideProperty().set(LegendSettings.Side.LEFT));
        w.waitForMap();
        assertThat(sceneBounds(heat).getMaxX()).isLessThanOrEqualTo(sceneBounds(map).getMinX() + 0.5);
        w.interact(() -> w.vm().legends().heatmapShownProperty().set(false));
        assertThat(w.robot().lookup("#legendDock").query().isVisible()).isFalse();
        assertThat(w.prefs().node().node("legends").get("side", "")).isEqualTo("LEFT");
    }

    @Test
    @WorkstationWindow(language = "zh")
    void everyLabelIsWholeInChineseAndTheLockStateIsBesideItsButton(Workstation w) throws Exception {
        w.unlockDemo();
        selectBySearch(w, "武汉", "420100");
        assertThat(VisibleText.truncated(w.scene().getRoot())).isEmpty();
        assertThat(w.text("#statusLock")).isEqualTo("已解锁");
        assertThat(VisibleText.overlap(w.node("#statusLock"), w.node("#lockButton"))).isFalse();
        assertThat(w.text("#legendDirection .label")).isEqualTo("出发地");
        w.shot("map-zh.png");
    }

    @Test
    void steppingNeverLosesADayWhileTheMapDrawsSlowly(Workstation w) throws Exception {
        w.unlockDemo();
        slowMap(w);
        w.robot().clickOn("#mapCanvas");
        for (int i = 0; i < 10; i++) {
            w.robot().type(KeyCode.CLOSE_BRACKET);
        }
        w.waitForMap();
        assertThat(w.vm().timeline().days().first()).isEqualTo(10);
        assertThat(w.text("#dateLabel")).isEqualTo("2020-01-11 (Sat)");
        for (int i = 0; i < 5; i++) {
            w.robot().clickOn("#stepForwardButton");
        }
        w.waitForMap();
        assertThat(w.text("#dateLabel")).isEqualTo("2020-01-16 (Thu)");
        w.robot().clickOn("#stepBackButton");
        assertThat(w.vm().timeline().days().first()).isEqualTo(14);
        // weekly: each step is one whole week
        w.robot().clickOn("#weeklyButton");
        w.robot().clickOn("#mapCanvas");
        w.robot().type(KeyCode.CLOSE_BRACKET);
        w.robot().type(KeyCode.CLOSE_BRACKET);
        w.waitForMap();
        assertThat(w.text("#dateLabel")).startsWith("2020-01-27 – 2020-02-02");
    }

    @Test
    void playbackKeepsItsRateAndShowsAPauseGlyph(Workstation w) throws Exception {
        w.unlockDemo();
        slowMap(w);
        assertThat(inkRuns(w.snapshot(w.node("#playButton")))).as("▶: one shape").isEqualTo(1);
        w.robot().clickOn("#dateLabel");
        long t0 = System.nanoTime();
        w.robot().clickOn("#playButton");
        w.waitFor(() -> w.vm().timeline().playingProperty().get());
        assertThat(inkRuns(w.snapshot(w.node("#playButton")))).as("⏸: two bars").isEqualTo(2);
        Thread.sleep(4_000);
        w.robot().clickOn("#playButton");
        long t1 = System.nanoTime();
        w.waitFor(() -> !w.vm().timeline().playingProperty().get());
        double expected = (t1 - t0) / 1e9 * w.vm().timeline().speedProperty().get();
        int played = w.vm().timeline().days().first();
        assertThat((double) played).as("days played in %.1f s at 2 a second", (t1 - t0) / 1e9)
                .isBetween(expected - 2.5, expected + 0.5);
        assertThat(inkRuns(w.snapshot(w.node("#playButton")))).as("▶ again").isEqualTo(1);
    }

    @Test
    void theSelectionSurvivesZoomRollUpAndClearsWithTheSearchBox(Workstation w) throws Exception {
        w.unlockDemo();
        selectBySearch(w, "Wuhan", "420100");
        // zoom to selection (after a search): every partner of the flows drawn is on screen
        w.waitFor(() -> w.vm().map().frameProperty().get().flows().spec().selection().length == 1);
        w.waitForMap();
        var f = w.vm().map().frameProperty().get();
        MapViewport v = f.scene().viewport();
        for (int i = 0; i < f.flows().size(); i++) {
            for (int node : new int[] {f.flows().origin(i), f.flows().destination(i)}) {
                double x = v.toScreenX(f.scene().positions().x(node)), y = v.toScreenY(f.scene().positions().y(node));
                assertThat(x).as(f.flows().nodes().nameEn(node)).isBetween(0.0, (double) v.width());
                assertThat(y).as(f.flows().nodes().nameEn(node)).isBetween(0.0, (double) v.height());
            }
        }
        // the place chart: a legend, and the day shown marked — and moving with it
        assertThat(w.robot().lookup("#detailChart .chart-legend").query().isVisible()).isTrue();
        List<String> items = w.robot().lookup("#detailChart .chart-legend-item").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertThat(items).containsExactly("Inflow", "Outflow");
        Node marker = w.node("#currentDayMarker");
        assertThat(marker.isVisible()).isTrue();
        markerCentre(w, marker, "01-01");
        w.robot().clickOn("#mapCanvas");
        w.robot().type(KeyCode.CLOSE_BRACKET);
        w.waitForMap();
        markerCentre(w, marker, "01-02");

        // rolling up keeps the selection, as its province
        w.robot().clickOn("#provincesBox");
        w.waitForMap();
        assertThat(w.vm().selection().code()).isEqualTo("420000");
        assertThat(w.text("#detailTitle")).startsWith("Hubei");
        assertThat(w.vm().map().frameProperty().get().scene().selected()).containsExactly("420000");
        w.robot().clickOn("#provincesBox");

        // clearing the selection clears the search box
        w.robot().clickOn("#mapCanvas");
        w.robot().type(KeyCode.ESCAPE);
        w.waitForMap();
        assertThat(w.vm().selection().isEmpty()).isTrue();
        assertThat(w.<TextField>node("#searchField").getText()).isEmpty();

        // a name with a typographic apostrophe reads without a gap
        selectBySearch(w, "610100", "610100");
        assertThat(w.text("#detailTitle")).isEqualTo("Xi'an (610100)");
        javafx.scene.text.Text shown = (javafx.scene.text.Text) w.robot().lookup("#detailTitle .text").query();
        double width = w.call(() -> {
            javafx.scene.text.Text typographic = new javafx.scene.text.Text("Xi\u2019an (610100)");
            typographic.setFont(shown.getFont());
            return typographic.getLayoutBounds().getWidth();
        });
        assertThat(shown.getLayoutBounds().getWidth()).isLessThan(width - 0.6 * shown.getFont().getSize());
    }

    @Test
    @WorkstationWindow(theme = Theme.DARK)
    void theDarkThemeHasNoLightFramesAndItsTicksShow(Workstation w) throws Exception {
        w.unlockDemo();
        // the status bar: no light frame around it
        BufferedImage bar = w.snapshot(w.node("#statusBar"));
        assertThat(lightPixelsOnTheEdge(bar)).as("light pixels on the status bar's edge").isZero();
        // a menu is a window of its own: none of it may be left transparent (painted white without a compositor)
        w.robot().clickOn("View");
        w.waitFor(() -> popup() != null);
        Scene menu = popup().getScene();
        BufferedImage img = w.snapshot(menu.getRoot());
        int transparent = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y : new int[] {0, img.getHeight() - 1}) {
                transparent += (img.getRGB(x, y) >>> 24) < 250 ? 1 : 0;
            }
        }
        assertThat(transparent).as("see-through pixels on the menu's edge").isZero();
        w.robot().type(KeyCode.ESCAPE);
        // the day slider's ticks stand out from the bar behind them
        w.interact(() -> w.vm().timeline().modeProperty().set(TimelineViewModel.Mode.SINGLE));
        assertThat(tickContrast(w.snapshot(w.node("#daySlider")))).isGreaterThanOrEqualTo(3.0);
        w.interact(() -> w.vm().timeline().modeProperty().set(TimelineViewModel.Mode.RANGE));
        w.waitFor(() -> w.robot().lookup("#rangeSlider").query().isVisible());
        assertThat(tickContrast(w.snapshot(w.node("#rangeSlider")))).isGreaterThanOrEqualTo(3.0);
        w.shot("dark.png");
    }

    private static Window popup() {
        return Window.getWindows().stream().filter(x -> x instanceof ContextMenu && x.isShowing()).findFirst()
                .orElse(null);
    }

    /** Every prefecture flow of the day (no roll-up): some 19,000 arcs, a slow frame on a busy machine. */
    private static void slowMap(Workstation w) throws Exception {
        w.interact(() -> {
            w.vm().map().filters().autoProvincesProperty().set(false);
            w.vm().map().filters().topNProperty().set(0);
        });
        w.waitForMap();
    }

    private static void selectBySearch(Workstation w, String text, String code) throws Exception {
        w.robot().clickOn("#searchField").write(text);
        // under load the suggestions may still be for the first letters: press Enter once the whole text is in
        w.waitFor(() -> text.equals(w.<TextField>node("#searchField").getText()));
        w.robot().type(KeyCode.ENTER);
        w.waitFor(() -> code.equals(w.vm().selection().code()));
        w.robot().clickOn("#dateLabel");   // closes the suggestions
        w.waitForMap();
    }

    private static Bounds sceneBounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    /** The marker sits on that day's category, clearly apart from its neighbours. */
    private static void markerCentre(Workstation w, Node marker, String category) throws Exception {
        CategoryAxis x = (CategoryAxis) w.<javafx.scene.chart.LineChart<?, ?>>node("#detailChart").getXAxis();
        double[] at = w.call(() -> {
            int i = x.getCategories().indexOf(category);
            return new double[] {sceneBounds(marker).getCenterX(),
                    x.localToScene(x.getDisplayPosition(category), 0).getX(),
                    x.localToScene(x.getDisplayPosition(x.getCategories().get(i + 1)), 0).getX()};
        });
        double step = at[2] - at[1];
        assertThat(step).isPositive();
        assertThat(at[0]).as("marker on %s", category).isCloseTo(at[1],
                org.assertj.core.data.Offset.offset(Math.max(1.0, step / 3)));
    }

    /** Separate runs of dark (glyph) pixels along the middle row of an image. */
    static int inkRuns(BufferedImage img) {
        int y = img.getHeight() / 2, runs = 0;
        int bg = img.getRGB(2, y);
        boolean in = false;
        for (int x = 0; x < img.getWidth(); x++) {
            boolean ink = Contrast.of(img.getRGB(x, y), bg) > 2.5;
            if (ink && !in) {
                runs++;
            }
            in = ink;
        }
        return runs;
    }

    static int lightPixelsOnTheEdge(BufferedImage img) {
        int n = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y : new int[] {0, img.getHeight() - 1}) {
                n += Contrast.luminance(img.getRGB(x, y)) > 0.5 ? 1 : 0;
            }
        }
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x : new int[] {0, img.getWidth() - 1}) {
                n += Contrast.luminance(img.getRGB(x, y)) > 0.5 ? 1 : 0;
            }
        }
        return n;
    }

    /** The best contrast of a tick pixel (bottom third of the slider) with the slider's own background. */
    static double tickContrast(BufferedImage img) {
        int bg = img.getRGB(0, img.getHeight() - 1);
        double best = 1;
        List<Double> all = new ArrayList<>();
        for (int y = img.getHeight() * 2 / 3; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                double c = Contrast.of(img.getRGB(x, y), bg);
                all.add(c);
                best = Math.max(best, c);
            }
        }
        return best;
    }
}
