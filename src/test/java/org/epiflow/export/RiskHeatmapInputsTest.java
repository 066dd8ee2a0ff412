package org.epiflow.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.epiflow.analytics.RiskModel;
import org.epiflow.analytics.RiskModels;
import org.epiflow.analytics.RiskOutcome;
import org.epiflow.analytics.RiskRequest;
import org.epiflow.analytics.cases.CaseCsvReader;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.data.demo.DemoScenario;
import org.epiflow.map.Language;
import org.epiflow.model.AggregateDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, "every forecast states its inputs (window, as-of date, parameters) in … the export footer": a risk
 * heatmap's page carries the run's inputs, in the page's language, in every format — read back from the file.
 */
class RiskHeatmapInputsTest {
    @TempDir
    static Path dir;
    static AggregateDataset data;
    static CaseTable cases;
    static final LocalDate AS_OF = LocalDate.parse("2020-01-23");

    @BeforeAll
    static void demo() throws Exception {
        DemoScenario demo = DemoScenario.generate(DemoScenario.DEFAULT_SEED, ExportFixture.NOW);
        data = ExportFixture.data();
        StringWriter csv = new StringWriter();
        demo.cases().writeCsv(csv, "cases");
        cases = new CaseCsvReader(data.info().period(), data.regions(), false).read(new StringReader(csv.toString()),
                "cases.csv");
    }

    private static RiskOutcome run(RiskModel model) throws Exception {
        return RiskModels.run(RiskRequest.of(model, data).withCases(cases).withWindow(null, AS_OF, AS_OF));
    }

    private static ExportOptions options(ExportFormat f, Language lang, ExportHeatmap h) {
        return new ExportOptions().format(f).language(lang).page(PageSpec.pixels(1400, 900, 96))
                .layers(EnumSet.of(ExportLayer.HEATMAP, ExportLayer.LABELS)).heatmap(h);
    }

    /** Text as a reader sees it across wrapped lines: no whitespace at all (Chinese wraps between characters). */
    private static String squeezed(String s) {
        return s.replaceAll("\\s+", "");
    }

    @ParameterizedTest
    @CsvSource({"importation, expected_imported, EN", "importation, import_probability, ZH",
        "seir, expected_infections, EN", "seir, expected_infections, ZH", "observed-expected, risk_index, ZH",
        "effective-distance, effective_distance, EN"})
    void everyFormatStatesTheRunsInputs(String model, String column, Language lang) throws Exception {
        RiskOutcome o = run(RiskModel.byId(model).orElseThrow());
        List<String> inputs = o.result().inputs().stream().map(m -> PageText.of(lang, m)).toList();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(2);
        if (lang == Language.ZH) {
            assertThat(String.join("", inputs)).as("Chinese words").containsPattern("[\\u4e00-\\u9fff]");
        }
        ExportHeatmap h = RiskHeatmap.of(o, data, column, RiskHeatmap.Classification.defaults(), false, lang);
        assertThat(h.noteLines()).containsAll(inputs);
        Exporter x = ExportFixture.exporter();
        LocalDate day = AS_OF;

        Path pdf = dir.resolve(model + "-" + lang + ".pdf");
        x.export(options(ExportFormat.PDF, lang, h), day, day, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = squeezed(new PDFTextStripper().getText(doc));
            for (String line : inputs) {
                assertThat(text).as("PDF states %s", line).contains(squeezed(line));
            }
        }

        Path svg = dir.resolve(model + "-" + lang + ".svg");
        x.export(options(ExportFormat.SVG, lang, h), day, day, svg);
        String svgText = squeezed(javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(svg.toFile()).getDocumentElement().getTextContent());
        for (String line : inputs) {
            assertThat(svgText).as("SVG states %s", line).contains(squeezed(line));
        }

        Path pptx = dir.resolve(model + "-" + lang + ".pptx");
        x.export(options(ExportFormat.PPTX, lang, h), day, day, pptx);
        try (InputStream in = Files.newInputStream(pptx); XMLSlideShow show = new XMLSlideShow(in)) {
            XSLFSlide slide = show.getSlides().get(0);
            List<String> notes = new ArrayList<>();
            for (XSLFShape s : slide.getNotes().getShapes()) {
                if (s instanceof XSLFTextShape t) {
                    notes.addAll(t.getText().lines().toList());
                }
            }
            StringBuilder onSlide = new StringBuilder();
            for (XSLFShape s : slide.getShapes()) {
                if (s instanceof XSLFTextShape t) {
                    onSlide.append(t.getText()).append('\n');
                }
            }
            for (String line : inputs) {
                assertThat(notes).as("speaker notes").contains(line);
                assertThat(squeezed(onSlide.toString())).as("slide states %s", line).contains(squeezed(line));
            }
        }
    }

    /** A visible change: some channel moves by more than 48 (a GIF's palette may shift the other colours a little). */
    private static boolean differs(int p, int q) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF)) > 48) {
                return true;
            }
        }
        return false;
    }

    /** PNG and GIF paint the same legend: the inputs are ink in the legend panel, and nothing else moves. */
    @ParameterizedTest
    @CsvSource({"PNG", "GIF"})
    void rastersPaintTheInputsInTheLegend(ExportFormat f) throws Exception {
        RiskOutcome o = run(RiskModel.IMPORTATION);
        ExportHeatmap h = RiskHeatmap.of(o, data, "expected_imported", RiskHeatmap.Classification.defaults(), false,
                Language.ZH);
        ExportHeatmap bare = new ExportHeatmap(h.layer(), h.legend(), h.noteLines().get(0));
        Exporter x = ExportFixture.exporter();
        Path with = dir.resolve("with." + f.name().toLowerCase());
        Path without = dir.resolve("without." + f.name().toLowerCase());
        x.export(options(f, Language.ZH, h), AS_OF, AS_OF, with);
        x.export(options(f, Language.ZH, bare), AS_OF, AS_OF, without);
        BufferedImage a = ImageIO.read(with.toFile());
        BufferedImage b = ImageIO.read(without.toFile());
        var layout = Exporter.layout(options(f, Language.ZH, h));
        int inside = 0;
        int outside = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int xx = 0; xx < a.getWidth(); xx++) {
                if (differs(a.getRGB(xx, y), b.getRGB(xx, y))) {
                    boolean legend = xx >= layout.legendX() && xx <= layout.legendX() + layout.legendW()
                            && y >= layout.legendY() && y <= layout.legendY() + layout.legendH();
                    if (legend) {
                        inside++;
                    } else {
                        outside++;
                    }
                }
            }
        }
        if (!System.getProperty("export.dump", "").isEmpty()) {
            Files.copy(with, Path.of(System.getProperty("export.dump"), with.getFileName().toString()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(inside).as("input lines painted in the legend").isGreaterThan(500);
        assertThat(outside).as("pixels changed outside the legend").isZero();
    }
}
