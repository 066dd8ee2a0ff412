package org.epiflow.export.pdf;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.epiflow.export.Glyphs;
import org.epiflow.map.Java2DPainter;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled Noto Sans CJK SC, embedded as Type 3 fonts holding only the glyphs used (a subset by construction).
 * PDFBox cannot embed an OpenType font with CFF outlines (the bundled font is one), so each glyph used is taken from
 * Java2D (the outline the PNG draws) and written as a glyph procedure; text stays text ({@code Tj} with a
 * {@code ToUnicode} map, so it is searchable, copyable and extractable). A Type 3 font holds at most 254 glyphs
 * (single-byte codes 1–255 except 32); more glyphs open further fonts.
 */
final class Type3Fonts {
    /** One text run in one font. */
    record Run(int font, byte[] codes) {
    }

    private record Glyph(int code, double advance, String path, Rectangle2D bounds, String unicode) {
    }

    private final PDDocument doc;
    private final FontRenderContext frc = new FontRenderContext(null, true, true);
    private final Map<Long, int[]> assigned = new HashMap<>();
    private final List<List<Glyph>> fonts = new ArrayList<>();
    private final List<COSDictionary> dicts = new ArrayList<>();
    private final Font[] base = new Font[2];

    Type3Fonts(PDDocument doc) {
        this.doc = doc;
    }

    int count() {
        return fonts.size();
    }

    COSDictionary dictionary(int font) {
        return dicts.get(font);
    }

    /** The font at 1000 units per em, as Java2D draws it. */
    Font font(boolean bold) {
        int i = bold ? 1 : 0;
        if (base[i] == null) {
            base[i] = Java2DPainter.baseFont().deriveFont(bold ? Font.BOLD : Font.PLAIN, 1000f);
        }
        return base[i];
    }

