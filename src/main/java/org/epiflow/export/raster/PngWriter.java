package org.epiflow.export.raster;

import org.epiflow.export.Trace;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes PNG with the resolution in the pHYs chunk (pixels per metre) and the trace in tEXt chunks: Title, Author
 * (officer key id), Description (trace summary), Source (bundle id + fingerprint), Creation Time, Software, and
 * {@code EpiFlow-Trace}. tEXt is Latin-1, so non-Latin characters are written as {@code \}{@code uXXXX} escapes;
 * the title also goes into an iTXt chunk (UTF-8) verbatim.
 */
public final class PngWriter {
    private static final String FORMAT = "javax_imageio_png_1.0";
    /** zlib level of the pixel data: fast, a few per cent larger than the default. */
    private static final int LEVEL = 2;

    private PngWriter() {
    }

    /**
     * Writes an RGB image reduced to 256 colours (median cut, no dithering: flat fills stay flat): about half the
     * bytes of a map, for pictures a document holds many of.
     */
    public static void writeIndexed(BufferedImage rgb, int dpi, Trace trace, OutputStream out) throws IOException {
        write(Quantizer.toIndexed(rgb), dpi, trace, out);
    }

    public static void write(BufferedImage img, int dpi, Trace trace, OutputStream out) throws IOException {
        if ((img.getType() == BufferedImage.TYPE_INT_RGB || img.getType() == BufferedImage.TYPE_INT_ARGB)
                && img.getRaster().getDataBuffer() instanceof DataBufferInt) {
            writeDirect(img, dpi, trace, out);
            return;
        }
        ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            w.setOutput(ios);
            ImageWriteParam param = w.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.75f); // zlib level ~2: far faster, a few % larger than default
            }
            IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            meta.mergeTree(FORMAT, tree(dpi, trace));
            w.write(null, new IIOImage(img, null, meta), param);
        } finally {
            w.dispose();
        }
    }

    /**
     * Encodes an RGB or ARGB image straight from its pixels (ImageIO's writer spends most of an export's time on
     * its adaptive filtering): the "up" filter on every row after the first, fast zlib, the same chunks.
     */
    private static void writeDirect(BufferedImage img, int dpi, Trace trace, OutputStream out) throws IOException {
        int w = img.getWidth(), h = img.getHeight();
        boolean alpha = img.getType() == BufferedImage.TYPE_INT_ARGB;
        int bpp = alpha ? 4 : 3;
        DataOutputStream d = new DataOutputStream(out);
        d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        DataOutputStream cd = new DataOutputStream(c);
        cd.writeInt(w);
        cd.writeInt(h);
        cd.write(new byte[] {8, (byte) (alpha ? 6 : 2), 0, 0, 0});
        chunk(d, "IHDR", c.toByteArray());
        c.reset();
        int ppm = (int) Math.round(dpi / 0.0254);
        cd.writeInt(ppm);
        cd.writeInt(ppm);
        cd.write(1);
        chunk(d, "pHYs", c.toByteArray());
        for (Map.Entry<String, String> e : entries(trace).entrySet()) {
            c.reset();
            c.write(e.getKey().getBytes(StandardCharsets.ISO_8859_1));
            c.write(0);
            c.write(latin1(e.getValue()).getBytes(StandardCharsets.ISO_8859_1));
            chunk(d, "tEXt", c.toByteArray());
        }
        c.reset();
        c.write("Title".getBytes(StandardCharsets.ISO_8859_1));
        c.write(new byte[] {0, 0, 0, 0, 0});
        c.write(trace.title().getBytes(StandardCharsets.UTF_8));
        chunk(d, "iTXt", c.toByteArray());

        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int stride = w;
        byte[] prev = new byte[w * bpp], cur = new byte[w * bpp], row = new byte[1 + w * bpp];
        byte[] same = new byte[1 + w * bpp];
        same[0] = 2;   // "up" filter of a row equal to the one above: all zeros
        Deflater z = new Deflater(LEVEL);
        try (IdatStream idat = new IdatStream(d);
             DeflaterOutputStream zs = new DeflaterOutputStream(idat, z, 1 << 16)) {
            for (int y = 0; y < h; y++) {
                int o = y * stride, k = 0;
                if (y > 0 && java.util.Arrays.equals(px, o, o + w, px, o - stride, o - stride + w)) {
                    zs.write(same);   // e.g. the empty rows of a transparent overlay
                    continue;
                }
                for (int x = 0; x < w; x++) {
                    int p = px[o + x];
                    cur[k++] = (byte) (p >> 16);
                    cur[k++] = (byte) (p >> 8);
                    cur[k++] = (byte) p;
                    if (alpha) {
                        cur[k++] = (byte) (p >>> 24);
                    }
                }
                if (y == 0) {
                    row[0] = 0;
                    System.arraycopy(cur, 0, row, 1, cur.length);
                } else {
                    row[0] = 2;
                    for (int i = 0; i < cur.length; i++) {
                        row[i + 1] = (byte) (cur[i] - prev[i]);
                    }
                }
                zs.write(row);
                byte[] t = prev;
                prev = cur;
                cur = t;
            }
        } finally {
            z.end();
        }
        chunk(d, "IEND", new byte[0]);
        d.flush();
    }

    /** Writes what it is given as IDAT chunks of up to 64 KiB; closing flushes the last one (not the stream). */
    private static final class IdatStream extends OutputStream {
        private final DataOutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int n;

        IdatStream(DataOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (n == buf.length) {
                flushChunk();
            }
            buf[n++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (n == buf.length) {
                    flushChunk();
                }
                int k = Math.min(len, buf.length - n);
                System.arraycopy(b, off, buf, n, k);
                n += k;
                off += k;
                len -= k;
            }
        }

        private void flushChunk() throws IOException {
            if (n > 0) {
                chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
                n = 0;
            }
        }

        @Override
        public void close() throws IOException {
            flushChunk();
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeInt(data.length);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    private static IIOMetadataNode tree(int dpi, Trace trace) throws IIOInvalidTreeException {
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        String ppm = Integer.toString((int) Math.round(dpi / 0.0254));
        phys.setAttribute("pixelsPerUnitXAxis", ppm);
        phys.setAttribute("pixelsPerUnitYAxis", ppm);
        phys.setAttribute("unitSpecifier", "meter");
        root.appendChild(phys);
        IIOMetadataNode text = new IIOMetadataNode("tEXt");
        for (Map.Entry<String, String> e : entries(trace).entrySet()) {
            IIOMetadataNode t = new IIOMetadataNode("tEXtEntry");
            t.setAttribute("keyword", e.getKey());
            t.setAttribute("value", latin1(e.getValue()));
            text.appendChild(t);
        }
        root.appendChild(text);
        IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
        IIOMetadataNode it = new IIOMetadataNode("iTXtEntry");
        it.setAttribute("keyword", "Title");
        it.setAttribute("compressionFlag", "FALSE");
        it.setAttribute("compressionMethod", "0");
        it.setAttribute("languageTag", "");
        it.setAttribute("translatedKeyword", "");
        it.setAttribute("text", trace.title());
        itxt.appendChild(it);
        root.appendChild(itxt);
        return root;
    }

    /** The tEXt entries written (keyword → value before Latin-1 escaping). */
    public static Map<String, String> entries(Trace trace) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Title", trace.title());
        m.put("Author", trace.officerKeyId());
        m.put("Description", trace.summary());
        m.put("Source", trace.subject());
        m.put("Creation Time", trace.exportedAtText());
        m.put("Software", "EpiFlow");
        m.put("EpiFlow-Trace", trace.summary());
        return m;
    }

    /** Latin-1 text with other characters as \\uXXXX. */
    static String latin1(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c >= 0x20 && c <= 0x7E) || (c >= 0xA1 && c <= 0xFF)) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04X", (int) c));
            }
        }
        return b.toString();
    }
}
