package org.epiflow.export.pdf;

import org.epiflow.export.Numbers;
import org.epiflow.export.PageCanvas;
import org.epiflow.map.Argb;
import org.epiflow.map.MapPath;
import org.epiflow.map.TextStyle;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * The PDF page backend: writes a content stream directly (fast for thousands of arcs). Layout units are mapped to
 * points by one {@code cm} (0.75, y flipped), fills use even-odd ({@code f*}), transparency goes through ExtGState
 * resources {@code /GaNNN} (alpha 0–255), text is {@code Tj} in {@link Type3Fonts}, halos are the glyph outlines
 * stroked as paths underneath.
 */
final class PdfCanvas implements PageCanvas {
    private final StringBuilder b = new StringBuilder(1 << 20);
    private final Type3Fonts fonts;
    private final double pageHeightPt;
    private final Set<Integer> alphas;

    /**
     * @param fonts        the document's glyph fonts
     * @param pageHeightPt page height in points
     * @param alphas       collects the alpha values used (the writer adds one ExtGState per value)
     */
    PdfCanvas(Type3Fonts fonts, double pageHeightPt, Set<Integer> alphas) {
        this.fonts = fonts;
        this.pageHeightPt = pageHeightPt;
        this.alphas = alphas == null ? new TreeSet<>() : alphas;
    }

    byte[] content() {
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void begin(int width, int height, int background) {
        b.append("q 0.75 0 0 -0.75 0 ");
        Numbers.append(b, pageHeightPt).append(" cm\n");
    }

    @Override
    public void end() {
        b.append("Q\n");
    }

    @Override
    public void beginLayer(String name) {
        b.append("% ").append(name.replaceAll("[^A-Za-z0-9_-]", "")).append('\n');
    }

    @Override
    public void beginFrame(double x, double y, double w, double h) {
        b.append("q 1 0 0 1 ");
        Numbers.append(b, x).append(' ');
        Numbers.append(b, y).append(" cm 0 0 ");
        Numbers.append(b, w).append(' ');
        Numbers.append(b, h).append(" re W n\n");
    }

    @Override
    public void endFrame() {
        b.append("Q\n");
    }

    private void colour(int argb, boolean stroke) {
        int a = Argb.alpha(argb);
        alphas.add(a);
        b.append("/Ga").append(a).append(" gs ");
        Numbers.append4(b, Argb.red(argb) / 255.0).append(' ');
        Numbers.append4(b, Argb.green(argb) / 255.0).append(' ');
        Numbers.append4(b, Argb.blue(argb) / 255.0).append(stroke ? " RG\n" : " rg\n");
    }

    @Override
    public void fill(MapPath path, int argb) {
        if (path.isEmpty() || Argb.alpha(argb) == 0) {
            return;
        }
        colour(argb, false);
        PdfPaths.append(b, path);
        b.append("f*\n");
    }

    @Override
    public void stroke(MapPath path, int argb, double width) {
        if (path.isEmpty() || Argb.alpha(argb) == 0) {
            return;
        }
        colour(argb, true);
        Numbers.append(b, width).append(" w 1 j 0 J\n");
        PdfPaths.append(b, path);
        b.append("S\n");
    }

    private void circle(double cx, double cy, double r) {
        double k = 0.5522847498 * r;
        Numbers.append(b, cx + r).append(' ');
        Numbers.append(b, cy).append(" m\n");
        cubic(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        cubic(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        cubic(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        cubic(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        b.append("h\n");
    }

    private void cubic(double... c) {
        for (double v : c) {
            Numbers.append(b, v).append(' ');
        }
        b.append("c\n");
    }

    @Override
    public void fillCircle(double cx, double cy, double r, int argb) {
        colour(argb, false);
        circle(cx, cy, r);
        b.append("f\n");
    }

    @Override
    public void strokeCircle(double cx, double cy, double r, int argb, double width) {
        colour(argb, true);
        Numbers.append(b, width).append(" w\n");
        circle(cx, cy, r);
        b.append("S\n");
    }

    @Override
    public void text(String text, double x, double y, TextStyle s) {
        text = org.epiflow.export.Glyphs.displayable(text);
        if (text.isEmpty()) {
            return;
        }
        if (Argb.alpha(s.halo()) > 0 && s.haloWidth() > 0) {
            java.awt.Font f = fonts.font(s.bold()).deriveFont((float) s.size());
            colour(s.halo(), true);
            Numbers.append(b, 2 * s.haloWidth()).append(" w 1 j 1 J\n");
            PdfPaths.append(b, org.epiflow.export.Glyphs.outline(text, f, x, y), null);
            b.append("S\n");
        }
        colour(s.color(), false);
        b.append("BT\n1 0 0 -1 ");
        Numbers.append(b, x).append(' ');
        Numbers.append(b, y).append(" Tm\n");
        for (Type3Fonts.Run r : fonts.encode(text, s.bold())) {
            b.append("/T").append(r.font()).append(' ');
            Numbers.append(b, s.size()).append(" Tf <");
            for (byte c : r.codes()) {
                b.append(Character.forDigit((c >> 4) & 15, 16)).append(Character.forDigit(c & 15, 16));
            }
            b.append("> Tj\n");
        }
        b.append("ET\n");
    }
}
