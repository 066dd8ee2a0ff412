package org.epiflow.map.layer;

import org.epiflow.map.FlowGeometry;
import org.epiflow.map.MapComparison;
import org.epiflow.map.MapLayer;
import org.epiflow.map.MapPath;
import org.epiflow.map.MapPainter;
import org.epiflow.map.MapScene;

/**
 * The flow arcs (the scene's {@link FlowGeometry}: tapered curves, smallest volume first), drawn over the circles so
 * no circle hides a flow.
 */
public final class FlowLayer implements SceneLayer {
    @Override
    public String name() {
        return "flows";
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
        return scene.flows() != null && scene.shows(MapLayer.FLOWS);
    }

    @Override
    public void paint(MapScene scene, MapPainter p) {
        FlowGeometry g = scene.flowGeometry();
        if (g.arcCount() == 0) {
            return;
        }
        p.beginLayer(name());
        p.arcs(g);
        MapComparison c = scene.comparison();
        if (c != null) {
            dashes(scene, c, g, p);
        }
        p.endLayer();
    }

    /**
     * Cuts gaps into the arcs drawn dashed (no figure, or a change whose inputs include an unpublished cell): the
     * land colour stroked over every {@link MapComparison#DASH_OFF} pixels after {@link MapComparison#DASH_ON}
     * along the centre line, one stroke per width (rounded to half a pixel), so every backend draws the same
     * dashes with its plain stroke.
     */
    static void dashes(MapScene scene, MapComparison c, FlowGeometry g, MapPainter p) {
        java.util.TreeMap<Integer, MapPath> byWidth = new java.util.TreeMap<>();
        for (int a = 0; a < g.arcCount(); a++) {
            if (!c.dashed(g.flowIndex(a))) {
                continue;
            }
            int s = g.start(a), e = g.end(a);
            double maxHw = 0;
            for (int q = s; q < e; q++) {
                maxHw = Math.max(maxHw, g.halfWidth(q));
            }
            int key = (int) Math.ceil((2 * maxHw + 1.5) * 2);
            MapPath path = byWidth.computeIfAbsent(key, x -> new MapPath());
            gaps(g, s, e, path);
        }
        int land = scene.style().landFill();
        for (var en : byWidth.entrySet()) {
            p.stroke(en.getValue(), land, en.getKey() / 2.0);
        }
    }

    /** The "off" pieces of the dash pattern along points [s, e) of a centre line. */
    static void gaps(FlowGeometry g, int s, int e, MapPath out) {
        double on = MapComparison.DASH_ON, off = MapComparison.DASH_OFF, period = on + off;
        double along = 0;
        for (int q = s; q + 1 < e; q++) {
            double x0 = g.x(q), y0 = g.y(q), x1 = g.x(q + 1), y1 = g.y(q + 1);
            double len = Math.hypot(x1 - x0, y1 - y0);
            if (len < 1e-9) {
                continue;
            }
            double t = 0;
            while (t < len) {
                double phase = (along + t) % period;
                if (phase < on) {
                    t += on - phase;
                    continue;
                }
                double end = Math.min(len, t + (period - phase));
                out.moveTo(x0 + (x1 - x0) * t / len, y0 + (y1 - y0) * t / len)
                        .lineTo(x0 + (x1 - x0) * end / len, y0 + (y1 - y0) * end / len);
                t = end;
            }
            along += len;
        }
    }
}
