package org.epiflow.export;

import org.epiflow.map.Java2DPainter;
import org.epiflow.map.TextMetrics;
import org.epiflow.map.TextStyle;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * The one text measure of every export backend: Java2D with the bundled Noto Sans CJK SC font (what the PNG draws
 * and the PDF embeds), dashes the font lacks measured as {@link Glyphs} draws them. One shared instance, so the
 * scene's label cache is reused across backends.
 */
public final class LayoutMetrics implements TextMetrics {
    private static volatile TextMetrics instance;
    private final Java2DPainter java2d;

    private LayoutMetrics(Java2DPainter java2d) {
        this.java2d = java2d;
    }

    public static TextMetrics get() {
        TextMetrics m = instance;
        if (m == null) {
            synchronized (LayoutMetrics.class) {
                m = instance;
                if (m == null) {
                    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
                    m = new LayoutMetrics(new Java2DPainter(g));
                    instance = m;
                }
            }
        }
        return m;
    }

    /** The font a style is drawn in. */
    public static Font font(TextStyle s) {
        return Java2DPainter.baseFont().deriveFont(s.bold() ? Font.BOLD : Font.PLAIN, (float) s.size());
    }

    @Override
    public double width(String text, TextStyle style) {
        return Glyphs.hasSynthetic(text) ? Glyphs.width(text, font(style)) : java2d.width(text, style);
    }

    @Override
    public double height(TextStyle style) {
        return java2d.height(style);
    }

    @Override
    public double ascent(TextStyle style) {
        return java2d.ascent(style);
    }
}
