package org.epiflow.export.raster;

import org.epiflow.export.MapPage;
import org.epiflow.export.layout.LayoutPainter;
import org.epiflow.export.layout.PrintLayout;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Draws a laid-out page into an image at the page's raster scale. */
public final class PageRaster {
    private PageRaster() {
    }

    /** An opaque RGB image of {@code layout.page().pixelWidth() × pixelHeight()}. */
    public static BufferedImage render(PrintLayout layout, MapPage page) {
        BufferedImage img = new BufferedImage(layout.page().pixelWidth(), layout.page().pixelHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            LayoutPainter.paint(new Java2DCanvas(g, layout.page().rasterScale()), layout, page);
        } finally {
            g.dispose();
        }
        return img;
    }
}
