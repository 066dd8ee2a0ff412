package org.epiflow.export.svg;

import org.epiflow.export.Numbers;
import org.epiflow.export.PageCanvas;
import org.epiflow.map.Argb;
import org.epiflow.map.MapPath;
import org.epiflow.map.TextStyle;

import java.io.IOException;
import java.io.Writer;

/**
 * The SVG page backend, written as it paints: every {@code fill}/{@code stroke} is one {@code <path>} (so one path per
 * flow arc), text stays {@code <text>} in the Noto Sans CJK SC family with the halo as a stroke painted first
 * ({@code paint-order: stroke}), layers are {@code <g>} groups with ids, the map frame a clipped group. Coordinates
 * are layout units (the SVG user unit); the root element carries the physical size (mm) for paper pages.
 */
public final class SvgCanvas implements PageCanvas {
    static final String FONT = "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','Microsoft YaHei',"
            + "'PingFang SC',sans-serif";
    private final Writer out;
    private final StringBuilder b = new StringBuilder(1 << 16);
    private final String physicalWidth;
    private final String physicalHeight;
    private int clips;
    private int depth;
    private IOException error;

    /**
     * @param out            where the document goes (not closed)
     * @param physicalWidth  the root's width attribute, e.g. "297mm" (null = the layout size in px)
     * @param physicalHeight the root's height attribute
     */
    public SvgCanvas(Writer out, String physicalWidth, String physicalHeight) {
        this.out = out;
        this.physicalWidth = physicalWidth;
        this.physicalHeight = physicalHeight;
    }

    /** Metadata written just after the root element (title, description), set before painting. */
    private String title = "";
    private String description = "";

    public SvgCanvas metadata(String t, String desc) {
        this.title = t;
        this.description = desc;
        return this;
    }

    @Override
    public void begin(int width, int height, int background) {
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
                .append(physicalWidth == null ? width + "px" : physicalWidth).append("\" height=\"")
                .append(physicalHeight == null ? height + "px" : physicalHeight).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" font-family=\"").append(FONT)
                .append("\">\n");
        b.append("<title>").append(escape(title)).append("</title>\n");
        b.append("<desc>").append(escape(description)).append("</desc>\n");
        b.append("<metadata><epiflow-trace xmlns=\"urn:epiflow:trace\">").append(escape(description))
                .append("</epiflow-trace></metadata>\n");
    }

    @Override
    public void beginLayer(String name) {
        b.append("<g id=\"").append(escape(name)).append(depth > 0 ? "-" + clips : "").append("\">\n");
    }

    @Override
    public void endLayer() {
        b.append("</g>\n");
        flushIfLarge();
    }

    @Override
    public void beginFrame(double x, double y, double w, double h) {
        int id = ++clips;
        depth++;
        b.append("<clipPath id=\"frame").append(id).append("\"><rect x=\"0\" y=\"0\" width=\"");
        Numbers.append(b, w).append("\" height=\"");
        Numbers.append(b, h).append("\"/></clipPath>\n<g class=\"map-frame\" transform=\"translate(");
        Numbers.append(b, x).append(' ');
        Numbers.append(b, y).append(")\" clip-path=\"url(#frame").append(id).append(")\">\n");
    }

    @Override
    public void endFrame() {
        depth--;
        b.append("</g>\n");
    }

    @Override
    public void fill(MapPath path, int argb) {
        b.append("<path d=\"");
        data(path);
        b.append("\" fill-rule=\"evenodd\"");
        paint("fill", argb);
        b.append("/>\n");
        flushIfLarge();
    }

    @Override
    public void stroke(MapPath path, int argb, double width) {
        b.append("<path d=\"");
        data(path);
        b.append("\" fill=\"none\" stroke-linejoin=\"round\" stroke-width=\"");
        Numbers.append(b, width).append('"');
        paint("stroke", argb);
        b.append("/>\n");
        flushIfLarge();
    }

    @Override
    public void fillCircle(double cx, double cy, double r, int argb) {
        circle(cx, cy, r);
        paint("fill", argb);
        b.append("/>\n");
    }

    @Override
    public void strokeCircle(double cx, double cy, double r, int argb, double width) {
        circle(cx, cy, r);
        b.append(" fill=\"none\" stroke-width=\"");
        Numbers.append(b, width).append('"');
        paint("stroke", argb);
        b.append("/>\n");
    }

    private void circle(double cx, double cy, double r) {
        b.append("<circle cx=\"");
        Numbers.append(b, cx).append("\" cy=\"");
        Numbers.append(b, cy).append("\" r=\"");
        Numbers.append(b, r).append('"');
    }

    @Override
    public void text(String text, double x, double y, TextStyle s) {
        b.append("<text x=\"");
        Numbers.append(b, x).append("\" y=\"");
        Numbers.append(b, y).append("\" font-size=\"");
        Numbers.append(b, s.size()).append('"');
        if (s.bold()) {
            b.append(" font-weight=\"bold\"");
        }
        paint("fill", s.color());
        if (Argb.alpha(s.halo()) > 0 && s.haloWidth() > 0) {
            b.append(" stroke-width=\"");
            Numbers.append(b, 2 * s.haloWidth()).append("\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
            paint("stroke", s.halo());
        }
        b.append(" xml:space=\"preserve\">").append(escape(text)).append("</text>\n");
    }

    @Override
    public void end() {
        b.append("</svg>\n");
        flush();
        if (error != null) {
            throw new java.io.UncheckedIOException(error);
        }
    }

    private void paint(String attr, int argb) {
        b.append(' ').append(attr).append("=\"#").append(String.format("%06x", argb & 0xFFFFFF)).append('"');
        int a = Argb.alpha(argb);
        if (a < 255) {
            b.append(' ').append(attr).append("-opacity=\"");
            Numbers.append4(b, a / 255.0).append('"');
        }
    }

    private void data(MapPath p) {
        double[] c = p.coords();
        int k = 0;
        for (int i = 0; i < p.opCount(); i++) {
            switch (p.op(i)) {
                case MapPath.MOVE -> {
                    b.append('M');
                    Numbers.append(b, c[k++]).append(' ');
                    Numbers.append(b, c[k++]);
                }
                case MapPath.LINE -> {
                    b.append('L');
                    Numbers.append(b, c[k++]).append(' ');
                    Numbers.append(b, c[k++]);
                }
                case MapPath.QUAD -> {
                    b.append('Q');
                    Numbers.append(b, c[k++]).append(' ');
                    Numbers.append(b, c[k++]).append(' ');
                    Numbers.append(b, c[k++]).append(' ');
                    Numbers.append(b, c[k++]);
                }
                default -> b.append('Z');
            }
        }
    }

    static String escape(String s) {
        StringBuilder e = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> e.append("&lt;");
                case '>' -> e.append("&gt;");
                case '&' -> e.append("&amp;");
                case '"' -> e.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\n' || ch == '\t') {
                        e.append(ch);
                    }
                }
            }
        }
        return e.toString();
    }

    private void flushIfLarge() {
        if (b.length() > 1 << 20) {
            flush();
        }
    }

    private void flush() {
        try {
            out.write(b.toString());
            out.flush();
        } catch (IOException e) {
            error = error == null ? e : error;
        }
        b.setLength(0);
    }
}
