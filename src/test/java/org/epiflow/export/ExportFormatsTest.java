package org.epiflow.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.epiflow.map.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every map format, produced and read back with an independent parser. */
class ExportFormatsTest {
    @TempDir
    Path dir;

    private static final String MARK = "内部资料 仅限疫情防控使用";

    @Test
    void pdfHasTextAsTextAndTheTraceInItsInfo() throws Exception {
        LocalDate d = ExportFixture.busiestDay();
        Path zh = dir.resolve("zh.pdf"), en = dir.resolve("en.pdf");
        Exporter x = ExportFixture.exporter();
        x.export(new ExportOptions().format(ExportFormat.PDF).title("武汉市疫情防控出行简报").marking(MARK), d, d, zh);
        x.export(new ExportOptions().format(ExportFormat.PDF).language(Language.EN).title("Trips briefing")
                .page(PageSpec.paper(Paper.A3, false, 300)), d, d, en);
        try (PDDocument doc = Loader.loadPDF(zh.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("武汉市疫情防控出行简报", "出行量（人次/日）", MARK, "示意底图",
                    ExportFixture.FINGERPRINT, ExportFixture.OFFICER, "北京市");
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("武汉市疫情防控出行简报");
            assertThat(info.getAuthor()).isEqualTo(ExportFixture.OFFICER);
            assertThat(info.getSubject()).contains(ExportFixture.data().info().bundleId(), ExportFixture.FINGERPRINT);
            assertThat(info.getCreator()).isEqualTo("EpiFlow");
            assertThat(info.getKeywords()).contains(d.toString());
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
        }
        try (PDDocument doc = Loader.loadPDF(en.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Trips briefing", "Trips per day", "Illustrative boundaries",
                    "Exported by " + ExportFixture.OFFICER);
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isCloseTo(1190.5f,
                    org.assertj.core.data.Offset.offset(1f));
        }
        assertThat(Files.size(zh)).as("glyph subset, not the 3.5 MB font").isLessThan(3_000_000);
    }

    @Test
    void svgHasOnePathPerArcAndTextAsText() throws Exception {
        LocalDate d = ExportFixture.busiestDay();
        ExportOptions o = new ExportOptions().format(ExportFormat.SVG).topN(800)
                .layers(EnumSet.allOf(ExportLayer.class)).page(PageSpec.pixels(1400, 900, 96));
        Exporter x = ExportFixture.exporter();
        int arcs = x.pages(o, d, d).get(0).scene().flowGeometry().arcCount();
        Path svg = dir.resolve("map.svg");
        x.export(o, d, d, svg);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        Element flows = byId(doc, "g", "flows-1");
        assertThat(flows).as("flows group").isNotNull();
        assertThat(arcs).isGreaterThan(100);
        assertThat(flows.getElementsByTagName("path").getLength()).isEqualTo(arcs);
        assertThat(byId(doc, "g", "heatmap-1").getElementsByTagName("path").getLength()).isPositive();
        List<String> texts = new ArrayList<>();
        NodeList t = doc.getElementsByTagName("text");
        for (int i = 0; i < t.getLength(); i++) {
            texts.add(t.item(i).getTextContent());
        }
        assertThat(texts).anyMatch(s -> s.startsWith("城际出行流向")).contains("出行量（人次/日）", "地区出行总量（人次）");
        assertThat(doc.getElementsByTagName("desc").item(0).getTextContent()).contains(ExportFixture.FINGERPRINT);
    }

    /** The element with {@code id} among the {@code tag} elements, or null. */
    static Element byId(Document doc, String tag, String id) {
        NodeList l = doc.getElementsByTagName(tag);
        for (int i = 0; i < l.getLength(); i++) {
            Element e = (Element) l.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }

    @Test
    void pptxHasOneSlidePerDayWithTitleNotesAndCoreProperties() throws Exception {
        LocalDate d = ExportFixture.busiestDay().minusDays(1);
        Path out = dir.resolve("brief.pptx");
        ExportFixture.exporter().export(new ExportOptions().format(ExportFormat.PPTX).marking(MARK)
                .page(PageSpec.paper(Paper.SLIDE, true, 144)), d, d.plusDays(2), out);
        try (InputStream in = Files.newInputStream(out); XMLSlideShow show = new XMLSlideShow(in)) {
            assertThat(show.getSlides()).hasSize(3);
            for (int i = 0; i < 3; i++) {
                XSLFSlide s = show.getSlides().get(i);
                List<String> texts = new ArrayList<>();
                boolean picture = false;
                for (XSLFShape sh : s.getShapes()) {
                    if (sh instanceof XSLFTextShape ts) {
                        texts.add(ts.getText());
                    }
                    picture |= sh instanceof XSLFPictureShape;
                }
                assertThat(texts).contains("城际出行流向 " + d.plusDays(i), MARK);
                assertThat(picture).isTrue();
                XSLFNotes notes = s.getNotes();
                assertThat(notes).isNotNull();
                StringBuilder nt = new StringBuilder();
                for (XSLFShape sh : notes.getShapes()) {
                    if (sh instanceof XSLFTextShape ts) {
                        nt.append(ts.getText());
                    }
                }
                assertThat(nt.toString()).contains(d.plusDays(i).toString(), ExportFixture.FINGERPRINT);
            }
            var cp = show.getProperties().getCoreProperties();
            assertThat(cp.getCreator()).isEqualTo(ExportFixture.OFFICER);
            assertThat(cp.getSubject()).contains(ExportFixture.FINGERPRINT);
            assertThat(cp.getCategory()).isEqualTo(MARK);
        }
    }

    @Test
    void slidesOfSeveralRegionsGoInOneDeck() throws Exception {
        LocalDate d = ExportFixture.busiestDay();
        Path out = dir.resolve("regions.pptx");
        ExportResult r = ExportFixture.exporter().exportSlides(List.of(new ExportOptions().focusRegion("420100"),
                new ExportOptions().focusRegion("310000").language(Language.EN)), d, d, out);
        assertThat(r.pages()).isEqualTo(2);
        try (InputStream in = Files.newInputStream(out); XMLSlideShow show = new XMLSlideShow(in)) {
            assertThat(show.getSlides()).hasSize(2);
            String t0 = firstText(show.getSlides().get(0));
            String t1 = firstText(show.getSlides().get(1));
            assertThat(t0).startsWith("武汉市");
            assertThat(t1).startsWith("Trips to and from Shanghai");
        }
    }

    /** The first text box of a slide (the title: the header comes first in the layout). */
    static String firstText(XSLFSlide s) {
        for (XSLFShape sh : s.getShapes()) {
            if (sh instanceof XSLFTextShape ts && !ts.getText().isBlank()) {
                return ts.getText();
            }
        }
        return "";
    }

    @Test
    void pngHasTheAskedSizeDpiAndTrace() throws Exception {
        LocalDate d = ExportFixture.busiestDay();
        Path a4 = dir.resolve("a4.png"), px = dir.resolve("px.png");
        Exporter x = ExportFixture.exporter();
        x.export(new ExportOptions().format(ExportFormat.PNG).page(PageSpec.paper(Paper.A4, false, 120)), d, d, a4);
        x.export(new ExportOptions().format(ExportFormat.PNG).page(PageSpec.pixels(1280, 720, 144)), d, d, px);
        checkPng(a4, 992, 1403, 120);
        checkPng(px, 1280, 720, 144);
    }

    private static void checkPng(Path file, int w, int h, int dpi) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            assertThat(r.getWidth(0)).isEqualTo(w);
            assertThat(r.getHeight(0)).isEqualTo(h);
            IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
            double ppm = Double.parseDouble(phys.getAttribute("pixelsPerUnitXAxis"));
            assertThat(ppm * 0.0254).isCloseTo(dpi, org.assertj.core.data.Offset.offset(0.5));
            NodeList entries = root.getElementsByTagName("tEXtEntry");
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < entries.getLength(); i++) {
                Element e = (Element) entries.item(i);
                all.append(e.getAttribute("keyword")).append('=').append(e.getAttribute("value")).append('\n');
            }
            assertThat(all.toString()).contains("EpiFlow-Trace=", ExportFixture.FINGERPRINT,
                    "Author=" + ExportFixture.OFFICER);
            r.dispose();
        }
    }

    @Test
    void gifHasOneFramePerDayAndLoops() throws Exception {
        LocalDate d = ExportFixture.busiestDay().minusDays(3);
        Path out = dir.resolve("anim.gif");
        ExportResult res = ExportFixture.exporter().export(new ExportOptions().format(ExportFormat.GIF)
                .frameDelayMillis(400).page(PageSpec.pixels(480, 320, 96)), d, d.plusDays(4), out);
        assertThat(res.pages()).isEqualTo(5);
        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            assertThat(r.getNumImages(true)).isEqualTo(5);
            assertThat(r.getWidth(0)).isEqualTo(480);
            IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            Element app = (Element) root.getElementsByTagName("ApplicationExtension").item(0);
            assertThat(app.getAttribute("applicationID")).isEqualTo("NETSCAPE");
            Element gce = (Element) root.getElementsByTagName("GraphicControlExtension").item(0);
            assertThat(gce.getAttribute("delayTime")).isEqualTo("40");
            r.dispose();
        }
    }

    @Test
    void rangesUseAnEnDashOnEnglishPagesAndTheChineseWaveDashOnChineseOnes() throws Exception {
        LocalDate d = ExportFixture.busiestDay();
        Path en = dir.resolve("ranges-en.pdf"), zh = dir.resolve("ranges-zh.pdf");
        ExportOptions o = new ExportOptions().format(ExportFormat.PDF)
                .layers(EnumSet.of(ExportLayer.FLOWS, ExportLayer.HEATMAP, ExportLayer.LABELS));
        ExportFixture.exporter().export(o.copy().language(Language.EN).marking("For official use — aggregate data"),
                d.minusDays(2), d, en);
        ExportFixture.exporter().export(o.copy().language(Language.ZH), d.minusDays(2), d, zh);
        try (PDDocument doc = Loader.loadPDF(en.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(d.minusDays(2) + " – " + d, "For official use — aggregate data",
                    "boundaries — not").doesNotContain("～").doesNotContain("?");
            assertThat(text.lines().filter(l -> l.matches("[\\d,.]+ – [\\d,.]+")).count()).isGreaterThan(3);
        }
        try (PDDocument doc = Loader.loadPDF(zh.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(d.minusDays(2) + "～" + d).doesNotContain(" – ");
        }
        // what the PDF says is what the PNG draws: the dash is inked (the hyphen's bar lengthened), not a gap
        java.awt.Font f = org.epiflow.map.Java2DPainter.baseFont().deriveFont(40f);
        java.awt.geom.Rectangle2D dash = Glyphs.outline("–", f, 0, 0).getBounds2D();
        java.awt.geom.Rectangle2D hyphen = f.createGlyphVector(new java.awt.font.FontRenderContext(null, true, true),
                "-").getVisualBounds();
        assertThat(dash.getWidth()).isGreaterThan(1.5 * hyphen.getWidth());
        assertThat(dash.getCenterY()).isCloseTo(hyphen.getCenterY(), org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void gifFramesShowTheColoursOfThePage() throws Exception {
        LocalDate d = ExportFixture.busiestDay();
        Path gif = dir.resolve("colours.gif");
        ExportOptions o = new ExportOptions().format(ExportFormat.GIF).page(PageSpec.pixels(640, 400, 96))
                .layers(EnumSet.of(ExportLayer.FLOWS, ExportLayer.HEATMAP));
        Exporter x = ExportFixture.exporter();
        x.export(o, d, d.plusDays(1), gif);
        java.awt.image.BufferedImage first;
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            first = reader.read(0);
            reader.dispose();
        }
        java.awt.image.BufferedImage page = org.epiflow.export.raster.PageRaster.render(Exporter.layout(o),
                x.pages(o, d, d.plusDays(1)).get(0));
        long diff = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int xx = 0; xx < page.getWidth(); xx++) {
                int a = page.getRGB(xx, y), b = first.getRGB(xx, y);
                diff += Math.abs(((a >> 16) & 255) - ((b >> 16) & 255)) + Math.abs(((a >> 8) & 255) - ((b >> 8) & 255))
                        + Math.abs((a & 255) - (b & 255));
            }
        }
        // 256 colours of the frame's own palette: close to the page, not a stranger's palette
        assertThat(diff / (3.0 * page.getWidth() * page.getHeight())).isLessThan(3.0);
    }
}