    /** Encodes text into runs of single-byte codes, adding glyphs as needed. */
    List<Run> encode(String text, boolean bold) {
        List<Run> runs = new ArrayList<>();
        int[] cur = {-1};
        byte[] buf = new byte[text.length() * 2 + 1];
        int[] n = {0};
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length();
            if (!end && !Glyphs.synthetic(text.charAt(i))) {
                continue;
            }
            if (i > start) {
                String seg = text.substring(start, i);
                GlyphVector gv = font(bold).createGlyphVector(frc, seg);
                for (int g = 0; g < gv.getNumGlyphs(); g++) {
                    long key = ((long) gv.getGlyphCode(g) << 1) | (bold ? 1 : 0);
                    int gi = g;
                    put(runs, cur, buf, n, assigned.computeIfAbsent(key, k -> add(gv, gi, seg)));
                }
            }
            if (!end) {
                char c = text.charAt(i);
                long key = -(((long) c << 1) | (bold ? 1 : 0)) - 1;
                put(runs, cur, buf, n, assigned.computeIfAbsent(key, k -> addDash(c, bold)));
            }
            start = i + 1;
        }
        if (n[0] > 0) {
            runs.add(new Run(cur[0], java.util.Arrays.copyOf(buf, n[0])));
        }
        return runs;
    }

    private static void put(List<Run> runs, int[] cur, byte[] buf, int[] n, int[] fc) {
        if (fc[0] != cur[0] && n[0] > 0) {
            runs.add(new Run(cur[0], java.util.Arrays.copyOf(buf, n[0])));
            n[0] = 0;
        }
        cur[0] = fc[0];
        buf[n[0]++] = (byte) fc[1];
    }

    private int[] add(GlyphVector gv, int i, String text) {
        Point2D pos = gv.getGlyphPosition(i);
        Shape outline = gv.getGlyphOutline(i, (float) -pos.getX(), (float) -pos.getY());
        int ci = gv.getGlyphCharIndex(i);
        String uni = ci >= 0 && ci < text.length() ? new String(Character.toChars(text.codePointAt(ci))) : "";
        return addGlyph(outline, gv.getGlyphMetrics(i).getAdvanceX(), uni);
    }

    /** A dash the font lacks: its hyphen lengthened (as {@link Glyphs} draws it on rasters). */
    private int[] addDash(char c, boolean bold) {
        Font f = font(bold);
        return addGlyph(Glyphs.dash(c, f, 0, 0), Glyphs.dashEms(c) * f.getSize2D(), String.valueOf(c));
    }

    private int[] addGlyph(Shape outline, double advance, String uni) {
        if (fonts.isEmpty() || fonts.get(fonts.size() - 1).size() >= 254) {
            fonts.add(new ArrayList<>());
            COSDictionary d = new COSDictionary();
            d.setItem(COSName.TYPE, COSName.FONT);
            d.setItem(COSName.SUBTYPE, COSName.TYPE3);
            dicts.add(d);
        }
        List<Glyph> f = fonts.get(fonts.size() - 1);
        int code = f.size() + 1;
        if (code >= 32) {
            code++;
        }
        StringBuilder p = new StringBuilder();
        // glyph space is y up: flip Java2D's y down
        PdfPaths.append(p, outline, AffineTransform.getScaleInstance(1, -1));
        Rectangle2D b = outline.getBounds2D();
        Rectangle2D up = new Rectangle2D.Double(b.getX(), -b.getMaxY(), b.getWidth(), b.getHeight());
        f.add(new Glyph(code, advance, p.toString(), up, uni));
        return new int[] {fonts.size() - 1, code};
    }

    /** Writes glyph procedures, widths, encodings and ToUnicode maps into the font dictionaries. */
    void finish() throws IOException {
        for (int fi = 0; fi < fonts.size(); fi++) {
            List<Glyph> glyphs = fonts.get(fi);
            COSDictionary d = dicts.get(fi);
            COSDictionary procs = new COSDictionary();
            COSArray diffs = new COSArray();
            int last = glyphs.get(glyphs.size() - 1).code();
            double[] widths = new double[last + 1];
            Rectangle2D bbox = null;
            for (Glyph g : glyphs) {
                String name = "g" + g.code();
                StringBuilder s = new StringBuilder();
                s.append(Math.round(g.advance())).append(" 0 ");
                if (g.path().isEmpty()) {
                    s.append("0 0 0 0 d1\n");
                } else {
                    s.append((long) Math.floor(g.bounds().getMinX())).append(' ')
                            .append((long) Math.floor(g.bounds().getMinY())).append(' ')
                            .append((long) Math.ceil(g.bounds().getMaxX())).append(' ')
                            .append((long) Math.ceil(g.bounds().getMaxY())).append(" d1\n");
                    s.append(g.path()).append("f\n");
                    bbox = bbox == null ? (Rectangle2D) g.bounds().clone() : bbox.createUnion(g.bounds());
                }
                procs.setItem(COSName.getPDFName(name), stream(s.toString()));
                diffs.add(COSInteger.get(g.code()));
                diffs.add(COSName.getPDFName(name));
                widths[g.code()] = Math.round(g.advance());
            }
            if (bbox == null) {
                bbox = new Rectangle2D.Double(0, 0, 0, 0);
            }
            COSArray fb = new COSArray();
            fb.add(COSInteger.get((long) Math.floor(bbox.getMinX())));
            fb.add(COSInteger.get((long) Math.floor(bbox.getMinY())));
            fb.add(COSInteger.get((long) Math.ceil(bbox.getMaxX())));
            fb.add(COSInteger.get((long) Math.ceil(bbox.getMaxY())));
            d.setItem(COSName.FONT_BBOX, fb);
            COSArray m = new COSArray();
            for (double v : new double[] {0.001, 0, 0, 0.001, 0, 0}) {
                m.add(new COSFloat((float) v));
            }
            d.setItem(COSName.FONT_MATRIX, m);
            d.setItem(COSName.CHAR_PROCS, procs);
            COSDictionary enc = new COSDictionary();
            enc.setItem(COSName.TYPE, COSName.ENCODING);
            enc.setItem(COSName.DIFFERENCES, diffs);
            d.setItem(COSName.ENCODING, enc);
            d.setInt(COSName.FIRST_CHAR, 1);
            d.setInt(COSName.LAST_CHAR, last);
            COSArray w = new COSArray();
            for (int c = 1; c <= last; c++) {
                w.add(COSInteger.get((long) widths[c]));
            }
            d.setItem(COSName.WIDTHS, w);
            d.setItem(COSName.RESOURCES, new COSDictionary());
            d.setItem(COSName.TO_UNICODE, stream(toUnicode(glyphs)));
        }
    }

    private static String toUnicode(List<Glyph> glyphs) {
        StringBuilder s = new StringBuilder();
        s.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /EpiFlow-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<00> <FF>\nendcodespacerange\n");
        List<Glyph> mapped = glyphs.stream().filter(g -> !g.unicode().isEmpty()).toList();
        for (int i = 0; i < mapped.size(); i += 100) {
            List<Glyph> part = mapped.subList(i, Math.min(mapped.size(), i + 100));
            s.append(part.size()).append(" beginbfchar\n");
            for (Glyph g : part) {
                s.append(String.format("<%02X> <", g.code()));
                for (char ch : g.unicode().toCharArray()) {
                    s.append(String.format("%04X", (int) ch));
                }
                s.append(">\n");
            }
            s.append("endbfchar\n");
        }
        s.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return s.toString();
    }

    private COSStream stream(String content) throws IOException {
        COSStream s = doc.getDocument().createCOSStream();
        try (OutputStream o = s.createOutputStream(COSName.FLATE_DECODE)) {
            o.write(content.getBytes(StandardCharsets.ISO_8859_1));
        }
        return s;
    }
}
