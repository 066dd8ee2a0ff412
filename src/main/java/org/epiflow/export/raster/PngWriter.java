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

    private PngWriter() {
    }

    public static void write(BufferedImage img, int dpi, Trace trace, OutputStream out) throws IOException {
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
