package org.epiflow.export.raster;

import org.epiflow.export.Glyphs;
import org.epiflow.export.LayoutMetrics;
import org.epiflow.export.PageCanvas;
import org.epiflow.map.Argb;
import org.epiflow.map.Java2DPainter;
import org.epiflow.map.MapPath;
import org.epiflow.map.TextStyle;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The raster page backend: {@link Java2DPainter} on a {@link Graphics2D} scaled from layout units to device pixels,
 * so the map frame is drawn by exactly the code that draws {@code Java2DRenderer}'s screen-equivalent image.
 */
public final class Java2DCanvas implements PageCanvas {
    private final Graphics2D g;
    private final Java2DPainter painter;
    private final Deque<Object[]> saved = new ArrayDeque<>();

    /** Draws on {@code g} with {@code scale} device pixels per layout unit. */
    public Java2DCanvas(Graphics2D g, double scale) {
        this.g = g;
        g.scale(scale, scale);
        this.painter = new Java2DPainter(g);
    }

    @Override
    public void beginFrame(double x, double y, double w, double h) {
        saved.push(new Object[] {g.getTransform(), g.getClip()});
        g.translate(x, y);
        g.clip(new Rectangle2D.Double(0, 0, w, h));
    }

    @Override
    public void endFrame() {
        Object[] s = saved.pop();
        g.setTransform((AffineTransform) s[0]);
        g.setClip((Shape) s[1]);
    }

    @Override
    public void fill(MapPath path, int argb) {
        painter.fill(path, argb);
    }

    @Override
    public void stroke(MapPath path, int argb, double width) {
        painter.stroke(path, argb, width);
    }

    @Override
    public void fillCircle(double cx, double cy, double r, int argb) {
        painter.fillCircle(cx, cy, r, argb);
    }

    @Override
    public void strokeCircle(double cx, double cy, double r, int argb, double width) {
        painter.strokeCircle(cx, cy, r, argb, width);
    }

    @Override
    public void text(String text, double x, double y, TextStyle style) {
        String t = Glyphs.displayable(text);
        if (!Glyphs.hasSynthetic(t)) {
            painter.text(t, x, y, style);
            return;
        }
        // dashes the font lacks: draw the outline (as the PDF embeds it)
        Shape outline = Glyphs.outline(t, LayoutMetrics.font(style), x, y);
        Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (Argb.alpha(style.halo()) > 0 && style.haloWidth() > 0) {
            g.setColor(new Color(style.halo(), true));
            g.setStroke(new BasicStroke((float) (2 * style.haloWidth()), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            g.draw(outline);
        }
        g.setColor(new Color(style.color(), true));
        g.fill(outline);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
    }
}
