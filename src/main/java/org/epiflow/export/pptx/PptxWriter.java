package org.epiflow.export.pptx;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.epiflow.export.ExportCancelledException;
import org.epiflow.export.ExportMonitor;
import org.epiflow.export.MapPage;
import org.epiflow.export.PageText;
import org.epiflow.export.Trace;
import org.epiflow.export.layout.LayoutPainter;
import org.epiflow.export.layout.PrintLayout;
import org.epiflow.text.Message;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a 16:9 deck with Apache POI, one slide per page, laid out like every other page: title, subtitle, handling
 * marking, legend, footer as editable text boxes and native shapes ({@link PptxCanvas}); the map frame as two
 * slide-sized pictures ({@link FramePictures}: a base shared by slides with the same heatmap — in 256 colours when
 * the heatmap changes from slide to slide — and a transparent overlay per slide); speaker notes with the period, the flows shown and the trace; the trace in the core
 * properties. Pictures are drawn on up to two threads while the slides are assembled in order.
 */
public final class PptxWriter {
    /** Slide size in points (13.333 × 7.5 in). */
    public static final Dimension SLIDE = new Dimension(960, 540);

    private PptxWriter() {
    }

    private record Pictures(Future<byte[]> base, Future<byte[]> overlay) {
    }

    /** What a base picture depends on; the heatmap by identity (the same object on every slide it is fixed). */
    private record BaseKey(Object heatmap, Object viewport, Object style, Object selected, Object layers) {
        static BaseKey of(MapPage p) {
            var s = p.scene();
            return new BaseKey(s.heatmap() == null ? null : new Identity(s.heatmap()), s.viewport(), s.style(),
                    s.selected(), s.layers());
        }
    }

    private record Identity(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity i && i.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    public static void write(List<MapPage> pages, PrintLayout layout, Trace trace, ExportMonitor monitor,
                             OutputStream out) throws IOException {
        int dpi = layout.page().dpi();
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pptx-pictures");
            t.setDaemon(true);
            return t;
        });
        try (XMLSlideShow show = new XMLSlideShow()) {
            show.setPageSize(SLIDE);
            double pt = SLIDE.getWidth() / layout.page().width();
            // one base picture per distinct heatmap (the same object on every slide of a fixed heatmap)
            Map<BaseKey, Future<byte[]>> bases = new HashMap<>();
            boolean indexed = pages.stream().map(BaseKey::of).distinct().count() > 1;
            List<Pictures> pictures = new ArrayList<>();
            for (MapPage p : pages) {
                Future<byte[]> base = bases.computeIfAbsent(BaseKey.of(p),
                        k -> pool.submit(() -> FramePictures.base(layout, p, dpi, indexed)));
                pictures.add(new Pictures(base, pool.submit(() -> FramePictures.overlay(layout, p, dpi))));
            }
            Map<Future<byte[]>, XSLFPictureData> added = new IdentityHashMap<>();
            Rectangle2D frame = new Rectangle2D.Double(layout.frameX() * pt, layout.frameY() * pt,
                    layout.frameW() * pt, layout.frameH() * pt);
            for (int i = 0; i < pages.size(); i++) {
                if (monitor.cancelled()) {
                    throw new ExportCancelledException();
                }
                MapPage p = pages.get(i);
                XSLFSlide slide = show.createSlide();
                Pictures pic = pictures.get(i);
                XSLFPictureData base = added.get(pic.base());
                if (base == null) {
                    base = picture(show, slide, get(pic.base()), frame);
                    added.put(pic.base(), base);
                } else {
                    slide.createPicture(base).setAnchor(frame);
                }
                picture(show, slide, get(pic.overlay()), frame);
                LayoutPainter.paint(new PptxCanvas(slide, pt), layout, p, false);
                notes(show, slide, p);
                monitor.progress(i + 1, pages.size());
            }
            POIXMLProperties.CoreProperties cp = show.getProperties().getCoreProperties();
            cp.setTitle(trace.title());
            cp.setCreator(trace.officerKeyId());
            cp.setSubjectProperty(trace.subject());
            cp.setKeywords(trace.keywords());
            cp.setDescription(trace.summary());
            cp.setCategory(trace.marking());
            cp.setCreated(Optional.of(java.util.Date.from(trace.exportedAt())));
            show.getProperties().getExtendedProperties().getUnderlyingProperties().setApplication("EpiFlow");
            show.write(out);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Adds a picture to the deck and the slide. POI sizes a new picture shape by decoding the whole image
     * ({@code ImageIO.read}: most of a deck's time for slide-sized pictures); the anchor is set here anyway, so the
     * shape is created on a distinct 1 × 1 stand-in and then given the real bytes.
     */
    private static XSLFPictureData picture(XMLSlideShow show, XSLFSlide slide, byte[] png, Rectangle2D frame)
            throws IOException {
        XSLFPictureData data = show.addPicture(standIn(show.getPictureData().size()), PictureData.PictureType.PNG);
        XSLFPictureShape pic = slide.createPicture(data);
        data.getPackagePart().clear();   // setData appends to what the part holds
        data.setData(png);
        pic.setAnchor(frame);
        return data;
    }

    /** A 1 × 1 PNG unique to {@code n} (the deck merges pictures with equal bytes). */
    private static byte[] standIn(int n) throws IOException {
        java.awt.image.BufferedImage one = new java.awt.image.BufferedImage(1, 1,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        one.setRGB(0, 0, n & 0xFFFFFF);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(one, "png", out);
        return out.toByteArray();
    }

    private static byte[] get(Future<byte[]> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportCancelledException();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(c);
        }
    }

    private static void notes(XMLSlideShow show, XSLFSlide slide, MapPage p) {
        XSLFNotes notes = show.getNotesSlide(slide);
        for (XSLFTextShape s : notes.getPlaceholders()) {
            if (s.getTextType() == Placeholder.BODY) {
                s.setText(notesText(p));
                break;
            }
        }
    }

    /** The speaker notes of a slide. */
    public static String notesText(MapPage p) {
        Trace t = p.trace();
        List<String> lines = new ArrayList<>();
        for (String s : List.of(p.periodLine(), p.flowsLine(), t.sourceLine(p.language()),
                t.footerLine(p.language()), LayoutPainter.disclaimer(p.language()))) {
            if (!s.isEmpty()) {
                lines.add(s);
            }
        }
        if (p.heatmap() != null && !p.heatmap().note().isEmpty()) {
            lines.add(1, p.heatmap().title() + PageText.of(p.language(), Message.of("export.notes.colon"))
                    + p.heatmap().note());
        }
        return String.join("\n", lines);
    }
}
