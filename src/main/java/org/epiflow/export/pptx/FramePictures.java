package org.epiflow.export.pptx;

import org.epiflow.export.MapPage;
import org.epiflow.export.Trace;
import org.epiflow.export.layout.LayoutPainter;
import org.epiflow.export.layout.PrintLayout;
import org.epiflow.export.raster.Java2DCanvas;
import org.epiflow.export.raster.PngWriter;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The map frame of a slide as two pictures of the frame's size: the base (background, basemap and heatmap: the same
 * on every slide whose heatmap is the same, so the deck holds it once) and a transparent overlay (flows, circles,
 * labels, scale bar, north arrow). Laid one over the other they are the frame the other formats draw in one go.
 */
final class FramePictures {
    private FramePictures() {
    }

    /**
     * The base picture as PNG bytes; {@code indexed}: in 256 colours (for decks whose heatmap changes from slide to
     * slide, so every slide carries its own base).
     */
    static byte[] base(PrintLayout l, MapPage p, int dpi, boolean indexed) throws IOException {
        return png(l, p, dpi, true, indexed);
    }

    /** The overlay picture as PNG bytes (transparent where nothing is drawn). */
    static byte[] overlay(PrintLayout l, MapPage p, int dpi) throws IOException {
        return png(l, p, dpi, false, false);
    }

    /** Pixel size of the pictures of a frame at {@code dpi}. */
    static int[] size(PrintLayout l, int dpi) {
        double s = dpi / 96.0;
        return new int[] {(int) Math.round(l.frameW() * s), (int) Math.round(l.frameH() * s)};
    }

    private static byte[] png(PrintLayout l, MapPage p, int dpi, boolean base, boolean indexed) throws IOException {
        int[] wh = size(l, dpi);
        BufferedImage img = new BufferedImage(wh[0], wh[1],
                base ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            Java2DCanvas c = new Java2DCanvas(g, dpi / 96.0);
            if (base) {
                LayoutPainter.paintFrameBase(c, l, p);
            } else {
                LayoutPainter.paintFrameOverlay(c, l, p);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
        Trace t = p.trace();
        if (indexed) {
            PngWriter.writeIndexed(img, dpi, t, out);
        } else {
            PngWriter.write(img, dpi, t, out);
        }
        return out.toByteArray();
    }
}
