package org.epiflow.ui.map;

import org.epiflow.data.DayRange;
import org.epiflow.data.FlowSet;
import org.epiflow.data.demo.DemoScenario;
import org.epiflow.map.Argb;
import org.epiflow.map.BasemapGeometry;
import org.epiflow.map.FlowGeometry;
import org.epiflow.map.MapScene;
import org.epiflow.map.geo.BasemapLoader;
import org.epiflow.model.AggregateDataset;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.Theme;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an analyst sees right after unlocking the demo: its first day at the whole-China view, drawn through the map's
 * own view-model and renderer with the default filters. Most arcs must show outside every location circle, and with
 * Wuhan selected its flows to Beijing and Shanghai must stand out from the map under them.
 */
class NationalFlowMapTest {
    static AggregateDataset demo;
    static BasemapGeometry basemap;
    MapRenderWorker worker;
    RegionSelection selection;
    MapViewModel vm;

    @BeforeAll
    static void load() throws Exception {
        demo = DemoScenario.generate(DemoScenario.DEFAULT_SEED).dataset();
        basemap = new BasemapGeometry(BasemapLoader.loadFromClasspath());
    }

    @BeforeEach
    void setUp() {
        worker = new MapRenderWorker();
        selection = new RegionSelection();
        selection.datasetProperty().set(demo);
        vm = new MapViewModel(Messages.of(Locale.ENGLISH), new CurrentThreadTaskExecutor(), worker, selection);
        vm.basemapProperty().set(basemap);
        vm.daysProperty().set(DayRange.of(0));
        vm.datasetProperty().set(demo);
    }

    @AfterEach
    void tearDown() {
        worker.close();
    }

