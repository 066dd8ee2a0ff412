package org.epiflow.export;

import org.epiflow.map.MapPainter;

/**
 * A page-level drawing backend: a {@link MapPainter} in layout units (1/96 inch, y down) that can also open a clipped,
 * translated map frame. The print layout draws title, legend, scale bar and footer through it; the map scene paints
 * inside a frame in its own viewport pixels (= layout units). Text is measured by {@link LayoutMetrics}, the same for
 * every backend, so the label placement and the layout are identical in PNG, SVG, PDF and PPTX.
 */
public interface PageCanvas extends MapPainter {
    /** Starts a frame: what follows is drawn translated by (x, y) and clipped to {@code w × h}. */
    void beginFrame(double x, double y, double w, double h);

    /** Ends the last frame. */
    void endFrame();

    /** Every page backend measures text with {@link LayoutMetrics}. */
    @Override
    default org.epiflow.map.TextMetrics textMetrics() {
        return LayoutMetrics.get();
    }
}
