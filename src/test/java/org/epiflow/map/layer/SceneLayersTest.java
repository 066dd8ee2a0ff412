package org.epiflow.map.layer;

import org.epiflow.data.FlowNodes;
import org.epiflow.data.FlowSet;
import org.epiflow.map.FastMapRenderer;
import org.epiflow.map.FlowGeometry;
import org.epiflow.map.FlowScale;
import org.epiflow.map.Java2DRenderer;
import org.epiflow.map.MapLayer;
import org.epiflow.map.MapPainter;
import org.epiflow.map.MapPath;
import org.epiflow.map.MapScene;
import org.epiflow.map.MapStyle;
import org.epiflow.map.MapViewport;
import org.epiflow.map.TextStyle;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The layer contract: one ordered list drawn the same by every backend, flows over circles, labels on top. */
class SceneLayersTest {
    static final int W = 400, H = 300;

    /** Two places 1° apart, one big flow between them and a tiny one back (so both get large circles). */
    static MapScene twoPlaces(MapStyle style) {
        List<Region> rs = List.of(
                new Region("110100", "甲", "A", "prefecture", "110000", 30, 110, 1000),
                new Region("120100", "乙", "B", "prefecture", "120000", 30, 111, 1000));
        FlowNodes nodes = FlowNodes.regions(new RegionTable(rs));
        FlowSet f = FlowSet.of(nodes, new int[] {0, 1}, new int[] {1, 0}, new long[] {10_000, 9_000}, 10);
        MapViewport v = MapViewport.fit(W, H, MapViewport.projectLonLatBox(new Envelope(109.5, 111.5, 29, 31)), 10);
        return MapScene.builder(null, v).style(style).flows(f).scale(FlowScale.locked(10, 10_000,
                FlowScale.Type.SQRT)).layers(EnumSet.of(MapLayer.FLOWS, MapLayer.SYMBOLS)).build();
    }

    @Test
    void layersAreDrawnBackToFrontWithFlowsOverCirclesAndLabelsOnTop() {
        List<String> names = SceneLayers.standard().stream().map(SceneLayer::name).toList();
        assertThat(names).containsExactly("basemap", "heatmap", "density", "provinces", "symbols", "flows",
                "labels");
        assertThat(SceneLayers.byName("flows")).containsInstanceOf(FlowLayer.class);
        // what a backend receives: the groups in that order
        List<String> groups = new ArrayList<>();
        twoPlaces(MapStyle.light()).paint(new Recorder(groups));
        assertThat(groups).containsSubsequence("symbols", "flows");
        assertThat(groups.indexOf("flows")).isGreaterThan(groups.indexOf("symbols"));
    }

    @Test
    void onScreenAndInJava2dTheArcCrossingACircleIsDrawnOverIt() {
        for (MapStyle style : List.of(opaqueCircles(MapStyle.light()), opaqueCircles(MapStyle.dark()))) {
            MapScene s = twoPlaces(style);
            double[] c = s.symbols();
            assertThat(c.length).isEqualTo(6);
            FlowGeometry g = s.flowGeometry();
            // the wider arc (drawn last), a point on its centre line inside the first circle, clear of its edge
            int a = g.arcCount() - 1;
            int p = g.start(a) + 1;
            double x = g.x(p), y = g.y(p);
            double d = Math.hypot(x - c[0], y - c[1]);
            if (d > c[2] - 2) {
                x = g.x(g.start(a)) + (g.x(p) - g.x(g.start(a))) * 0.5;
                y = g.y(g.start(a)) + (g.y(p) - g.y(g.start(a))) * 0.5;
            }
            int arcOnly = pixel(only(s, EnumSet.of(MapLayer.FLOWS)), x, y);
            int both = pixel(s, x, y);
            int circleOnly = pixel(only(s, EnumSet.of(MapLayer.SYMBOLS)), x, y);
            // circles are opaque here: whichever is drawn last decides the pixel
            assertThat(distance(both, arcOnly)).as("screen pixel under arc and circle ≈ the arc").isLessThan(
                    distance(both, circleOnly));
            BufferedImage j = Java2DRenderer.render(s);
            int j2 = j.getRGB((int) x, (int) y);
            int jArc = Java2DRenderer.render(only(s, EnumSet.of(MapLayer.FLOWS))).getRGB((int) x, (int) y);
            int jCircle = Java2DRenderer.render(only(s, EnumSet.of(MapLayer.SYMBOLS))).getRGB((int) x, (int) y);
            assertThat(distance(j2, jArc)).as("Java2D pixel ≈ the arc").isLessThan(distance(j2, jCircle));
        }
    }

    @Test
    void aNewLayerInTheListIsDrawnByTheScreenAndByJava2d() {
        SceneLayer marker = new SceneLayer() {
            @Override
            public String name() {
                return "marker";
            }

            @Override
            public Kind kind() {
                return Kind.OVERLAY;
            }

            @Override
            public boolean followsFlows() {
                return true;
            }

            @Override
            public boolean shows(MapScene scene) {
                return true;
            }

            @Override
            public void paint(MapScene scene, MapPainter p) {
                p.fill(new MapPath().moveTo(10, 10).lineTo(30, 10).lineTo(30, 30).lineTo(10, 30).close(),
                        0xFFFF00FF);
            }
        };
        List<SceneLayer> layers = new ArrayList<>(SceneLayers.standard());
        layers.add(marker);
        MapScene s = twoPlaces(MapStyle.light()).toBuilder().sceneLayers(layers).build();
        assertThat(pixel(s, 20, 20) & 0xFFFFFF).isEqualTo(0xFF00FF);
        assertThat(Java2DRenderer.render(s).getRGB(20, 20) & 0xFFFFFF).isEqualTo(0xFF00FF);
    }

    /** The style with opaque circles, so the drawing order decides the colour where arc and circle overlap. */
    static MapStyle opaqueCircles(MapStyle m) {
        return new MapStyle(m.background(), m.countryFill(), m.countryBorder(), m.landFill(), m.prefectureBorder(),
                m.prefectureBorderWidth(), m.provinceBorder(), m.provinceBorderWidth(), m.selectedFill(),
                m.symbolFill() | 0xFF000000, m.symbolOutline(), m.maxSymbolRadius(), m.placeLabel(),
                m.regionLabel(), m.flow());
    }

    static MapScene only(MapScene s, EnumSet<MapLayer> layers) {
        return s.toBuilder().layers(layers).build();
    }

    static int pixel(MapScene s, double x, double y) {
        try (FastMapRenderer r = new FastMapRenderer(2)) {
            int[] px = r.render(s, FastMapRenderer.Quality.FULL);
            return org.epiflow.map.Argb.unpremultiply(px[(int) y * s.viewport().width() + (int) x]);
        }
    }

    static int distance(int a, int b) {
        int d = 0;
        for (int sh = 0; sh < 24; sh += 8) {
            d += Math.abs(((a >> sh) & 0xFF) - ((b >> sh) & 0xFF));
        }
        return d;
    }

    /** Records the layer groups a backend is asked to open. */
    record Recorder(List<String> groups) implements MapPainter {
        @Override
        public void beginLayer(String name) {
            groups.add(name);
        }

        @Override
        public void fill(MapPath path, int argb) {
        }

        @Override
        public void stroke(MapPath path, int argb, double width) {
        }

        @Override
        public void fillCircle(double cx, double cy, double r, int argb) {
        }

        @Override
        public void strokeCircle(double cx, double cy, double r, int argb, double width) {
        }

        @Override
        public void text(String text, double x, double y, TextStyle style) {
        }
    }
}
