package org.epiflow.export.pptx;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.epiflow.export.MapPage;
import org.epiflow.export.PageSpec;
import org.epiflow.export.Paper;
import org.epiflow.export.Trace;
import org.epiflow.export.layout.PrintLayout;
import org.epiflow.export.raster.PageRaster;
import org.epiflow.export.raster.PngWriter;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Writes slides with Apache POI: a 16:9 deck, one slide per page, each with an editable title (and subtitle) text
 * box, the rest of the print layout (map frame, legend, scale bar, footer) as one high-resolution PNG picture, and
 * speaker notes carrying the period, the flows shown and the trace. The core properties carry the trace too.
 * A picture rather than native shapes or SVG: PowerPoint renders an SVG's text with its own fonts and slows down
 * on thousands of paths, while a 2× PNG looks identical everywhere.
 */
public final class PptxWriter {
    /** Slide size in points (13.333 × 7.5 in). */
    public static final Dimension SLIDE = new Dimension(960, 540);
    /** Height of the title band, layout units (of 720). */
    public static final double TITLE_BAND = 92;

    private PptxWriter() {
    }

    /** The page spec of the picture under the title band, at {@code dpi}. */
    public static PageSpec pictureSpec(int dpi) {
        PageSpec slide = PageSpec.paper(Paper.SLIDE, true, dpi);
        return new PageSpec(slide.width(), slide.height() - TITLE_BAND, dpi, Paper.SLIDE);
    }

    /** The layout of the picture: no header (the slide's title box replaces it). */
    public static PrintLayout pictureLayout(int dpi) {
        return PrintLayout.of(pictureSpec(dpi), false, false);
    }

    public static void write(List<MapPage> pages, PrintLayout layout, Trace trace, OutputStream out)
            throws IOException {
        try (XMLSlideShow show = new XMLSlideShow()) {
            show.setPageSize(SLIDE);
            double ptPerUnit = SLIDE.getWidth() / layout.page().width();
            for (MapPage p : pages) {
                XSLFSlide slide = show.createSlide();
                XSLFTextBox title = slide.createTextBox();
                title.setAnchor(new Rectangle2D.Double(24, 10, SLIDE.getWidth() - 48, 34));
                run(title, p.title(), 24, true, new Color(0x20, 0x20, 0x20));
                if (!p.subtitle().isEmpty()) {
                    XSLFTextBox sub = slide.createTextBox();
                    sub.setAnchor(new Rectangle2D.Double(24, 42, SLIDE.getWidth() - 48, 22));
                    run(sub, p.subtitle(), 13, false, new Color(0x60, 0x60, 0x60));
                }
                if (!trace.marking().isEmpty()) {
                    XSLFTextBox mark = slide.createTextBox();
                    mark.setAnchor(new Rectangle2D.Double(SLIDE.getWidth() - 260, 10, 236, 22));
                    run(mark, trace.marking(), 11, true, new Color(0xB0, 0x00, 0x20));
                    mark.getTextParagraphs().get(0).setTextAlign(
                            org.apache.poi.sl.usermodel.TextParagraph.TextAlign.RIGHT);
                    title.setAnchor(new Rectangle2D.Double(24, 10, SLIDE.getWidth() - 300, 34));
                }
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                PngWriter.write(PageRaster.render(layout, p), layout.page().dpi(), p.trace(), png);
                XSLFPictureData data = show.addPicture(png.toByteArray(), PictureData.PictureType.PNG);
                XSLFPictureShape pic = slide.createPicture(data);
                pic.setAnchor(new Rectangle2D.Double(0, TITLE_BAND * ptPerUnit, SLIDE.getWidth(),
                        layout.page().height() * ptPerUnit));
                XSLFNotes notes = show.getNotesSlide(slide);
                for (XSLFTextShape s : notes.getPlaceholders()) {
                    if (s.getTextType() == org.apache.poi.sl.usermodel.Placeholder.BODY) {
                        s.setText(notesText(p));
                        break;
                    }
                }
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
        }
    }

    /** The speaker notes of a slide. */
    public static String notesText(MapPage p) {
        Trace t = p.trace();
        return String.join("\n", List.of(p.periodLine(), p.flowsLine(), t.sourceLine(p.language()),
                t.footerLine(p.language()), org.epiflow.export.layout.LayoutPainter.disclaimer(p.language())));
    }

    private static void run(XSLFTextBox box, String text, double size, boolean bold, Color c) {
        box.clearText();
        XSLFTextParagraph para = box.addNewTextParagraph();
        XSLFTextRun r = para.addNewTextRun();
        r.setText(text);
        r.setFontSize(size);
        r.setBold(bold);
        r.setFontColor(c);
        r.setFontFamily("Microsoft YaHei");
        box.setWordWrap(true);
    }
}
