package org.epiflow.map;

import org.epiflow.data.FlowSet;

import java.util.Arrays;

/**
 * The flows of a scene as screen geometry, shared by every backend: for each visible arc, in drawing order (smallest
 * volume first so large flows stay on top), a flattened centre line with a half-width at every point, and a colour.
 * Level of detail and culling happen here: arcs outside the screen, shorter than {@link #MIN_CHORD} pixels, with
 * less ink than {@link FlowStyle#minVisibleInk()}, or beyond the screen's ink budget (the smallest flows when very
 * many are shown) are dropped; the number of segments follows the arc's screen length.
 * Immutable after {@link #build}.
 */
public final class FlowGeometry {
    /** Arcs with a shorter chord (pixels) are not drawn. */
    public static final double MIN_CHORD = 2;
    /** Arcs whose half-width at the origin is below this are "hairlines" (1-pixel antialiased lines, alpha × width). */
    public static final double HAIRLINE_HALF_WIDTH = 0.5;
    /** The arcs drawn cover at most this share of the screen (before overlaps); see {@code inkBudget}. */
    public static final double MAX_INK_SHARE = 0.45;
    /** The narrow (destination) end of an arc is at least this half-width, so a thin flow stays visible to its end. */
    public static final double MIN_END_HALF_WIDTH = 0.5;

    private int arcs;
    private int[] flowIndex = new int[0];
    private int[] color = new int[0];
    private int[] start = new int[1];
    private float[] x = new float[0];
    private float[] y = new float[0];
    private float[] hw = new float[0];
    private int points;
    private int skippedFaint;
    private int skippedShort;
    private int skippedOffscreen;
    private int width;
    private int height;

    private FlowGeometry() {
    }

    /** An empty geometry. */
    public static FlowGeometry empty(int width, int height) {
        FlowGeometry g = new FlowGeometry();
        g.width = width;
        g.height = height;
        return g;
    }

    /** Builds the arcs of {@code flows} on {@code viewport}. */
    public static FlowGeometry build(FlowSet flows, NodePositions pos, MapViewport viewport, FlowStyle style,
                                     FlowScale scale) {
        return build(flows, pos, viewport, style, scale, null);
    }

    /** The colour of an arc other than its scale's (a comparison's diverging classes). */
    @FunctionalInterface
    public interface ArcColors {
        /** The colour of flow {@code flowIndex}, whose scale colour would be {@code scaleColor}. */
        int color(int flowIndex, int scaleColor);
    }

