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

/** {@code epiflow export} on the installed demo: real unlock + open, outputs, and clear errors. */
class ExportCommandTest {
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
                pass.toString()));
        a.addAll(Arrays.asList(extra));
        return CliHarness.run(a.toArray(String[]::new));
    }

    @Test
    void exportsAPdfWithTheOfficerAndFingerprint() throws Exception {
        Path out = root.resolve("brief.pdf");
        CliHarness.Run r = export("--date", "2020-01-20", "--format", "pdf", "--out", out.toString(), "--paper", "A4",
                "--landscape", "--title", "春运出行简报", "--marking", "内部资料 仅限疫情防控使用", "--top", "1000");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote", "fingerprint");
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("春运出行简报", "内部资料");
            String keyId = doc.getDocumentInformation().getAuthor();
            assertThat(keyId).matches("[0-9a-f]{16}");
            assertThat(text).contains(keyId);
        }
    }

    @Test
    void exportsARankingCsvAndAViewPng() throws Exception {
        Path csv = root.resolve("rank.csv");
        CliHarness.Run r = export("--from", "2020-01-20", "--to", "2020-01-26", "--format", "csv", "--table",
                "ranking", "--lang", "en", "--out", csv.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(csv)).contains("net_inflow", "# fingerprint");
        Path view = CliHarness.write(root, "hubei.json", """
                {"version": 1, "name": "Hubei", "extent": {"west": 108, "south": 29, "east": 117, "north": 33.5},
                 "layers": ["flows", "heatmap", "labels"], "filters": {"topN": 300, "regions": ["420100"]},
                 "language": "en"}
                """);
        Path png = root.resolve("hubei.png");
        r = export("--date", "2020-01-22", "--view", view.toString(), "--format", "png", "--width", "800",
                "--height", "500", "--out", png.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        var img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(800);
        assertThat(img.getHeight()).isEqualTo(500);
    }

    @Test
    void refusesBadCombinationsWithOneClearLine() {
        Path out = root.resolve("x.pdf");
        String[][] bad = {
                {"--date", "2020-01-20", "--from", "2020-01-20", "--to", "2020-01-21", "--format", "pdf"},
                {"--from", "2020-01-20", "--format", "pdf"},
                {"--format", "pdf"},
                {"--date", "2020-01-20", "--format", "pdf", "--paper", "A4", "--width", "800", "--height", "600"},
                {"--date", "2020-01-20", "--format", "pdf", "--width", "800"},
                {"--date", "2020-01-20", "--format", "tiff"},
                {"--date", "2020-01-20", "--format", "pdf", "--layers", "flows,rivers"},
                {"--date", "2020-01-20", "--format", "csv", "--layers", "flows"},
                {"--date", "2020-01-20", "--format", "pdf", "--landscape"},
                {"--date", "2019-06-01", "--format", "pdf"},
                {"--date", "2020-01-20", "--format", "pdf", "--region", "999999"},
                {"--date", "2020-01-20", "--format", "png"},
        };
        String[] expected = {"not both", "go together", "--date", "not both", "go together", "unknown format",
                "unknown layer", "applies to map formats", "--landscape", "outside", "not in the bundle",
                "does not end in .png"};
        for (int i = 0; i < bad.length; i++) {
            List<String> a = new ArrayList<>(Arrays.asList(bad[i]));
            a.add("--out");
            a.add(i == bad.length - 1 ? out.toString() : root.resolve("x").toString());
            CliHarness.Run r = export(a.toArray(String[]::new));
            assertThat(r.exit()).as(String.join(" ", bad[i]) + " → " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", bad[i])).contains(expected[i]).startsWith("epiflow: ");
        }
        assertThat(Files.exists(out)).isFalse();
        assertThat(Files.exists(root.resolve("x"))).isFalse();
    }

    @Test
    void aRiskModelsColumnIsTheHeatmapWithItsOwnLegend() throws Exception {
        Path out = root.resolve("importation.pdf");
        CliHarness.Run r = export("--date", "2020-01-23", "--format", "pdf", "--lang", "en", "--out", out.toString(),
                "--heatmap", "importation:expected_imported", "--cases", demo.dir().resolve("cases.csv").toString(),
                "--as-of", "2020-01-23", "--classes", "4", "--classify", "jenks", "--layers", "labels");
        assertThat(r.exit()).as(r.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Expected imported infections", "as of 2020-01-23", "No value")
                    .doesNotContain("Trips per region", "Trips per day");
            // four classes: four range labels in the heatmap block
            assertThat(text.lines().filter(l -> l.matches(".*\\d – \\d.*")).count()).isGreaterThanOrEqualTo(4);
        }
        // and in Chinese, rolled up to provinces: the page says how
        Path zh = root.resolve("importation-zh.png");
        r = export("--date", "2020-01-23", "--format", "png", "--width", "1200", "--height", "800",
                "--out", zh.toString(), "--heatmap", "importation:expected_imported", "--provinces",
                "--cases", demo.dir().resolve("cases.csv").toString(), "--as-of", "2020-01-23");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(zh).exists();
    }

    @Test
    void heatmapMistakesAreNamed() {
        String cases = demo.dir().resolve("cases.csv").toString();
        String[][] bad = {
                {"--heatmap", "importation"},
                {"--heatmap", "gravity:expected_imported"},
                {"--heatmap", "importation:nothing"},
                {"--heatmap", "importation:expected_imported", "--classify", "median"},
                {"--heatmap", "importation:expected_imported", "--classes", "12"},
                {"--heatmap", "importation:expected_imported", "--classify", "custom:5,1"},
                {"--cases", cases},
                {"--classes", "4"},
        };
        String[] expected = {"MODEL:COLUMN", "no model \"gravity\"", "no column \"nothing\"",
                "quantiles, equal, jenks", "2 to 9", "at least two increasing", "--cases applies with --heatmap",
                "--classes applies with --heatmap"};
        for (int i = 0; i < bad.length; i++) {
            List<String> a = new ArrayList<>(List.of("--date", "2020-01-20", "--format", "pdf", "--out",
                    root.resolve("h.pdf").toString()));
            a.addAll(Arrays.asList(bad[i]));
            CliHarness.Run r = export(a.toArray(String[]::new));
            assertThat(r.exit()).as(String.join(" ", bad[i]) + " → " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", bad[i])).contains(expected[i]);
        }
        assertThat(Files.exists(root.resolve("h.pdf"))).isFalse();
    }
}
