package org.epiflow.export.pdf;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.epiflow.export.MapPage;
import org.epiflow.export.Trace;
import org.epiflow.export.layout.LayoutPainter;
import org.epiflow.export.layout.PrintLayout;
import org.epiflow.map.Language;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;

/**
 * Writes laid-out pages as a vector PDF (Apache PDFBox for the file structure): one page per {@link MapPage}, text as
 * text in the embedded glyph subset of the bundled CJK font, and the trace in the info dictionary — Title, Author
 * (officer key id), Subject (bundle id + fingerprint), Keywords, Creator "EpiFlow", creation date, plus a custom
 * {@code EpiFlow-Trace} entry.
 */
public final class PdfWriter {
    private PdfWriter() {
    }

    /** A page and its layout. */
    public record Page(PrintLayout layout, MapPage content) {
    }

    public static void write(List<Page> pages, Trace trace, OutputStream out) throws IOException {
        write(pages, trace, out, org.epiflow.export.ExportMonitor.NONE);
    }

    /** Writes the pages, reporting each to the monitor and stopping when it is cancelled. */
    public static void write(List<Page> pages, Trace trace, OutputStream out,
                             org.epiflow.export.ExportMonitor monitor) throws IOException {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no pages");
        }
        try (PDDocument doc = new PDDocument()) {
            Type3Fonts fonts = new Type3Fonts(doc);
            Set<Integer> alphas = new TreeSet<>();
            List<PDPage> written = new ArrayList<>();
            for (Page p : pages) {
                monitor.check();
                PDPage page = new PDPage(new PDRectangle((float) p.layout().page().widthPt(),
                        (float) p.layout().page().heightPt()));
                doc.addPage(page);
                PdfCanvas c = new PdfCanvas(fonts, p.layout().page().heightPt(), alphas);
                LayoutPainter.paint(c, p.layout(), p.content());
                COSStream s = doc.getDocument().createCOSStream();
                try (OutputStream o = s.createOutputStream(COSName.FLATE_DECODE)) {
                    o.write(c.content());
                }
                page.getCOSObject().setItem(COSName.CONTENTS, s);
                written.add(page);
                monitor.progress(written.size(), pages.size());
            }
            fonts.finish();
            COSDictionary fontDict = new COSDictionary();
            for (int i = 0; i < fonts.count(); i++) {
                fontDict.setItem(COSName.getPDFName("T" + i), fonts.dictionary(i));
            }
            COSDictionary gs = new COSDictionary();
            for (int a : alphas) {
                COSDictionary g = new COSDictionary();
                g.setItem(COSName.TYPE, COSName.EXT_G_STATE);
                g.setItem(COSName.CA, new COSFloat(a / 255f));
                g.setItem(COSName.CA_NS, new COSFloat(a / 255f));
                gs.setItem(COSName.getPDFName("Ga" + a), g);
            }
            PDResources res = new PDResources();
            res.getCOSObject().setItem(COSName.FONT, fontDict);
            res.getCOSObject().setItem(COSName.EXT_G_STATE, gs);
            for (PDPage p : written) {
                p.setResources(res);
            }
            info(doc, trace);
            doc.getDocumentCatalog().setLanguage(pages.get(0).content().language() == Language.ZH ? "zh-CN" : "en");
            doc.save(out);
        }
    }

    private static void info(PDDocument doc, Trace trace) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(trace.title());
        info.setAuthor(trace.officerKeyId());
        info.setSubject(trace.subject());
        info.setKeywords(trace.keywords());
        info.setCreator("EpiFlow");
        info.setProducer("EpiFlow (Apache PDFBox)");
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(trace.exportedAt().toEpochMilli());
        info.setCreationDate(c);
        info.setCustomMetadataValue("EpiFlow-Trace", trace.summary());
        if (!trace.marking().isEmpty()) {
            info.setCustomMetadataValue("EpiFlow-Marking", trace.marking());
        }
    }
}