    /** As {@link #build(FlowSet, NodePositions, MapViewport, FlowStyle, FlowScale)}, coloured by {@code colors}. */
    public static FlowGeometry build(FlowSet flows, NodePositions pos, MapViewport viewport, FlowStyle style,
                                     FlowScale scale, ArcColors colors) {
        FlowGeometry g = new FlowGeometry();
        g.width = viewport.width();
        g.height = viewport.height();
        int n = flows.size();
        g.flowIndex = new int[n];
        g.color = new int[n];
        g.start = new int[n + 1];
        int cap = Math.max(64, n * 12);
        g.x = new float[cap];
        g.y = new float[cap];
        g.hw = new float[cap];
        double w = viewport.width(), h = viewport.height();
        int drawable = inkBudget(flows, pos, viewport, style, scale);
        for (int i = n - 1; i >= 0; i--) {
            if (i >= drawable) {
                g.skippedFaint++;
                continue;
            }
            int o = flows.origin(i), d = flows.destination(i);
            double x0 = viewport.toScreenX(pos.x(o)), y0 = viewport.toScreenY(pos.y(o));
            double x2 = viewport.toScreenX(pos.x(d)), y2 = viewport.toScreenY(pos.y(d));
            double dx = x2 - x0, dy = y2 - y0;
            double len = Math.hypot(dx, dy);
            if (len < MIN_CHORD) {
                g.skippedShort++;
                continue;
            }
            double vol = flows.volume(i);
            double width = scale.width(vol, style);
            int argb = colors == null ? scale.color(vol, style) : colors.color(i, scale.color(vol, style));
            // level of detail: a flow whose width, were it proportional to √volume, would be sub-pixel is not drawn
            if (style.maxWidth() * Math.sqrt(vol / Math.max(1, scale.max())) * Argb.alpha(argb) / 255.0
                    < style.minVisibleInk()) {
                g.skippedFaint++;
                continue;
            }
            // control point: to the right of origin → destination on screen (y down: right = (-dy, dx))
            double x1 = (x0 + x2) / 2 - dy * style.bow(), y1 = (y0 + y2) / 2 + dx * style.bow();
            // taper towards the destination, but never below one pixel (or the origin's width if thinner)
            double hw0 = width / 2, hw1 = Math.max(Math.min(hw0, MIN_END_HALF_WIDTH), hw0 * style.taper());
            double pad = hw0 + 2;
            double minX = Math.min(x0, Math.min(x1, x2)) - pad, maxX = Math.max(x0, Math.max(x1, x2)) + pad;
            double minY = Math.min(y0, Math.min(y1, y2)) - pad, maxY = Math.max(y0, Math.max(y1, y2)) + pad;
            if (maxX < 0 || maxY < 0 || minX > w || minY > h) {
                g.skippedOffscreen++;
                continue;
            }
            // flatness: a quadratic's chord error with n segments is |P0 − 2P1 + P2| / (4n²) = bow·len / (2n²); ≤ ¼ px
            int segs = Math.max(2, Math.min(40, (int) Math.ceil(Math.sqrt(2 * style.bow() * len))));
            double tEnd = 1;
            double headHw = 0, headLen = 0;
            if (style.arrowHead()) {
                headHw = Math.max(2.5, hw1 * 2 + 1.5);
                headLen = Math.min(len * 0.4, headHw * 2.4);
                tEnd = 1 - headLen / (len * 1.05);
            }
            g.ensure(g.points + segs + 3);
            int a = g.arcs;
            g.flowIndex[a] = i;
            g.color[a] = argb;
            for (int s = 0; s <= segs; s++) {
                double t = tEnd * s / segs, u = 1 - t;
                double bx = u * u * x0 + 2 * u * t * x1 + t * t * x2;
                double by = u * u * y0 + 2 * u * t * y1 + t * t * y2;
                g.add(bx, by, hw0 + (hw1 - hw0) * t);
            }
            if (style.arrowHead()) {
                int last = g.points - 1;
                g.add(g.x[last], g.y[last], headHw);
                g.add(x2, y2, 0);
            }
            g.arcs++;
            g.start[g.arcs] = g.points;
        }
        return g;
    }

    /**
     * How many of the largest flows fit the ink budget: their arcs (width × chord on screen, times their colour's
     * opacity) may cover at most {@link #MAX_INK_SHARE} of the screen. Flows are sorted largest first, so the
     * smaller ones beyond are left out at this zoom — zooming in (fewer flows on screen) brings them back — rather
     * than burying the map under a tangle. Flows off screen or too short use no ink.
     */
    static int inkBudget(FlowSet flows, NodePositions pos, MapViewport viewport, FlowStyle style, FlowScale scale) {
        double budget = MAX_INK_SHARE * viewport.width() * viewport.height(), ink = 0;
        double w = viewport.width(), h = viewport.height();
        for (int i = 0; i < flows.size(); i++) {
            int o = flows.origin(i), d = flows.destination(i);
            double x0 = viewport.toScreenX(pos.x(o)), y0 = viewport.toScreenY(pos.y(o));
            double x2 = viewport.toScreenX(pos.x(d)), y2 = viewport.toScreenY(pos.y(d));
            if (Math.max(x0, x2) < 0 || Math.max(y0, y2) < 0 || Math.min(x0, x2) > w || Math.min(y0, y2) > h) {
                continue;   // mostly off screen: a rough cull is enough for the budget
            }
            double vol = flows.volume(i);
            ink += scale.width(vol, style) * Math.hypot(x2 - x0, y2 - y0) * Argb.alpha(scale.color(vol, style)) / 255.0;
            if (ink > budget) {
                return i;
            }
        }
        return flows.size();
    }

    private void ensure(int pts) {
        if (pts > x.length) {
            int cap = Math.max(pts, x.length * 2);
            x = Arrays.copyOf(x, cap);
            y = Arrays.copyOf(y, cap);
            hw = Arrays.copyOf(hw, cap);
        }
    }

