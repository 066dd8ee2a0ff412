package org.epiflow.map;

/**
 * A drawing backend. {@link MapScene#paint(MapPainter)} has each {@link org.epiflow.map.layer.SceneLayer} issue its
 * drawing through this interface in screen pixel coordinates (y down, origin top-left), back to front, so Java2D
 * (PNG), SVG, PDF, PPTX and the screen rasteriser all draw the same picture. Colours are non-premultiplied ARGB; fills
 * use the even-odd rule.
 *
 * <p>Besides the primitives, two bulk calls ({@link #arcs}, {@link #circles}) carry whole layers; their defaults
 * turn them into primitives, and a backend that can draw them faster (the screen rasteriser) overrides them. Either
 * way the geometry is the same.
 */
public interface MapPainter {
    /** Called once before anything else. */
    default void begin(int width, int height, int background) {
    }

    /** Groups what follows (an SVG group, a PDF optional-content layer); purely informative. */
    default void beginLayer(String name) {
    }

    default void endLayer() {
    }

    void fill(MapPath path, int argb);

    /** Strokes with round joins and butt caps. */
    void stroke(MapPath path, int argb, double width);

    void fillCircle(double cx, double cy, double r, int argb);

    void strokeCircle(double cx, double cy, double r, int argb, double width);

    /** Draws text with its left end on the baseline at (x, y), with the style's halo. */
    void text(String text, double x, double y, TextStyle style);

    /**
     * Draws every arc of a flow geometry in its order: filled tapered outlines, hairlines as 1-pixel strokes whose
     * alpha carries their width.
     */
    default void arcs(FlowGeometry g) {
        MapPath path = new MapPath();
        for (int a = 0; a < g.arcCount(); a++) {
            if (g.isHairline(a)) {
                double w = 2 * g.halfWidth(g.start(a));
                stroke(g.centerLine(a, path), Argb.withAlpha(g.color(a), w), 1.0);
            } else {
                fill(g.outline(a, path), g.color(a));
            }
        }
    }

    /**
     * Draws circles given as triples of centre x, centre y and radius, each filled and then outlined (no outline
     * when {@code outlineWidth} is 0).
     */
    default void circles(double[] xyr, int fill, int outline, double outlineWidth) {
        for (int i = 0; i + 2 < xyr.length; i += 3) {
            fillCircle(xyr[i], xyr[i + 1], xyr[i + 2], fill);
            if (outlineWidth > 0) {
                strokeCircle(xyr[i], xyr[i + 1], xyr[i + 2], outline, outlineWidth);
            }
        }
    }

    /** How this backend measures the text it draws (label placement uses it). */
    default TextMetrics textMetrics() {
        return this instanceof TextMetrics m ? m : TextMetrics.ESTIMATE;
    }

    /** Called once after everything. */
    default void end() {
    }
}