    /** Map areas of the main window at 1280×800, 1440×900 (the app's default), 1600×1000 and full HD. */
    @ParameterizedTest
    @CsvSource({"690, 610", "820, 680", "1000, 800", "1330, 900"})
    void atTheWholeChinaViewMostOfTheTopArcsShowOutsideEveryCircle(int w, int h) {
        vm.resize(w, h);
        RenderedFrame f = vm.frameProperty().get();
        FlowGeometry g = f.scene().flowGeometry();
        assertThat(f.flows().size()).as("flows in the default top 200").isEqualTo(200);
        int visible = visibleArcs(f.scene(), 3);
        System.out.printf("whole China at %dx%d: %d of %d arcs drawn show 3 px or more outside every circle (%s)%n",
                w, h, visible, g.arcCount(), vm.summaryProperty().get());
        assertThat(g.arcCount()).as("arcs drawn").isGreaterThanOrEqualTo(195);
        assertThat(visible).as("arcs with 3 px or more outside every circle, of %d drawn (%s)", g.arcCount(),
                vm.summaryProperty().get()).isGreaterThanOrEqualTo(150);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void withWuhanSelectedItsFlowsToBeijingAndShanghaiStandOut(Theme theme) {
        vm.themeProperty().set(theme);
        vm.resize(820, 680);
        selection.select("420100");
        RenderedFrame f = vm.frameProperty().get();
        MapScene noFlows = f.scene().toBuilder().layers(java.util.EnumSet.complementOf(java.util.EnumSet.of(
                org.epiflow.map.MapLayer.FLOWS))).build();
        int[] without;
        try (var r = new org.epiflow.map.FastMapRenderer(2)) {
            without = r.render(noFlows, org.epiflow.map.FastMapRenderer.Quality.FULL).clone();
        }
        var labels = f.scene().labels(new org.epiflow.map.Java2DPainter(
                new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_ARGB).createGraphics()));
        for (String partner : List.of("Beijing", "Shanghai")) {
            for (boolean out : new boolean[] {true, false}) {
                int arc = arcBetween(f, "420100", partner, out);
                assertThat(arc).as("arc Wuhan %s %s drawn", out ? "→" : "←", partner).isGreaterThanOrEqualTo(0);
                FlowGeometry g = f.scene().flowGeometry();
                assertThat(2 * g.halfWidth(g.start(arc))).as("width at the origin, px").isGreaterThanOrEqualTo(1.5f);
                double[] run = longestRunOutsideCircles(g, arc, f.scene().symbols());
                assertThat(run[0]).as("longest stretch clear of every circle, px").isGreaterThan(10);
                // what the screen shows along the arc, against the same pixels drawn without flows
                List<Double> contrasts = new ArrayList<>();
                for (double[] xy : alongCentreLine(g, arc, 1.0)) {
                    if (labels.stream().anyMatch(l -> xy[0] >= l.boxX() && xy[0] <= l.boxX() + l.boxW()
                            && xy[1] >= l.boxY() && xy[1] <= l.boxY() + l.boxH())) {
                        continue;   // names are drawn over everything, on purpose
                    }
                    // the line's strongest pixel across it (a thin line covers its centre pixel only partly)
                    int cx = (int) Math.floor(xy[0]), cy = (int) Math.floor(xy[1]);
                    double best = 1;
                    for (int y = cy - 1; y <= cy + 1; y++) {
                        for (int x = cx - 1; x <= cx + 1; x++) {
                            if (x >= 0 && y >= 0 && x < f.width() && y < f.height()) {
                                best = Math.max(best, contrast(f.pixels()[y * f.width() + x],
                                        without[y * f.width() + x]));
                            }
                        }
                    }
                    contrasts.add(best);
                }
                contrasts.sort(null);
                assertThat(contrasts.get(contrasts.size() / 2)).as("median contrast of Wuhan %s %s with the map "
                        + "under it (%s)", out ? "→" : "←", partner, theme).isGreaterThanOrEqualTo(3.0);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(org.epiflow.map.Language.class)
    void zoomedInOnWuhanEachCityIsLabelledOnce(org.epiflow.map.Language lang) {
        vm.resize(820, 680);
        selection.select("420100");
        vm.zoomToSelection();
        vm.zoom(4);   // into Hubei: prefecture names and place names both offered
        vm.settle();
        MapScene s = f().scene().toBuilder().language(lang).build();
        var labels = s.labels(org.epiflow.map.TextMetrics.ESTIMATE);
        assertThat(labels).extracting(org.epiflow.map.LabelPlacer.Placed::text)
                .contains(lang == org.epiflow.map.Language.EN ? "Wuhan" : "武汉市");
        java.util.Map<String, Long> perCity = new java.util.HashMap<>();
        for (var l : labels) {
            perCity.merge(l.text() + " / " + l.key().substring(0, 2), 1L, Long::sum);
        }
        assertThat(perCity).allSatisfy((city, n) -> assertThat(n).as(city).isEqualTo(1L));
    }

    /**
     * "All" flows zoomed in to prefectures (East China, no roll-up): the small flows fade, the large ones carry the
     * picture — most of the map stays visible under the flows, and the largest flows stand out.
     */
    @ParameterizedTest
    @EnumSource(Theme.class)
    void allFlowsOfTheDayStayAReadablePictureAtPrefectureZoom(Theme theme) {
        vm.themeProperty().set(theme);
        vm.resize(820, 680);
        vm.filters().topNProperty().set(0);
        vm.zoom(3.2, 820 * 0.72, 680 * 0.58);   // east China, about 2,700 m a pixel: still between provinces
        vm.settle();
        assertThat(f().flows().spec().provinces()).isTrue();
        vm.zoom(2, 820 * 0.45, 680 * 0.6);      // central China, about 1,300 m a pixel: prefectures
        vm.settle();
        RenderedFrame f = f();
        assertThat(f.flows().spec().provinces()).isFalse();
        assertThat(f.flows().size()).isGreaterThan(15_000);
        MapScene noFlows = f.scene().toBuilder().layers(java.util.EnumSet.complementOf(java.util.EnumSet.of(
                org.epiflow.map.MapLayer.FLOWS))).build();
        int[] without;
        try (var r = new org.epiflow.map.FastMapRenderer(2)) {
            without = r.render(noFlows, org.epiflow.map.FastMapRenderer.Quality.FULL).clone();
        }
        int covered = 0;
        for (int i = 0; i < without.length; i++) {
            covered += contrast(f.pixels()[i], without[i]) > 1.5 ? 1 : 0;
        }
        double share = (double) covered / without.length;
        System.out.printf("all %,d flows at %.0f m/px (%s): %.1f %% of the map covered by flows%n", f.flows().size(),
                f.scene().viewport().metresPerPixel(), theme, share * 100);
        assertThat(share).as("share of the map hidden by flows").isLessThan(0.33);
        FlowGeometry g = f.scene().flowGeometry();
        // the large flows carry the picture: drawn wide (the scale fits the flows on screen)
        assertThat(2 * g.halfWidth(g.start(g.arcCount() - 1))).as("the largest flow on screen, px")
                .isGreaterThan(7f);
        for (int a = g.arcCount() - 20; a < g.arcCount(); a++) {
            assertThat(2 * g.halfWidth(g.start(a))).as("one of the 20 largest flows, px").isGreaterThan(3f);
        }
    }

    @org.junit.jupiter.api.Test
    void rolledUpTheTooltipNamesTheProvince() {
        vm.resize(820, 680);
        assertThat(f().flows().spec().provinces()).isTrue();
        assertThat(vm.describe("420100")).startsWith("Hubei (420000)\nIn: ");
    }

    private RenderedFrame f() {
        return vm.frameProperty().get();
    }

    /** Arcs with a run of at least {@code px} pixels of centre line outside every circle (and its outline). */
    static int visibleArcs(MapScene s, double px) {
        FlowGeometry g = s.flowGeometry();
        double[] c = s.symbols();
        int n = 0;
        for (int a = 0; a < g.arcCount(); a++) {
            if (longestRunOutsideCircles(g, a, c)[0] >= px) {
                n++;
            }
        }
        return n;
    }

    /** The longest stretch (pixels of arc length) of an arc's centre line that lies outside every circle. */
    static double[] longestRunOutsideCircles(FlowGeometry g, int a, double[] circles) {
        double best = 0, run = 0;
        for (int p = g.start(a); p < g.end(a) - 1; p++) {
            double x0 = g.x(p), y0 = g.y(p), x1 = g.x(p + 1), y1 = g.y(p + 1);
            double len = Math.hypot(x1 - x0, y1 - y0);
            int steps = Math.max(1, (int) Math.ceil(len / 0.25));
            for (int i = 0; i < steps; i++) {
                double t = (i + 0.5) / steps, x = x0 + t * (x1 - x0), y = y0 + t * (y1 - y0);
                boolean outside = true;
                for (int k = 0; k + 2 < circles.length && outside; k += 3) {
                    outside = Math.hypot(x - circles[k], y - circles[k + 1]) > circles[k + 2] + 0.5;
                }
                run = outside ? run + len / steps : 0;
                best = Math.max(best, run);
            }
        }
        return new double[] {best};
    }

    /** Points every {@code step} pixels along an arc's centre line. */
    static List<double[]> alongCentreLine(FlowGeometry g, int a, double step) {
        List<double[]> out = new ArrayList<>();
        for (int p = g.start(a); p < g.end(a) - 1; p++) {
            double x0 = g.x(p), y0 = g.y(p), x1 = g.x(p + 1), y1 = g.y(p + 1);
            int n = Math.max(1, (int) Math.ceil(Math.hypot(x1 - x0, y1 - y0) / step));
            for (int i = 0; i < n; i++) {
                out.add(new double[] {x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * i / n});
            }
        }
        return out;
    }

    private static int arcBetween(RenderedFrame f, String code, String partnerEn, boolean outgoing) {
        FlowSet s = f.flows();
        FlowGeometry g = f.scene().flowGeometry();
        for (int a = 0; a < g.arcCount(); a++) {
            int i = g.flowIndex(a);
            int me = outgoing ? s.origin(i) : s.destination(i), other = outgoing ? s.destination(i) : s.origin(i);
            if (s.nodes().code(me).equals(code) && partnerEn.equals(s.nodes().nameEn(other))) {
                return a;
            }
        }
        return -1;
    }

    /** WCAG contrast ratio of two premultiplied opaque pixels. */
    static double contrast(int a, int b) {
        return org.epiflow.map.Contrast.of(Argb.unpremultiply(a), Argb.unpremultiply(b));
    }
}