    private void add(double px, double py, double h) {
        x[points] = (float) px;
        y[points] = (float) py;
        hw[points] = (float) h;
        points++;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Number of arcs drawn (after culling). */
    public int arcCount() {
        return arcs;
    }

    /** Flows not drawn because they are sub-pixel at this scale ({@link FlowStyle#minVisibleInk()}). */
    public int skippedFaint() {
        return skippedFaint;
    }

    /** Flows not drawn because their chord is shorter than {@link #MIN_CHORD} pixels. */
    public int skippedShort() {
        return skippedShort;
    }

    /** Flows not drawn because they are entirely off screen. */
    public int skippedOffscreen() {
        return skippedOffscreen;
    }

    /** Index in the flow set of arc {@code a}. */
    public int flowIndex(int a) {
        return flowIndex[a];
    }

    /** Colour (non-premultiplied ARGB) of arc {@code a}. */
    public int color(int a) {
        return color[a];
    }

    /** First point of arc {@code a}. */
    public int start(int a) {
        return start[a];
    }

    /** One past the last point of arc {@code a}. */
    public int end(int a) {
        return start[a + 1];
    }

    public float x(int p) {
        return x[p];
    }

    public float y(int p) {
        return y[p];
    }

    /** Half-width at point {@code p}. */
    public float halfWidth(int p) {
        return hw[p];
    }

    /** Whether arc {@code a} is drawn as a hairline. */
    public boolean isHairline(int a) {
        return hw[start[a]] < HAIRLINE_HALF_WIDTH;
    }

    /** Total number of centre-line points. */
    public int pointCount() {
        return points;
    }

    float[] xs() {
        return x;
    }

    float[] ys() {
        return y;
    }

    float[] hws() {
        return hw;
    }

    /**
     * The outline of arc {@code a} as a closed polygon (left side out, right side back), for vector backends.
     */
    public MapPath outline(int a, MapPath out) {
        out.reset();
        int s = start[a], e = start[a + 1];
        int n = e - s;
        double[] nx = new double[n], ny = new double[n];
        for (int i = 0; i < n; i++) {
            int p = s + i;
            double tx = 0, ty = 0;
            if (i > 0) {
                double dx = x[p] - x[p - 1], dy = y[p] - y[p - 1], l = Math.hypot(dx, dy);
                if (l > 1e-9) {
                    tx += dx / l;
                    ty += dy / l;
                }
            }
            if (i < n - 1) {
                double dx = x[p + 1] - x[p], dy = y[p + 1] - y[p], l = Math.hypot(dx, dy);
                if (l > 1e-9) {
                    tx += dx / l;
                    ty += dy / l;
                }
            }
            double l = Math.hypot(tx, ty);
            if (l < 1e-9) {
                // duplicated point (arrow head base): use the previous segment's direction
                int q = Math.max(s, p - 1);
                tx = x[p] - x[Math.max(s, q - 1)];
                ty = y[p] - y[Math.max(s, q - 1)];
                l = Math.max(1e-9, Math.hypot(tx, ty));
            }
            nx[i] = -ty / l;
            ny[i] = tx / l;
        }
        for (int i = 0; i < n; i++) {
            int p = s + i;
            double px = x[p] + nx[i] * hw[p], py = y[p] + ny[i] * hw[p];
            if (i == 0) {
                out.moveTo(px, py);
            } else {
                out.lineTo(px, py);
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            int p = s + i;
            out.lineTo(x[p] - nx[i] * hw[p], y[p] - ny[i] * hw[p]);
        }
        return out.close();
    }

    /** The centre line of arc {@code a} as an open polyline. */
    public MapPath centerLine(int a, MapPath out) {
        out.reset();
        for (int p = start[a]; p < start[a + 1]; p++) {
            if (p == start[a]) {
                out.moveTo(x[p], y[p]);
            } else {
                out.lineTo(x[p], y[p]);
            }
        }
        return out;
    }

    /** Index (into the flow set) of the arc nearest to a screen point within {@code maxDistance} pixels, or -1. */
    public int nearestFlow(double sx, double sy, double maxDistance) {
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int a = arcs - 1; a >= 0; a--) {
            for (int p = start[a]; p < start[a + 1] - 1; p++) {
                double d = segmentDistance(sx, sy, x[p], y[p], x[p + 1], y[p + 1]) - Math.max(hw[p], hw[p + 1]);
                if (d < bestD) {
                    bestD = d;
                    best = a;
                }
            }
        }
        return best >= 0 && bestD <= maxDistance ? flowIndex[best] : -1;
    }

    static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
        double t = l2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2));
        return Math.hypot(px - ax - t * dx, py - ay - t * dy);
    }
}
