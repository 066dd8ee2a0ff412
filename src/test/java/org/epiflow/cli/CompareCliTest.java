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

/** {@code epiflow export} with a baseline, per-capita and groups, on the installed demo. */
class CompareCliTest {
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

    static final String[] WEEK_AFTER = {"--from", "2020-01-24", "--to", "2020-01-30", "--baseline-from",
            "2020-01-17", "--baseline-to", "2020-01-23"};

    @Test
    void flowsCsvHasTheComparisonColumnsAndNoZeroForUnpublished() throws Exception {
        Path csv = root.resolve("change.csv");
        List<String> args = new ArrayList<>(List.of(WEEK_AFTER));
        args.addAll(List.of("--format", "csv", "--table", "flows", "--per-capita", "--lang", "en", "--top", "0",
                "--out", csv.toString()));
        CliHarness.Run r = export(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(csv).stream().filter(l -> !l.replace("\uFEFF", "").startsWith("#")).toList();
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header).containsSubsequence("rank", "origin_code", "origin", "destination_code", "destination",
                "trips", "baseline_trips", "change", "change_percent");
        assertThat(header).contains("trips_per_1000", "includes_unpublished");
        int trips = header.indexOf("trips"), base = header.indexOf("baseline_trips"), ch = header.indexOf("change");
        boolean sawUnpublished = false;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            assertThat(c[trips]).isNotEqualTo("0");
            assertThat(c[base]).isNotEqualTo("0");
            if (c[trips].equals("–") || c[base].equals("–")) {
                sawUnpublished = true;
                assertThat(c[header.indexOf("includes_unpublished")]).isEqualTo("yes");
            }
            if (!c[trips].equals("–") && !c[base].equals("–") && !c[ch].startsWith("<")) {
                assertThat(Long.parseLong(c[ch])).isEqualTo(Long.parseLong(c[trips]) - Long.parseLong(c[base]));
            }
        }
        assertThat(sawUnpublished).as("a pair below k in one of the weeks").isTrue();
        assertThat(Files.readString(csv)).contains("baseline 2020-01-17 – 2020-01-23, aligned by date");
    }

    @Test
    void pdfFooterStatesTheBaselineInBothLanguages() throws Exception {
        for (String lang : List.of("en", "zh")) {
            Path pdf = root.resolve("change-" + lang + ".pdf");
            List<String> args = new ArrayList<>(List.of(WEEK_AFTER));
            args.addAll(List.of("--align", "weekday", "--format", "pdf", "--lang", lang, "--top", "1500",
                    "--out", pdf.toString()));
            CliHarness.Run r = export(args.toArray(String[]::new));
            assertThat(r.exit()).as(r.err()).isZero();
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                if (lang.equals("en")) {
                    assertThat(text).contains("baseline 2020-01-17 – 2020-01-23, aligned by weekday",
                            "Change in trips");
                } else {
                    assertThat(text).contains("基期 2020-01-17", "按星期对齐", "出行量变化");
                }
            }
        }
    }

    @Test
    void aGroupSpanningProvincesIsOneNodeInTheTable() throws Exception {
        Path csv = root.resolve("group.csv");
        // Beijing, Tianjin and Baoding (Hebei): three provinces
        CliHarness.Run r = export("--from", "2020-01-17", "--to", "2020-01-23", "--format", "csv", "--table",
                "ranking", "--lang", "en", "--group", "Capital region=110000,120000,130600", "--out",
                csv.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String text = Files.readString(csv);
        assertThat(text).contains("Capital region");
        assertThat(text).doesNotContain(",110000,", ",120000,", ",130600,");
    }

    @Test
    void refusalsAreUsageErrorsInTheRunsLanguage() {
        Path out = root.resolve("x.csv");
        String[][] bad = {
                {"--from", "2020-01-24", "--to", "2020-01-30", "--baseline-from", "2020-01-17"},
                {"--from", "2020-01-24", "--to", "2020-01-30", "--align", "weekday"},
                {"--from", "2020-01-24", "--to", "2020-01-30", "--baseline-from", "2020-01-17", "--baseline-to",
                        "2020-01-23", "--align", "moon"},
                {"--from", "2020-01-24", "--to", "2020-01-30", "--group", "nothing"},
                {"--from", "2020-01-24", "--to", "2020-01-30", "--group", "G=999999"},
                {"--from", "2020-01-24", "--to", "2020-01-30", "--baseline-from", "2020-01-17", "--baseline-to",
                        "2020-01-20"},
        };
        for (String[] b : bad) {
            List<String> a = new ArrayList<>(List.of(b));
            a.addAll(List.of("--format", "csv", "--lang", "en", "--out", out.toString()));
            CliHarness.Run r = export(a.toArray(String[]::new));
            assertThat(r.exit()).as(String.join(" ", b) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).doesNotContain("Exception", "\tat ");
        }
        List<String> a = new ArrayList<>(List.of(bad[2]));
        a.addAll(List.of("--format", "csv", "--lang", "zh", "--out", out.toString()));
        assertThat(export(a.toArray(String[]::new)).err()).contains("对齐方式");
        assertThat(Files.exists(out)).isFalse();
    }
}
