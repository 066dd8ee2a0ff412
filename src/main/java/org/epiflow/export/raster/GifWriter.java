package org.epiflow.export.raster;

import org.epiflow.export.Trace;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes an animated GIF with ImageIO: a NETSCAPE2.0 looping extension (loop forever), a frame delay, and the trace
 * in a comment extension. Frames are quantised to 256 colours by {@link Quantizer} (one palette per frame).
 */
public final class GifWriter implements AutoCloseable {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";
    private final ImageWriter writer;
    private final ImageOutputStream ios;
    private final int delayCentis;
    private final Trace trace;
    private int frames;

    /** Starts a GIF; {@code delayMillis} per frame (rounded to 1/100 s, at least 2/100 s). */
    public GifWriter(OutputStream out, int delayMillis, Trace trace) throws IOException {
        this.writer = ImageIO.getImageWritersByFormatName("gif").next();
        this.ios = ImageIO.createImageOutputStream(out);
        this.delayCentis = Math.max(2, Math.round(delayMillis / 10f));
        this.trace = trace;
        writer.setOutput(ios);
        writer.prepareWriteSequence(null);
    }

    public void add(BufferedImage rgb) throws IOException {
        BufferedImage indexed = Quantizer.toIndexed(rgb);
        ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(indexed);
        IIOMetadata meta = writer.getDefaultImageMetadata(type, null);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delayCentis));
        gce.setAttribute("transparentColorIndex", "0");
        // each frame's own palette, written as its local colour table: without one a viewer takes the stream's
        // global table, which the writer fills with a default palette (every colour wrong)
        localColourTable(root, (IndexColorModel) indexed.getColorModel());
        if (frames == 0) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(app);
            IIOMetadataNode comments = child(root, "CommentExtensions");
            IIOMetadataNode c = new IIOMetadataNode("CommentExtension");
            c.setAttribute("value", PngWriter.latin1(trace.summary()));
            comments.appendChild(c);
        }
        meta.setFromTree(FORMAT, root);
        writer.writeToSequence(new IIOImage(indexed, null, meta), null);
        frames++;
    }

    private static void localColourTable(IIOMetadataNode root, IndexColorModel cm) {
        IIOMetadataNode desc = child(root, "ImageDescriptor");
        desc.setAttribute("imageLeftPosition", "0");
        desc.setAttribute("imageTopPosition", "0");
        desc.setAttribute("interlaceFlag", "FALSE");
        IIOMetadataNode old = child(root, "LocalColorTable");
        root.removeChild(old);
        IIOMetadataNode table = new IIOMetadataNode("LocalColorTable");
        int size = 2;
        while (size < cm.getMapSize()) {
            size <<= 1;
        }
        table.setAttribute("sizeOfLocalColorTable", Integer.toString(size));
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < size; i++) {
            IIOMetadataNode e = new IIOMetadataNode("ColorTableEntry");
            int rgb = i < cm.getMapSize() ? cm.getRGB(i) : 0;
            e.setAttribute("index", Integer.toString(i));
            e.setAttribute("red", Integer.toString((rgb >> 16) & 255));
            e.setAttribute("green", Integer.toString((rgb >> 8) & 255));
            e.setAttribute("blue", Integer.toString(rgb & 255));
            table.appendChild(e);
        }
        root.appendChild(table);
    }

    public int frames() {
        return frames;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }

    @Override
    public void close() throws IOException {
        try {
            writer.endWriteSequence();
        } finally {
            writer.dispose();
            ios.close();
        }
    }
}
