package org.epiflow.map;

import org.epiflow.map.geo.BasemapLoader;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.InputStream;

/**
 * The Java2D backend ({@link Graphics2D}, e.g. on a {@code BufferedImage} for PNG export and tests). Antialiased, pure
 * stroke control; text in the bundled Noto Sans CJK SC font (falls back to the logical SansSerif font). Also measures
 * text for label placement.
 */
public final class Java2DPainter implements MapPainter, TextMetrics {
    private static volatile Font baseFont;

    private final Graphics2D g;
    private final Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD, 1024);
    private final Ellipse2D.Double ellipse = new Ellipse2D.Double();
    private final FontRenderContext frc = new FontRenderContext(null, true, true);

    public Java2DPainter(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    /** The bundled CJK font at size 1 (loaded once), or SansSerif. */
    public static Font baseFont() {
        Font f = baseFont;
        if (f == null) {
            try (InputStream in = BasemapLoader.openFont()) {
                f = Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException | FontFormatException | RuntimeException e) {
                f = new Font(Font.SANS_SERIF, Font.PLAIN, 1);
            }
            baseFont = f;
        }
        return f;
    }

    static Font font(TextStyle s) {
        return baseFont().deriveFont(s.bold() ? Font.BOLD : Font.PLAIN, (float) s.size());
    }

    public Graphics2D graphics() {
        return g;
    }

    private Path2D toPath(MapPath p) {
        path.reset();
        p.forEach(new MapPath.Visitor() {
            @Override
            public void moveTo(double x, double y) {
                path.moveTo(x, y);
            }

            @Override
            public void lineTo(double x, double y) {
                path.lineTo(x, y);
            }

            @Override
            public void quadTo(double cx, double cy, double x, double y) {
                path.quadTo(cx, cy, x, y);
            }

            @Override
            public void close() {
                path.closePath();
            }
        });
        return path;
    }

    private void color(int argb) {
        g.setColor(new Color(argb, true));
    }

    @Override
    public void fill(MapPath p, int argb) {
        color(argb);
        g.fill(toPath(p));
    }

    @Override
    public void stroke(MapPath p, int argb, double width) {
        color(argb);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.draw(toPath(p));
    }

    @Override
    public void fillCircle(double cx, double cy, double r, int argb) {
        color(argb);
        ellipse.setFrame(cx - r, cy - r, 2 * r, 2 * r);
        g.fill(ellipse);
    }

    @Override
    public void strokeCircle(double cx, double cy, double r, int argb, double width) {
        color(argb);
        g.setStroke(new BasicStroke((float) width));
        ellipse.setFrame(cx - r, cy - r, 2 * r, 2 * r);
        g.draw(ellipse);
    }

    @Override
    public void text(String text, double x, double y, TextStyle style) {
        Font f = font(style);
        if (Argb.alpha(style.halo()) > 0 && style.haloWidth() > 0) {
            TextLayout tl = new TextLayout(text, f, frc);
            Shape outline = tl.getOutline(AffineTransform.getTranslateInstance(x, y));
            color(style.halo());
            g.setStroke(new BasicStroke((float) (2 * style.haloWidth()), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            g.draw(outline);
            color(style.color());
            g.fill(outline);
        } else {
            g.setFont(f);
            color(style.color());
            g.drawString(text, (float) x, (float) y);
        }
    }

    @Override
    public double width(String text, TextStyle style) {
        return font(style).getStringBounds(text, frc).getWidth();
    }

    @Override
    public double height(TextStyle style) {
        var lm = font(style).getLineMetrics("国A", frc);
        return lm.getAscent() + lm.getDescent();
    }

    @Override
    public double ascent(TextStyle style) {
        return font(style).getLineMetrics("国A", frc).getAscent();
    }
}
