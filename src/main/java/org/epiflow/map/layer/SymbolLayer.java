package org.epiflow.map.layer;

import org.epiflow.data.LocationTotals;
import org.epiflow.map.MapLayer;
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
        double[] s = scene.symbols();
        if (s.length == 0) {
            return;
        }
        MapStyle style = scene.style();
        p.beginLayer(name());
        p.circles(s, style.symbolFill(), style.symbolOutline(), style.symbolOutlineWidth());
        p.endLayer();
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
