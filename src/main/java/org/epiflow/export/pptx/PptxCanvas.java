package org.epiflow.export.pptx;

import org.apache.poi.sl.usermodel.Insets2D;
import org.apache.poi.sl.usermodel.ShapeType;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.sl.usermodel.TextShape;
import org.apache.poi.sl.usermodel.VerticalAlignment;
import org.apache.poi.xslf.usermodel.XSLFAutoShape;
import org.apache.poi.xslf.usermodel.XSLFFreeformShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.epiflow.export.LayoutMetrics;
import org.epiflow.export.PageCanvas;
import org.epiflow.map.Argb;
import org.epiflow.map.MapPath;
import org.epiflow.map.TextMetrics;
import org.epiflow.map.TextStyle;

import java.awt.Color;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The slide backend of the print layout: every piece of text becomes an editable text box, every swatch, frame and
 * marking box a native shape, placed where the layout puts it (layout units × {@code ptPerUnit}). The map frame's
 * inside is not drawn here: {@link PptxFormat} places it as pictures.
 */
final class PptxCanvas implements PageCanvas {
    /** The font PowerPoint uses for the slide's text (Chinese and Latin). */
    static final String FONT = "Microsoft YaHei";
    private final XSLFSlide slide;
    private final double pt;
    private double pageW;
    private double pageH;

    PptxCanvas(XSLFSlide slide, double ptPerUnit) {
        this.slide = slide;
        this.pt = ptPerUnit;
    }

    @Override
    public void begin(int width, int height, int background) {
        pageW = width;
        pageH = height;
    }

    @Override
    public void beginFrame(double x, double y, double w, double h) {
        throw new UnsupportedOperationException("the map frame of a slide is placed as pictures");
    }

    @Override
    public void endFrame() {
        throw new UnsupportedOperationException("the map frame of a slide is placed as pictures");
    }

    @Override
    public void fill(MapPath path, int argb) {
        Path2D p = path2d(path);
        Rectangle2D b = p.getBounds2D();
        if (b.getMinX() <= 0 && b.getMinY() <= 0 && b.getMaxX() >= (pageW - 1) * pt
                && b.getMaxY() >= (pageH - 1) * pt) {
            return;   // the page's background: the slide's own
        }
        XSLFFreeformShape s = slide.createFreeform();
        s.setPath(p);
        s.setFillColor(color(argb));
        s.setLineColor(null);
    }

    @Override
    public void stroke(MapPath path, int argb, double width) {
        XSLFFreeformShape s = slide.createFreeform();
        s.setPath(path2d(path));
        s.setFillColor(null);
        s.setLineColor(color(argb));
        s.setLineWidth(width * pt);
    }

    @Override
    public void fillCircle(double cx, double cy, double r, int argb) {
        XSLFAutoShape s = ellipse(cx, cy, r);
        s.setFillColor(color(argb));
        s.setLineColor(null);
    }

    @Override
    public void strokeCircle(double cx, double cy, double r, int argb, double width) {
        XSLFAutoShape s = ellipse(cx, cy, r);
        s.setFillColor(null);
        s.setLineColor(color(argb));
        s.setLineWidth(width * pt);
    }

    private XSLFAutoShape ellipse(double cx, double cy, double r) {
        XSLFAutoShape s = slide.createAutoShape();
        s.setShapeType(ShapeType.ELLIPSE);
        s.setAnchor(new Rectangle2D.Double((cx - r) * pt, (cy - r) * pt, 2 * r * pt, 2 * r * pt));
        return s;
    }

    @Override
    public void text(String text, double x, double y, TextStyle style) {
        if (text.isBlank()) {
            return;
        }
        TextMetrics tm = LayoutMetrics.get();
        double w = tm.width(text, style), top = y - tm.ascent(style);
        XSLFTextBox box = slide.createTextBox();
        box.clearText();
        box.setInsets(new Insets2D(0, 0, 0, 0));
        box.setWordWrap(false);
        box.setTextAutofit(TextShape.TextAutofit.NONE);
        // centred on the line the layout measured, so another font keeps the text where the layout put it; a little
        // wider than measured for the same reason
        box.setVerticalAlignment(VerticalAlignment.MIDDLE);
        box.setAnchor(new Rectangle2D.Double(x * pt, top * pt, (w * 1.08 + style.size()) * pt,
                tm.height(style) * pt));
        XSLFTextParagraph para = box.addNewTextParagraph();
        para.setSpaceBefore(0d);
        para.setSpaceAfter(0d);
        para.setTextAlign(TextParagraph.TextAlign.LEFT);
        XSLFTextRun r = para.addNewTextRun();
        r.setText(text);
        r.setFontSize(Math.max(1, Math.round(style.size() * pt * 2) / 2.0));
        r.setBold(style.bold());
        r.setFontColor(new Color(style.color() & 0xFFFFFF));
        r.setFontFamily(FONT);
    }

    private Path2D path2d(MapPath path) {
        Path2D.Double p = new Path2D.Double();
        path.forEach(new MapPath.Visitor() {
            @Override
            public void moveTo(double x, double y) {
                p.moveTo(x * pt, y * pt);
            }

            @Override
            public void lineTo(double x, double y) {
                p.lineTo(x * pt, y * pt);
            }

            @Override
            public void quadTo(double cx, double cy, double x, double y) {
                p.quadTo(cx * pt, cy * pt, x * pt, y * pt);
            }

            @Override
            public void close() {
                p.closePath();
            }
        });
        return p;
    }

    private static Color color(int argb) {
        return new Color(Argb.red(argb), Argb.green(argb), Argb.blue(argb), Argb.alpha(argb));
    }
}
