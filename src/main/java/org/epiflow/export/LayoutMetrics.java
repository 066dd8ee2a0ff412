package org.epiflow.export;

import org.epiflow.map.Java2DPainter;
import org.epiflow.map.TextMetrics;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * The one text measure of every export backend: Java2D with the bundled Noto Sans CJK SC font (what the PNG draws
 * and the PDF embeds). One shared instance, so the scene's label cache is reused across backends.
 */
public final class LayoutMetrics {
    private static volatile TextMetrics instance;

    private LayoutMetrics() {
    }

    public static TextMetrics get() {
        TextMetrics m = instance;
        if (m == null) {
            synchronized (LayoutMetrics.class) {
                m = instance;
                if (m == null) {
                    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
                    m = new Java2DPainter(g);
                    instance = m;
                }
            }
        }
        return m;
    }
}
