package org.epiflow.map;

/**
 * A drawing backend. {@link MapScene#paint(MapPainter)} issues every layer through this interface in screen pixel
 * coordinates (y down, origin top-left), back to front, so Java2D (PNG), SVG, PDF and PPTX backends all draw the same
 * picture. Colours are non-premultiplied ARGB; fills use the even-odd rule.
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

    /** Called once after everything. */
    default void end() {
    }
}
