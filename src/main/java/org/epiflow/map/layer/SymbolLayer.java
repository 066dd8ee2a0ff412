package org.epiflow.map.layer;

import org.epiflow.data.LocationTotals;
import org.epiflow.map.MapComparison;
import org.epiflow.map.MapLayer;
import org.epiflow.map.NodeValues;
import org.epiflow.map.MapPainter;
import org.epiflow.map.MapScene;
import org.epiflow.map.MapStyle;
import org.epiflow.map.MapViewport;
import org.epiflow.map.NodePositions;

import java.util.ArrayList;
import java.util.List;

/**
 * Location-total circles: area proportional to the place's total (in, out or both, {@link MapScene#symbolMeasure()}),
 * translucent and outlined so the flows drawn over them and the map under them stay visible.
 */
public final class SymbolLayer implements SceneLayer {
    /** Circles smaller than this radius (pixels) are not drawn. */
    static final double MIN_RADIUS = 0.75;

    @Override
    public String name() {
        return "symbols";
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
        return scene.flows() != null && scene.shows(MapLayer.SYMBOLS);
    }

    @Override
    public void paint(MapScene scene, MapPainter p) {
        if (scene.comparison() != null && scene.comparison().places() != null) {
            paintCompared(scene, p);
            return;
        }
        double[] s = scene.symbols();
        if (s.length == 0) {
            return;
        }
        MapStyle style = scene.style();
        p.beginLayer(name());
        p.circles(s, style.symbolFill(), style.symbolOutline(), style.symbolOutlineWidth());
        p.endLayer();
    }

    /**
     * A comparison's circles: area proportional to the absolute value, filled with its class colour (translucent,
     * diverging for a change), one bulk call per colour, largest first within each; places without a figure get a
     * small grey ring (never a circle of "0").
     */
    static void paintCompared(MapScene scene, MapPainter p) {
        MapComparison c = scene.comparison();
        NodeValues v = c.places();
        MapViewport vp = scene.viewport();
        NodePositions pos = scene.positions();
        double max = v.maxAbs();
        MapStyle style = scene.style();
        boolean dark = MapComparison.noFigure(style) == MapComparison.NO_FIGURE_DARK;
        java.util.TreeMap<Integer, List<double[]>> byColor = new java.util.TreeMap<>();
        List<double[]> none = new ArrayList<>();
        for (int i = 0; i < v.nodes().size(); i++) {
            double x = vp.toScreenX(pos.x(i)), y = vp.toScreenY(pos.y(i));
            if (v.state(i) != org.epiflow.map.FlowValues.State.SHOWN) {
                if (scene.flows().totals().total(i) > 0 || v.measure() != org.epiflow.map.FlowMeasure.TRIPS) {
                    none.add(new double[] {x, y, 3});
                }
                continue;
            }
            double r = max <= 0 ? 0 : style.maxSymbolRadius() * Math.sqrt(Math.abs(v.value(i)) / max);
            if (r < MIN_RADIUS || x + r < 0 || y + r < 0 || x - r > vp.width() || y - r > vp.height()) {
                continue;
            }
            int color = v.measure().diverging() ? c.placeScale().arcColor(v.value(i), dark) : style.symbolFill();
            byColor.computeIfAbsent(color, k -> new ArrayList<>()).add(new double[] {x, y, r});
        }
        p.beginLayer("symbols");
        for (var e : byColor.entrySet()) {
            List<double[]> l = e.getValue();
            l.sort((a, b) -> Double.compare(b[2], a[2]));
            int fill = v.measure().diverging() ? org.epiflow.map.Argb.withAlpha(e.getKey(), 0.45) : e.getKey();
            int outline = v.measure().diverging() ? e.getKey() : style.symbolOutline();
            p.circles(flat(l), fill, outline, style.symbolOutlineWidth());
        }
        if (!none.isEmpty()) {
            p.circles(flat(none), 0, MapComparison.noFigure(style), 1.2);
        }
        p.endLayer();
    }

    private static double[] flat(List<double[]> l) {
        double[] out = new double[l.size() * 3];
        for (int i = 0; i < l.size(); i++) {
            System.arraycopy(l.get(i), 0, out, 3 * i, 3);
        }
        return out;
    }

    /** The radius of a place's circle for a total (0: none). */
    public static double radius(MapScene scene, long value) {
        long max = scene.symbolMax();
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return scene.style().maxSymbolRadius() * Math.sqrt(Math.min(1.0, (double) value / max));
    }

    /**
     * The circles of a scene, largest first (so small ones stay visible on top): triples of screen x, y, radius.
     * Circles off screen or smaller than {@value #MIN_RADIUS} px are left out.
     */
    public static double[] compute(MapScene scene) {
        if (scene.flows() == null || !scene.shows(MapLayer.SYMBOLS)) {
            return new double[0];
        }
        LocationTotals t = scene.flows().totals();
        if (scene.symbolMax() <= 0) {
            return new double[0];
        }
        MapViewport v = scene.viewport();
        NodePositions pos = scene.positions();
        List<double[]> list = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            double r = radius(scene, scene.symbolMeasure().of(t, i));
            if (r < MIN_RADIUS) {
                continue;
            }
            double x = v.toScreenX(pos.x(i)), y = v.toScreenY(pos.y(i));
            if (x + r < 0 || y + r < 0 || x - r > v.width() || y - r > v.height()) {
                continue;
            }
            list.add(new double[] {x, y, r});
        }
        list.sort((a, b) -> Double.compare(b[2], a[2]));
        double[] out = new double[list.size() * 3];
        for (int i = 0; i < list.size(); i++) {
            System.arraycopy(list.get(i), 0, out, 3 * i, 3);
        }
        return out;
    }
}
