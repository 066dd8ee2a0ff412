package org.epiflow.cli;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.epiflow.data.demo.DemoInstaller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code epiflow export --heatmap MODEL:COLUMN} with a baseline and per capita, on the installed demo. */
class RiskHeatmapCompareCliTest {
    @TempDir
    static Path root;
    static DemoInstaller.Installed demo;
    static Path pass;

    @BeforeAll
    static void install() throws Exception {
        demo = DemoInstaller.create(root.resolve("demo"), 3, DemoInstaller.DEFAULT_PASSPHRASE.toCharArray(), 10);
        pass = CliHarness.write(root, "pass.txt", DemoInstaller.DEFAULT_PASSPHRASE + "\n");
    }

    static CliHarness.Run export(String... extra) {
        List<String> a = new ArrayList<>(List.of("export", "--bundle", demo.bundle().toString(), "--identity",
                demo.officerKey().toString(), "--trust", demo.trustStore().toString(), "--passphrase-file",
                pass.toString(), "--from", "2020-01-24", "--to", "2020-01-30", "--cases",
                demo.dir().resolve("cases.csv").toString(), "--as-of", "2020-01-30", "--layers", "heatmap,labels"));
        a.addAll(Arrays.asList(extra));
        return CliHarness.run(a.toArray(String[]::new));
    }

    static final String[] BASELINE = {"--baseline-from", "2020-01-17", "--baseline-to", "2020-01-23"};

    static String svgText(Path svg) throws Exception {
        return javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                .getDocumentElement().getTextContent().replaceAll("\\s+", " ");
    }

    @Test
    void pdfAndSvgLegendsNameTheMeasureTheUnitAndTheBaseline() throws Exception {
        Path pdf = root.resolve("prob-en.pdf");
        List<String> args = new ArrayList<>(List.of(BASELINE));
        args.addAll(List.of("--heatmap", "importation:import_probability", "--align", "weekday", "--format", "pdf",
                "--lang", "en", "--out", pdf.toString()));
        CliHarness.Run r = export(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Change in Probability of an imported infection",
                    "change in percentage points", "baseline 2020-01-17 – 2020-01-23, aligned by weekday",
                    "about the same");
        }
        Path svg = root.resolve("pct-zh.svg");
        args = new ArrayList<>(List.of(BASELINE));
        args.addAll(List.of("--heatmap", "importation:expected_imported", "--measure", "change-percent",
                "--format", "svg", "--lang", "zh", "--out", svg.toString()));
        r = export(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(svgText(svg)).contains("预期输入感染数变化百分比", "基期 2020-01-17 至 2020-01-23", "按日期对齐", "%");
    }

    @Test
    void baselineMeasureAndPerCapitaLegends() throws Exception {
        Path svg = root.resolve("base-en.svg");
        List<String> args = new ArrayList<>(List.of(BASELINE));
        args.addAll(List.of("--heatmap", "importation:expected_imported", "--measure", "baseline", "--format",
                "svg", "--lang", "en", "--out", svg.toString()));
        CliHarness.Run r = export(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(svgText(svg)).contains("Expected imported infections in the baseline");
        Path pc = root.resolve("pc-en.svg");
        r = export("--heatmap", "importation:expected_imported", "--per-capita", "--format", "svg", "--lang", "en",
                "--out", pc.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // the demo has residents.csv
        assertThat(svgText(pc)).contains("Expected imported infections per 1,000 residents",
                "per 1,000 residents (residents.csv");
    }

    @Test
    void refusalsAreUsageErrorsInBothLanguages() {
        Path out = root.resolve("x.png");
        CliHarness.Run r = export("--heatmap", "importation:import_probability", "--per-capita", "--format", "png",
                "--lang", "en", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Probability of an imported infection is not a count",
                "cannot be shown per 1,000 residents");
        r = export("--heatmap", "seir:attack_rate_percent", "--per-capita", "--format", "png", "--lang", "zh",
                "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("不是计数", "不能按每千名常住人口显示");
        List<String> args = new ArrayList<>(List.of(BASELINE));
        args.addAll(List.of("--heatmap", "observed-expected:risk_index", "--measure", "change_percent", "--format",
                "png", "--lang", "en", "--out", out.toString()));
        r = export(args.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("has no change in percent");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void aSavedViewCarriesTheHeatmapsComparison() throws Exception {
        Path view = CliHarness.write(root, "view.json", """
                {"format": "epiflow-view", "version": 3,
                 "dates": {"mode": "RANGE", "granularity": "DAILY", "start": "2020-01-24", "end": "2020-01-30"},
                 "filters": {"topN": 100, "minVolume": 0, "direction": "BOTH", "lockScale": false},
                 "layers": {"provinces": false, "flows": false, "heatmap": true, "symbols": false, "labels": true},
                 "selectedRegions": [],
                 "heatmap": {"model": "importation", "column": "expected_imported"},
                 "comparison": {"baselineFrom": "2020-01-17", "baselineTo": "2020-01-23", "alignment": "weekday",
                  "measure": "change_percent", "perCapita": false}}
                """);
        Path svg = root.resolve("view.svg");
        List<String> a = new ArrayList<>(List.of("export", "--bundle", demo.bundle().toString(), "--identity",
                demo.officerKey().toString(), "--trust", demo.trustStore().toString(), "--passphrase-file",
                pass.toString(), "--view", view.toString(), "--cases", demo.dir().resolve("cases.csv").toString(),
                "--as-of", "2020-01-30", "--format", "svg", "--lang", "en", "--out", svg.toString()));
        CliHarness.Run r = CliHarness.run(a.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(svgText(svg)).contains("Change in Expected imported infections, in percent",
                "baseline 2020-01-17 – 2020-01-23, aligned by weekday");
    }
}
