package org.epiflow.ui.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.data.demo.DemoScenario;
import org.epiflow.export.ExportFormat;
import org.epiflow.export.ExportOptions;
import org.epiflow.export.ExportSource;
import org.epiflow.export.Exporter;
import org.epiflow.export.layout.PrintLayout;
import org.epiflow.export.svg.SvgCanvas;
import org.epiflow.map.BasemapGeometry;
import org.epiflow.map.ChoroplethLayer;
import org.epiflow.map.FastMapRenderer;
import org.epiflow.map.Language;
import org.epiflow.map.MapScene;
import org.epiflow.map.geo.BasemapLoader;
import org.epiflow.model.AggregateDataset;
import org.epiflow.ui.UiFixtures;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.MapRenderWorker;
import org.epiflow.ui.map.MapViewModel;
import org.epiflow.ui.map.RegionSelection;
import org.epiflow.ui.map.RenderedFrame;
import org.epiflow.ui.risk.HeatmapMeasure;
import org.epiflow.analytics.RiskModel;
import org.epiflow.ui.risk.RiskViewModel;
import org.epiflow.ui.time.TimelineViewModel;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted session of the demo, as an analyst works: the demo's cases.csv imported, importation risk run, the map
 * showing "Expected imported infections" rolled up to provinces, zoomed into central China, Hubei selected, the
 * top 500 flows of one day. Each export format's file is read back and its map compared with the screen's render
 * of that view: the same heatmap (model, column, roll-up, breaks, colours), extent, flows and selection; the legend
 * says what the screen's legend says.
 */
class CurrentViewExportTest {
    static final Instant NOW = Instant.parse("2020-03-01T08:00:00Z");
    static DemoScenario demo;
    static BasemapGeometry basemap;
    final Messages messages = Messages.of(Locale.ENGLISH);
    final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    final UiFixtures.RecordingDialogs dialogs = new UiFixtures.RecordingDialogs();
    final UiFixtures.ScriptedFiles files = new UiFixtures.ScriptedFiles();
    @TempDir
    Path dir;
    Preferences node;
    MapRenderWorker worker;
    RegionSelection selection;
    MapViewModel map;
    TimelineViewModel timeline;
    RiskViewModel risk;
    ExportViewModel export;
    ExportSource source;

    @BeforeAll
    static void demo() throws Exception {
        demo = DemoScenario.generate(DemoScenario.DEFAULT_SEED, NOW);
        basemap = new BasemapGeometry(BasemapLoader.loadFromClasspath());
    }

