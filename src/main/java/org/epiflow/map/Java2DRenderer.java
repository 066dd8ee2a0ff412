package org.epiflow.map;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Draws a whole scene with {@link Java2DPainter} into a new {@code TYPE_INT_ARGB_PRE} image (PNG export, tests). */
public final class Java2DRenderer {
    private Java2DRenderer() {
    }

    public static BufferedImage render(MapScene scene) {
        MapViewport v = scene.viewport();
        BufferedImage img = new BufferedImage(v.width(), v.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            scene.paint(new Java2DPainter(g));
        } finally {
            g.dispose();
        }
        return img;
    }
}
