package org.epiflow.data.audit;

import org.apache.fontbox.cff.CFFCIDFont;
import org.apache.fontbox.cff.CFFFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The PDF form of {@link AuditReport}. PDFBox 3 cannot embed an OpenType font with CFF outlines through
 * {@code PDType0Font.load}, so the bundled Noto Sans CJK (CID-keyed CFF) is embedded by hand: a Type 0 font with
 * Identity-H encoding over a CIDFontType0 whose {@code FontFile3} is the font's CFF table (not subset: the PDF carries
 * the whole font, about 2 MB compressed), with widths and a ToUnicode map for the characters used, so the text can be
 * searched and copied. Page content is written as PDF operators directly.
 */
final class AuditPdf {
    static final String FONT_RESOURCE = "/maps/fonts/NotoSansCJKsc-Regular-GB2312.otf";
    private static final float W = PDRectangle.A4.getHeight();
    private static final float H = PDRectangle.A4.getWidth();
    private static final float MARGIN = 36;
    private static final float BODY = 7.5f;
    private static final float LEAD = 9.5f;
    private static final int MAX_DETAIL_LINES = 6;

    private AuditPdf() {
    }

    static void write(AuditReport report, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            CidFont font = CidFont.load(doc);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("EpiFlow audit trail " + report.officerKeyId());
            info.setCreator("EpiFlow");
            List<StringBuilder> pages = new ArrayList<>();
            Layout l = new Layout(font, pages);
            l.newPage();
            l.text(MARGIN, 13, "EpiFlow audit trail 审计记录");
            l.y -= 6;
            l.line("Officer key id: " + report.officerKeyId() + "    Workspace: " + report.workspace(), 8.5f);
            l.line("Generated (UTC): " + report.generated() + "    Entries: " + report.entries().size(), 8.5f);
            l.line("Chain verification: " + report.verification().summary(), 8.5f);
            l.line("Head hash (write it down; a later report must continue this chain): #"
                    + report.verification().headSeq() + " " + report.verification().headHashHex(), 8.5f);
            l.y -= 4;
            float[] cols = {MARGIN, MARGIN + 40, MARGIN + 160, MARGIN + 270, W - MARGIN - 150};
            float detailWidth = cols[4] - cols[3] - 8;
            l.tableHeader(cols);
            for (AuditEntry e : report.entries()) {
                List<String> lines = font.wrap(e.details(), BODY, detailWidth, MAX_DETAIL_LINES);
                String status = report.chainStatus(e);
                if (!status.equals("ok")) {
                    lines.addAll(font.wrap("⚠ " + status, BODY, detailWidth, 3));
                }
                float need = lines.size() * LEAD + 3;
                if (l.y - need < MARGIN + 14) {
                    l.newPage();
                    l.tableHeader(cols);
                }
                float top = l.y;
                l.text(cols[0], BODY, "#" + e.seq(), top);
                l.text(cols[1], BODY, e.time(), top);
                l.text(cols[2], BODY, e.kind(), top);
                l.text(cols[4], BODY, e.hashHex().substring(0, 32), top);
                float yy = top;
                for (String s : lines) {
                    l.text(cols[3], BODY, s, yy);
                    yy -= LEAD;
                }
                l.rule(yy - 1, 0.2f);
                l.y = yy - 3;
            }
            int n = pages.size();
            for (int i = 0; i < n; i++) {
                StringBuilder ops = pages.get(i);
                l.textInto(ops, W - MARGIN - 60, MARGIN - 14, 7, "page " + (i + 1) + " / " + n);
                l.textInto(ops, MARGIN, MARGIN - 14, 7, "EpiFlow audit report · officer " + report.officerKeyId()
                        + " · head " + report.verification().headHashHex().substring(0, 16));
                PDPage page = new PDPage(new PDRectangle(W, H));
                PDResources res = new PDResources();
                COSDictionary fonts = new COSDictionary();
                fonts.setItem(COSName.getPDFName("F1"), font.type0);
                res.getCOSObject().setItem(COSName.FONT, fonts);
                page.setResources(res);
                PDStream content = new PDStream(doc);
                try (OutputStream o = content.createOutputStream(COSName.FLATE_DECODE)) {
                    o.write(ops.toString().getBytes(StandardCharsets.US_ASCII));
                }
                page.setContents(content);
                doc.addPage(page);
            }
            font.finish(doc);
            doc.save(out);
        }
    }

    /** Top-down text layout over raw content streams. */
    private static final class Layout {
        final CidFont font;
        final List<StringBuilder> pages;
        float y;

        Layout(CidFont font, List<StringBuilder> pages) {
            this.font = font;
            this.pages = pages;
        }

        void newPage() {
            pages.add(new StringBuilder());
            y = H - MARGIN;
        }

        void line(String s, float size) {
            for (String part : font.wrap(s, size, W - 2 * MARGIN, 3)) {
                text(MARGIN, size, part);
            }
        }

        void text(float x, float size, String s) {
            y -= size + 3;
            textInto(pages.get(pages.size() - 1), x, y, size, s);
        }

        void text(float x, float size, String s, float baseline) {
            textInto(pages.get(pages.size() - 1), x, baseline - size, size, s);
        }

        void textInto(StringBuilder ops, float x, float baseline, float size, String s) {
            ops.append("BT /F1 ").append(fmt(size)).append(" Tf ").append(fmt(x)).append(' ').append(fmt(baseline))
                    .append(" Td <").append(font.encode(org.epiflow.text.Untrusted.escape(s))).append("> Tj ET\n");
        }

        void rule(float at, float width) {
            pages.get(pages.size() - 1).append(fmt(width)).append(" w ").append(fmt(MARGIN)).append(' ')
                    .append(fmt(at)).append(" m ").append(fmt(W - MARGIN)).append(' ').append(fmt(at)).append(" l S\n");
        }

        void tableHeader(float[] cols) {
            y -= 4;
            float top = y;
            text(cols[0], 8, "Seq", top);
            text(cols[1], 8, "Time (UTC)", top);
            text(cols[2], 8, "Kind", top);
            text(cols[3], 8, "Details", top);
            text(cols[4], 8, "Hash (first 128 bits)", top);
            y = top - 8 - 4;
            rule(y + 1, 0.6f);
            y -= 2;
        }
    }

    private static String fmt(float f) {
        return String.format(java.util.Locale.ROOT, "%.2f", f);
    }

    /** The embedded CID-keyed CFF font: encodes text as CIDs and remembers widths and Unicode for the maps. */
    private static final class CidFont {
        final COSDictionary type0 = new COSDictionary();
        final COSDictionary cidFont = new COSDictionary();
        final OpenTypeFont otf;
        final CFFFont cff;
        final CmapLookup cmap;
        final float scale;
        final Map<Integer, String> unicodeByCid = new TreeMap<>();
        final Map<Integer, Integer> widthByCid = new TreeMap<>();
        final byte[] cffBytes;
        final int fallbackCid;

        private CidFont(OpenTypeFont otf, byte[] cffBytes) throws IOException {
            this.otf = otf;
            this.cff = otf.getCFF().getFont();
            this.cmap = otf.getUnicodeCmapLookup();
            this.scale = 1000f / otf.getUnitsPerEm();
            this.cffBytes = cffBytes;
            this.fallbackCid = cidOf('?');
        }

        static CidFont load(PDDocument doc) throws IOException {
            byte[] bytes;
            try (InputStream in = AuditPdf.class.getResourceAsStream(FONT_RESOURCE)) {
                if (in == null) {
                    throw new IOException("the report font " + FONT_RESOURCE + " is missing from the build");
                }
                bytes = in.readAllBytes();
            }
            OpenTypeFont otf = new OTFParser().parse(new RandomAccessReadBuffer(bytes));
            if (!otf.isPostScript() || !(otf.getCFF().getFont() instanceof CFFCIDFont)) {
                throw new IOException("the report font is not a CID-keyed OpenType CFF font");
            }
            return new CidFont(otf, otf.getTableBytes(otf.getTableMap().get("CFF ")));
        }

        private int cidOf(int codePoint) throws IOException {
            int gid = cmap.getGlyphId(codePoint);
            return gid == 0 ? 0 : cff.getCharset().getCIDForGID(gid);
        }

        /** Hex of the 2-byte CIDs for {@code s}; characters the font lacks become '?'. */
        String encode(String s) {
            StringBuilder hex = new StringBuilder(s.length() * 4);
            s.codePoints().forEach(cp -> {
                try {
                    int cid = cp > 0xFFFF ? 0 : cidOf(cp);
                    String uni = new String(Character.toChars(cp));
                    if (cid == 0) {
                        cid = fallbackCid;
                        uni = "?";
                    }
                    if (!widthByCid.containsKey(cid)) {
                        int gid = cmap.getGlyphId(uni.codePointAt(0));
                        widthByCid.put(cid, Math.round(otf.getAdvanceWidth(gid) * scale));
                        unicodeByCid.put(cid, uni);
                    }
                    hex.append(String.format("%04X", cid));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return hex.toString();
        }

        float width(String s, float size) {
            float w = 0;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                try {
                    int gid = cmap.getGlyphId(cp);
                    w += (gid == 0 ? 500 : otf.getAdvanceWidth(gid) * scale);
                } catch (IOException e) {
                    w += 500;
                }
            }
            return w * size / 1000f;
        }

        /** Breaks {@code s} into lines no wider than {@code max} (by character), at most {@code maxLines}. */
        List<String> wrap(String s, float size, float max, int maxLines) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                String next = cur + new String(Character.toChars(cp));
                if (width(next, size) > max && cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    if (out.size() == maxLines) {
                        String last = out.remove(maxLines - 1);
                        out.add(last.substring(0, Math.max(0, last.length() - 2)) + "…");
                        return out;
                    }
                }
                cur.appendCodePoint(cp);
            }
            if (cur.length() > 0 || out.isEmpty()) {
                out.add(cur.toString());
            }
            return out;
        }

        /** Fills in the font dictionaries once every character used is known. */
        void finish(PDDocument doc) throws IOException {
            String name = cff.getName();
            CFFCIDFont cid = (CFFCIDFont) cff;
            COSStream fontFile = doc.getDocument().createCOSStream();
            try (OutputStream o = fontFile.createOutputStream(COSName.FLATE_DECODE)) {
                o.write(cffBytes);
            }
            fontFile.setItem(COSName.SUBTYPE, COSName.getPDFName("CIDFontType0C"));

            COSDictionary fd = new COSDictionary();
            fd.setItem(COSName.TYPE, COSName.FONT_DESC);
            fd.setName(COSName.FONT_NAME, name);
            fd.setInt(COSName.FLAGS, 4);
            COSArray bbox = new COSArray();
            bbox.add(COSInteger.get(Math.round(otf.getHeader().getXMin() * scale)));
            bbox.add(COSInteger.get(Math.round(otf.getHeader().getYMin() * scale)));
            bbox.add(COSInteger.get(Math.round(otf.getHeader().getXMax() * scale)));
            bbox.add(COSInteger.get(Math.round(otf.getHeader().getYMax() * scale)));
            fd.setItem(COSName.FONT_BBOX, bbox);
            fd.setInt(COSName.ITALIC_ANGLE, 0);
            fd.setInt(COSName.ASCENT, Math.round(otf.getHorizontalHeader().getAscender() * scale));
            fd.setInt(COSName.DESCENT, Math.round(otf.getHorizontalHeader().getDescender() * scale));
            fd.setInt(COSName.CAP_HEIGHT, 733);
            fd.setInt(COSName.STEM_V, 80);
            fd.setItem(COSName.FONT_FILE3, fontFile);

            COSDictionary sys = new COSDictionary();
            sys.setItem(COSName.REGISTRY, new COSString(cid.getRegistry()));
            sys.setItem(COSName.ORDERING, new COSString(cid.getOrdering()));
            sys.setInt(COSName.SUPPLEMENT, cid.getSupplement());

            cidFont.setItem(COSName.TYPE, COSName.FONT);
            cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
            cidFont.setName(COSName.BASE_FONT, name);
            cidFont.setItem(COSName.CIDSYSTEMINFO, sys);
            cidFont.setItem(COSName.FONT_DESC, fd);
            cidFont.setInt(COSName.DW, 1000);
            COSArray w = new COSArray();
            for (Map.Entry<Integer, Integer> e : widthByCid.entrySet()) {
                w.add(COSInteger.get(e.getKey()));
                COSArray one = new COSArray();
                one.add(COSInteger.get(e.getValue()));
                w.add(one);
            }
            cidFont.setItem(COSName.W, w);

            COSStream toUnicode = doc.getDocument().createCOSStream();
            try (OutputStream o = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
                o.write(toUnicodeCMap().getBytes(StandardCharsets.US_ASCII));
            }

            type0.setItem(COSName.TYPE, COSName.FONT);
            type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
            type0.setName(COSName.BASE_FONT, name);
            type0.setItem(COSName.ENCODING, COSName.IDENTITY_H);
            COSArray descendants = new COSArray();
            descendants.add(cidFont);
            type0.setItem(COSName.DESCENDANT_FONTS, descendants);
            type0.setItem(COSName.TO_UNICODE, toUnicode);
        }

        private String toUnicodeCMap() {
            StringBuilder b = new StringBuilder();
            b.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                    .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                    .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                    .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
            List<Map.Entry<Integer, String>> all = new ArrayList<>(unicodeByCid.entrySet());
            for (int i = 0; i < all.size(); i += 100) {
                List<Map.Entry<Integer, String>> block = all.subList(i, Math.min(all.size(), i + 100));
                b.append(block.size()).append(" beginbfchar\n");
                for (Map.Entry<Integer, String> e : block) {
                    b.append('<').append(String.format("%04X", e.getKey())).append("> <");
                    for (char c : e.getValue().toCharArray()) {
                        b.append(String.format("%04X", (int) c));
                    }
                    b.append(">\n");
                }
                b.append("endbfchar\n");
            }
            b.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
            return b.toString();
        }
    }
}