    @BeforeEach
    void session() throws Exception {
        AggregateDataset data = demo.dataset();
        node = UiFixtures.prefsNode();
        worker = new MapRenderWorker();
        selection = new RegionSelection();
        selection.datasetProperty().set(data);
        map = new MapViewModel(messages, executor, worker, selection);
        map.basemapProperty().set(basemap);
        timeline = new TimelineViewModel(messages);
        timeline.setPeriod(data.info().period());
        timeline.daysProperty().addListener((o, a, d) -> map.daysProperty().set(d));
        map.daysProperty().set(timeline.days());
        map.datasetProperty().set(data);
        risk = new RiskViewModel(messages, executor, files, selection, map);
        risk.bundleProperty().set(new OpenedBundle(Path.of("demo.epiflow"), null, "carrier", "1B64-A027", data));
        source = new ExportSource(data, basemap, data.info().bundleId(), data.info().issuer(), "1B64-A027",
                "officer-key");
        export = new ExportViewModel(messages, executor, dialogs, files, map, risk.heatmap(), timeline,
                new ExportViewModelTest.FakeServices(),
                () -> source, node, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() throws Exception {
        worker.close();
        node.removeNode();
    }

    /** The analyst's view; the screen is the export's map frame in size, so the two can be compared pixel by pixel. */
    private void analystView(PrintLayout frameOf) throws Exception {
        Path cases = dir.resolve("cases.csv");
        try (Writer w = Files.newBufferedWriter(cases, StandardCharsets.UTF_8)) {
            demo.cases().writeCsv(w, "cases");
        }
        risk.importCases(cases);
        risk.modelProperty().set(RiskModel.IMPORTATION);
        risk.run();
        assertThat(risk.runProperty().get()).as(String.join("; ", risk.errors())).isNotNull();
        HeatmapMeasure expected = risk.heatmap().measures().stream()
                .filter(m -> m.name().equals("expected_imported")).findFirst().orElseThrow();
        risk.heatmap().measureProperty().set(expected);
        map.filters().provincesProperty().set(true);
        map.filters().topNProperty().set(500);
        map.resize(frameOf.frameW(), frameOf.frameH());
        map.zoom(2.6, frameOf.frameW() * 0.62, frameOf.frameH() * 0.55);
        map.settle();
        selection.select("420000");   // Hubei, as the roll-up shows it
        timeline.startProperty().set(22);
        map.settle();
        assertThat(map.heatmapProperty().get()).isNotNull();
        assertThat(map.heatmapProperty().get().values()).containsKey("420000");
    }

    /** Sets the export up as a 1400 × 900 pixel page and returns its layout. */
    private PrintLayout pixelPage(ExportFormat f) {
        export.formatProperty().set(f);
        export.sizeModeProperty().set(PageSettings.SizeMode.PIXELS);
        export.widthProperty().set(1400);
        export.heightProperty().set(900);
        export.datesProperty().set(ContentSettings.Dates.DAY);
        export.languageProperty().set(Language.EN);
        return Exporter.layout(export.options());
    }

    private BufferedImage screen() {
        RenderedFrame f = map.frameProperty().get();
        return FastMapRenderer.wrap(f.pixels().clone(), f.width(), f.height());
    }

    private Path exported(String name) {
        Path out = dir.resolve(name);
        export.export(out);
        assertThat(dialogs.errors).isEmpty();
        assertThat(out).exists();
        return out;
    }

    @Test
    void pngShowsTheScreensHeatmapRollUpExtentFlowsAndSelection() throws Exception {
        PrintLayout l = pixelPage(ExportFormat.PNG);
        analystView(l);
        BufferedImage png = ImageIO.read(exported("view.png").toFile());
        var r = FrameAgreement.compare(screen(), png, l.frameX(), l.frameY(), 1, 4, FrameAgreement.Skip.OVERLAYS);
        System.out.println("PNG vs screen: " + r);
        assertThat(r.mean()).isLessThan(2.0);
        assertThat(r.offShare()).isLessThan(0.01);

        // the same check refuses what the export used to draw: trips per region over a wider extent
        ExportOptions before = export.options().heatmap(null).extent(null);
        BufferedImage old = org.epiflow.export.raster.PageRaster.render(l,
                new Exporter(source, Clock.systemUTC()).pages(before, date(), date()).get(0));
        var wrong = FrameAgreement.compare(screen(), old, l.frameX(), l.frameY(), 1, 4, FrameAgreement.Skip.OVERLAYS);
        System.out.println("old export vs screen: " + wrong);
        assertThat(wrong.offShare()).isGreaterThan(0.2);
    }

    @Test
    void pdfPageShowsTheScreensViewAndItsLegend() throws Exception {
        PrintLayout l = pixelPage(ExportFormat.PDF);
        analystView(l);
        Path pdf = exported("view.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            BufferedImage page = new PDFRenderer(doc).renderImage(0, 96f / 72f);
            var r = FrameAgreement.compare(screen(), page, l.frameX(), l.frameY(), 1, 6,
                    FrameAgreement.Skip.OVERLAYS);
            System.out.println("PDF vs screen: " + r);
            assertThat(r.mean()).isLessThan(3.0);
            assertThat(r.offShare()).isLessThan(0.02);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Expected imported infections", "No value", "Importation risk")
                    .doesNotContain("Trips per region");
            for (var e : risk.heatmap().legendProperty().get().entries()) {
                assertThat(text).contains(e.label());
            }
            // issue 14: the page states the run's inputs (windows, as-of, parameters), wrapped in the legend's notes
            for (var in : risk.runProperty().get().result().inputs()) {
                assertThat(text.replaceAll("\\s+", "")).contains(messages.format(in).replaceAll("\\s+", ""));
            }
        }
    }

    @Test
    void svgHeatmapIsTheScreensHeatmapPathForPath() throws Exception {
        PrintLayout l = pixelPage(ExportFormat.SVG);
        analystView(l);
        String svg = Files.readString(exported("view.svg"));
        // the screen's scene painted through the SVG backend: its heatmap group must be the export's, byte for byte
        MapScene screenScene = map.frameProperty().get().scene();
        StringWriter ref = new StringWriter();
        SvgCanvas c = new SvgCanvas(ref, null, null);
        c.begin(screenScene.viewport().width(), screenScene.viewport().height(), 0xFFFFFFFF);
        screenScene.paintLayers(c);
        c.end();
        String expected = group(ref.toString(), "heatmap");
        assertThat(expected).isNotEmpty();
        assertThat(group(svg, "heatmap")).isEqualTo(expected);
        ChoroplethLayer shown = map.heatmapProperty().get();
        assertThat(svg).contains(shown.title());
    }

    @Test
    void pptxSlidePicturesAreTheScreenAndItsLegendIsEditableText() throws Exception {
        PrintLayout l = pixelPage(ExportFormat.PPTX);
        analystView(l);
        Path pptx = exported("view.pptx");
        try (InputStream in = Files.newInputStream(pptx); XMLSlideShow show = new XMLSlideShow(in)) {
            XSLFSlide slide = show.getSlides().get(0);
            List<BufferedImage> pictures = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (XSLFShape s : slide.getShapes()) {
                if (s instanceof XSLFPictureShape p) {
                    pictures.add(ImageIO.read(new java.io.ByteArrayInputStream(p.getPictureData().getData())));
                }
                if (s instanceof XSLFTextShape t) {
                    texts.add(t.getText());
                }
            }
            assertThat(pictures).hasSize(2);
            BufferedImage frame = new BufferedImage(pictures.get(0).getWidth(), pictures.get(0).getHeight(),
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = frame.createGraphics();
            g.drawImage(pictures.get(0), 0, 0, null);
            g.drawImage(pictures.get(1), 0, 0, null);
            g.dispose();
            double scale = frame.getWidth() / (double) l.frameW();
            dump(frame, "pptx-frame");
            dump(screen(), "pptx-screen");
            assertThat(frame.getWidth()).isLessThanOrEqualTo(2000);   // slide-sized, not 4000 px
            var r = FrameAgreement.compare(screen(), frame, 0, 0, scale, 6, FrameAgreement.Skip.OVERLAYS);
            System.out.println("PPTX pictures vs screen: " + r);
            assertThat(r.mean()).isLessThan(3.0);
            assertThat(r.offShare()).isLessThan(0.02);
            assertThat(texts).contains("Expected imported infections", "No value");
            // issue 14: the speaker notes state the run's inputs, a line each
            List<String> notes = new ArrayList<>();
            for (XSLFShape s : slide.getNotes().getShapes()) {
                if (s instanceof XSLFTextShape t) {
                    notes.addAll(t.getText().lines().toList());
                }
            }
            for (var input : risk.runProperty().get().result().inputs()) {
                assertThat(notes).contains(messages.format(input));
            }
            for (var e : risk.heatmap().legendProperty().get().entries()) {
                assertThat(texts).contains(e.label());
            }
        }
    }

    @Test
    void gifFirstFrameIsTheScreen() throws Exception {
        PrintLayout l = pixelPage(ExportFormat.GIF);
        analystView(l);
        Path gif = exported("view.gif");
        if (!System.getProperty("export.dump", "").isEmpty()) {
            Files.copy(gif, Path.of(System.getProperty("export.dump"), "view.gif"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        BufferedImage first;
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            first = reader.read(0);
            reader.dispose();
        }
        dump(first, "gif-first");
        dump(screen(), "gif-screen");
        var r = FrameAgreement.compare(screen(), first, l.frameX(), l.frameY(), 1, 6, FrameAgreement.Skip.OVERLAYS);
        System.out.println("GIF vs screen: " + r);
        assertThat(r.mean()).isLessThan(4.0);
        assertThat(r.offShare()).isLessThan(0.03);
    }

    @Test
    void previewIsTheExportedPageSmall() throws Exception {
        PrintLayout l = pixelPage(ExportFormat.PNG);
        analystView(l);
        export.refreshPreview();
        BufferedImage preview = export.previewProperty().get();
        assertThat(preview).as(export.previewTextProperty().get()).isNotNull();
        double scale = preview.getWidth() / l.page().width();
        var r = FrameAgreement.compare(screen(), preview, l.frameX() * scale, l.frameY() * scale, scale, 8,
                FrameAgreement.Skip.OVERLAYS);
        System.out.println("preview vs screen: " + r);
        assertThat(r.mean()).isLessThan(5.0);
        assertThat(r.offShare()).isLessThan(0.05);
    }

    private static void dump(BufferedImage img, String name) throws java.io.IOException {
        String d = System.getProperty("export.dump", "");
        if (!d.isEmpty()) {
            ImageIO.write(img, "png", Path.of(d, name + ".png").toFile());
        }
    }

    private LocalDate date() {
        return export.period()[0];
    }

    /** The content of the {@code <g id="NAME">} group of an SVG document. */
    private static String group(String svg, String id) {
        Matcher m = Pattern.compile("<g id=\"" + id + "(-\\d+)?\"[^>]*>(.*?)</g>", Pattern.DOTALL).matcher(svg);
        return m.find() ? m.group(2) : "";
    }
}
