package org.epiflow.export;

import org.epiflow.map.Java2DPainter;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * Text the bundled font (a GB2312 subset of Noto Sans CJK SC) cannot draw as it is. The en and em dashes of English
 * pages ({@code 1,000 – 5,000}, "Illustrative boundaries — …") are not in GB2312: they are drawn as the font's
 * hyphen bar lengthened to the dash's width, in every raster and PDF page, and measured the same way. Other missing
 * characters are replaced with ones the font has, so no page shows a gap or a box.
 */
public final class Glyphs {
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private Glyphs() {
    }

    /** Whether {@code cp} is drawn as a lengthened hyphen (a dash the font lacks). */
    public static boolean synthetic(int cp) {
        return (cp == 0x2013 || cp == 0x2014 || cp == 0x2012) && !Java2DPainter.baseFont().canDisplay(cp);
    }

    /** Whether the text holds a character drawn as a lengthened hyphen. */
    public static boolean hasSynthetic(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (synthetic(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The advance of a synthetic dash, in ems: an en dash half an em, an em dash a whole one. */
    public static double dashEms(int cp) {
        return cp == 0x2014 ? 1.0 : 0.5;
    }

    /** Replaces characters the font cannot draw (dashes drawn as lengthened hyphens are kept). */
    public static String displayable(String s) {
        Font f = Java2DPainter.baseFont();
        if (f.canDisplayUpTo(s) < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (f.canDisplay(cp) || synthetic(cp)) {
                b.appendCodePoint(cp);
            } else {
                b.append(switch (cp) {
                    case 0x2212 -> "-";
                    case 0x2026 -> "...";
                    case 0x2265 -> ">=";
                    case 0x2264 -> "<=";
                    case 0x00B7 -> "·";
                    default -> "?";
                });
            }
        }
        return b.toString();
    }

    /** The width of text in {@code font}, synthetic dashes included. */
    public static double width(String text, Font font) {
        if (!hasSynthetic(text)) {
            return font.getStringBounds(text, FRC).getWidth();
        }
        double w = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (synthetic(c)) {
                if (i > start) {
                    w += font.getStringBounds(text.substring(start, i), FRC).getWidth();
                }
                w += dashEms(c) * font.getSize2D();
                start = i + 1;
            }
        }
        if (start < text.length()) {
            w += font.getStringBounds(text.substring(start), FRC).getWidth();
        }
        return w;
    }

    /** The outline of text drawn at baseline ({@code x}, {@code y}), synthetic dashes included. */
    public static Shape outline(String text, Font font, double x, double y) {
        Path2D.Double out = new Path2D.Double(Path2D.WIND_NON_ZERO);
        double pen = x;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length();
            char c = end ? 0 : text.charAt(i);
            if (end || synthetic(c)) {
                if (i > start) {
                    String seg = text.substring(start, i);
                    GlyphVector gv = font.createGlyphVector(FRC, seg);
                    out.append(gv.getOutline((float) pen, (float) y), false);
                    pen += font.getStringBounds(seg, FRC).getWidth();
                }
                if (!end) {
                    out.append(dash(c, font, pen, y), false);
                    pen += dashEms(c) * font.getSize2D();
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** A synthetic dash with its pen at ({@code x}, baseline {@code y}): the hyphen's bar at the dash's width. */
    public static Shape dash(int cp, Font font, double x, double y) {
        Rectangle2D bar = font.createGlyphVector(FRC, "-").getGlyphOutline(0).getBounds2D();
        double em = font.getSize2D(), side = 0.04 * em;
        double w = dashEms(cp) * em - 2 * side;
        return new Rectangle2D.Double(x + side, y + bar.getY(), w, bar.getHeight());
    }
}
