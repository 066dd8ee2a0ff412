package org.epiflow.map;

import org.epiflow.data.FlowNodes;
import org.epiflow.data.FlowSet;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlowRenderingTest {
    static final int W = 640, H = 400;

    static MapScene scene(FlowSet flows, FlowStyle fs, java.util.Set<MapLayer> layers) {
        MapViewport v = MapViewport.fit(W, H, MapViewport.projectLonLatBox(new org.locationtech.jts.geom.Envelope(
                103, 124, 23, 42)), 10);
        return MapScene.builder(null, v).style(MapStyle.light().withFlow(fs)).flows(flows)
                .scale(FlowScale.locked(10, 10_000, FlowScale.Type.SQRT)).layers(layers).build();
    }

    /** A mix of thick, medium and hairline flows in both directions between 12 places. */
    static FlowSet mixed() {
        FlowNodes nodes = MapTestData.nodes(12);
        List<long[]> rows = new java.util.ArrayList<>();
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int o = 0; o < 12; o++) {
            for (int d = 0; d < 12; d++) {
                if (o != d && r.nextInt(3) == 0) {
                    rows.add(new long[] {o, d, 10 + (long) Math.pow(r.nextDouble(), 3) * 10_000});
                }
            }
        }
        rows.sort((a, b) -> Long.compare(b[2], a[2]));
        int n = rows.size();
        int[] o = new int[n], d = new int[n];
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            o[i] = (int) rows.get(i)[0];
            d[i] = (int) rows.get(i)[1];
            v[i] = rows.get(i)[2];
        }
        return FlowSet.of(nodes, o, d, v, 10);
    }

    @Test
    void oppositeDirectionsBowToOppositeSides() {
        FlowSet f = FlowSet.of(MapTestData.nodes(2), new int[] {0, 1}, new int[] {1, 0}, new long[] {500, 400}, 10);
        FlowGeometry g = scene(f, FlowStyle.light(), EnumSet.of(MapLayer.FLOWS)).flowGeometry();
        assertThat(g.arcCount()).isEqualTo(2);
        // arcs drawn smallest first: arc 0 is 1→0, arc 1 is 0→1
        assertThat(g.flowIndex(0)).isEqualTo(1);
        float[] mid0 = mid(g, 0), mid1 = mid(g, 1);
        // chord 0→1
        float ax = g.x(g.start(1)), ay = g.y(g.start(1)), bx = g.x(g.end(1) - 1), by = g.y(g.end(1) - 1);
        double s0 = side(ax, ay, bx, by, mid0[0], mid0[1]), s1 = side(ax, ay, bx, by, mid1[0], mid1[1]);
        assertThat(s0 * s1).isNegative();
        // tapering: wide at the origin, narrow at the destination
        assertThat(g.halfWidth(g.start(1))).isGreaterThan(g.halfWidth(g.end(1) - 1));
    }

    private static float[] mid(FlowGeometry g, int a) {
        int m = (g.start(a) + g.end(a) - 1) / 2;
        return new float[] {g.x(m), g.y(m)};
    }

    private static double side(double ax, double ay, double bx, double by, double px, double py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }

    @Test
    void cullingAndLevelOfDetail() {
        FlowSet f = mixed();
        MapScene s = scene(f, FlowStyle.light(), EnumSet.of(MapLayer.FLOWS));
        FlowGeometry all = s.flowGeometry();
        assertThat(all.arcCount()).isEqualTo(f.size());
        // panned far away: everything culled
        FlowGeometry none = s.withViewport(s.viewport().pan(100_000, 0)).flowGeometry();
        assertThat(none.arcCount()).isZero();
        assertThat(none.skippedOffscreen()).isEqualTo(f.size());
        // zoomed far out: chords shorter than 2 px are skipped
        MapViewport v = s.viewport();
        FlowGeometry tiny = s.withViewport(new MapViewport(W, H, v.centerX(), v.centerY(), 1e7)).flowGeometry();
        assertThat(tiny.skippedShort()).isPositive();
        // a stricter visibility threshold drops the faintest flows
        FlowStyle strict = new FlowStyle(0.6, 8, 0.18, 0.3, false, FlowStyle.light().ramp(), 5, 2.0);
        FlowGeometry lod = scene(f, strict, EnumSet.of(MapLayer.FLOWS)).flowGeometry();
        assertThat(lod.skippedFaint()).isPositive();
        assertThat(lod.arcCount() + lod.skippedFaint()).isEqualTo(f.size());
    }

    @Test
    void nearestArcHitTest() {
        FlowSet f = FlowSet.of(MapTestData.nodes(2), new int[] {0}, new int[] {1}, new long[] {5000}, 10);
        MapScene s = scene(f, FlowStyle.light(), EnumSet.of(MapLayer.FLOWS));
        FlowGeometry g = s.flowGeometry();
        float[] m = mid(g, 0);
        assertThat(MapHitTester.flowAt(s, m[0], m[1], 3)).isEqualTo(0);
        assertThat(MapHitTester.flowAt(s, m[0] + 200, m[1] + 200, 3)).isEqualTo(-1);
        double sx = s.viewport().toScreenX(s.positions().x(1)), sy = s.viewport().toScreenY(s.positions().y(1));
        assertThat(MapHitTester.nodeAt(s, sx + 1, sy, 4)).isEqualTo(1);
    }

    @Test
    void rasteriserMatchesJava2D() {
        for (FlowStyle fs : List.of(FlowStyle.light(), FlowStyle.light().withArrowHead(true), FlowStyle.dark())) {
            MapScene s = scene(mixed(), fs, EnumSet.of(MapLayer.FLOWS, MapLayer.SYMBOLS));
            BufferedImage ref = Java2DRenderer.render(s);
            int[] fast;
            try (FastMapRenderer r = new FastMapRenderer(2)) {
                fast = r.render(s, FastMapRenderer.Quality.FULL).clone();
            }
            int[] j2d = ref.getRGB(0, 0, W, H, null, 0, W); // non-premultiplied; background is opaque
            long sumDiff = 0;
            int big = 0;
            long inkRef = 0, inkFast = 0;
            int bg = s.style().background();
            for (int i = 0; i < W * H; i++) {
                int a = j2d[i], b = Argb.unpremultiply(fast[i]);
                int d = Math.max(Math.abs(Argb.red(a) - Argb.red(b)), Math.max(Math.abs(Argb.green(a) - Argb.green(b)),
                        Math.abs(Argb.blue(a) - Argb.blue(b))));
                sumDiff += d;
                if (d > 64) {
                    big++;
                }
                inkRef += dist(a, bg);
                inkFast += dist(b, bg);
            }
            double mean = (double) sumDiff / (W * H);
            assertThat(mean).as("mean channel difference").isLessThan(1.0);
            assertThat(big).as("pixels differing by more than 64").isLessThan(W * H / 500);
            assertThat((double) inkFast / inkRef).as("ink ratio").isBetween(0.93, 1.07);
        }
    }

    private static int dist(int a, int b) {
        return Math.abs(Argb.red(a) - Argb.red(b)) + Math.abs(Argb.green(a) - Argb.green(b))
                + Math.abs(Argb.blue(a) - Argb.blue(b));
    }

    @Test
    void singleAndTwoThreadsGiveIdenticalPixels() {
        MapScene s = scene(mixed(), FlowStyle.light(), EnumSet.of(MapLayer.FLOWS, MapLayer.SYMBOLS));
        int[] one, two;
        try (FastMapRenderer r1 = new FastMapRenderer(1); FastMapRenderer r2 = new FastMapRenderer(2)) {
            one = r1.render(s, FastMapRenderer.Quality.FULL).clone();
            two = r2.render(s, FastMapRenderer.Quality.FULL).clone();
        }
        assertThat(two).isEqualTo(one);
    }

    @Test
    void labelsAvoidEachOther() {
        TextStyle ts = new TextStyle(12, false, 0xFF000000, 0, 0);
        List<LabelPlacer.Candidate> c = List.of(
                new LabelPlacer.Candidate("低", 100, 100, 0, 1, ts, true, "low"),
                new LabelPlacer.Candidate("High priority", 100, 100, 0, 10, ts, true, "high"),
                new LabelPlacer.Candidate("Side", 60, 125, 3, 5, ts, false, "side"),
                new LabelPlacer.Candidate("Off", -50, 100, 0, 5, ts, true, "off"));
        List<LabelPlacer.Placed> p = LabelPlacer.place(c, TextMetrics.ESTIMATE, 400, 300);
        assertThat(p).extracting(LabelPlacer.Placed::key).containsExactly("high", "side");
        LabelPlacer.Placed a = p.get(0), b = p.get(1);
        boolean overlap = a.boxX() < b.boxX() + b.boxW() && b.boxX() < a.boxX() + a.boxW()
                && a.boxY() < b.boxY() + b.boxH() && b.boxY() < a.boxY() + a.boxH();
        assertThat(overlap).isFalse();
        assertThat(TextMetrics.ESTIMATE.width("北京", ts)).isEqualTo(24);
    }

    @Test
    void languagesPickNames() {
        MapScene s = scene(mixed(), FlowStyle.light(), EnumSet.of(MapLayer.FLOWS, MapLayer.LABELS));
        assertThat(s.labels(TextMetrics.ESTIMATE)).isNotEmpty().allMatch(l -> l.text().startsWith("城"));
        MapScene en = s.toBuilder().language(Language.EN).build();
        assertThat(en.labels(TextMetrics.ESTIMATE)).allMatch(l -> l.text().startsWith("City"));
    }
}
