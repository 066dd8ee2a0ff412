package org.epiflow.cli;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epiflow.cli.CliHarness.run;
import static org.epiflow.cli.CliHarness.write;

/**
 * Issue 15 item 4: a region group as the sources of a risk run ({@code --group NAME=CODE,… --source NAME}) in
 * {@code epiflow risk} and {@code epiflow export --heatmap}: the run equals one with the members listed one by one.
 */
class RiskGroupSourcesCliTest {
    private static final int N = 6;
    private static final LocalDate START = LocalDate.of(2020, 1, 1);
    /** Two regions of two provinces (11…, 14…). */
    private static final String GROUP = "North pair=110100,140100";

    @TempDir
    static Path dir;
    static Path pass;

    static String code(int i) {
        return String.valueOf(110100 + i * 10000);
    }

    @BeforeAll
    static void sealBundle() throws Exception {
        pass = write(dir, "officer.pass", "officer passphrase\n");
        CliHarness.Run officer = run("keygen", "officer", "--out", dir.resolve("officer.key").toString(),
                "--passphrase-file", pass.toString(), "--work-factor", "10");
        assertThat(officer.exit()).as(officer.err()).isZero();
        assertThat(run("keygen", "carrier", "--out", dir.resolve("carrier.key").toString(), "--no-passphrase")
                .exit()).isZero();
        StringBuilder regions = new StringBuilder("code,name,name_en,level,parent,lat,lon,population\n");
        for (int i = 0; i < N; i++) {
            regions.append(code(i)).append(",市").append(i).append(",City ").append(i).append(",prefecture,")
                    .append(code(i), 0, 2).append("0000,").append(30 + i).append(",").append(110 + i)
                    .append(",").append(1_000_000 * (i + 1)).append('\n');
        }
        write(dir, "regions.csv", regions.toString());
        StringBuilder flows = new StringBuilder("date,origin,destination,trips\n");
        for (int d = 0; d < 8; d++) {
            for (int o = 0; o < N; o++) {
                for (int t = 0; t < N; t++) {
                    if (o != t) {
                        int trips = o == 0 ? 4000 / t : o == 3 ? 900 + 100 * t : 50 + 10 * ((o + t) % 3);
                        flows.append(START.plusDays(d)).append(',').append(code(o)).append(',').append(code(t))
                                .append(',').append(trips).append('\n');
                    }
                }
            }
        }
        write(dir, "flows.csv", flows.toString());
        CliHarness.Run sealed = run("seal", "--regions", dir.resolve("regions.csv").toString(), "--flows",
                dir.resolve("flows.csv").toString(), "--k", "10", "--expires", "2099-12-31", "--sign",
                dir.resolve("carrier.key").toString(), "--issuer", "Test", "--to", officer.out().trim(), "--out",
                dir.resolve("b.epiflow").toString());
        assertThat(sealed.exit()).as(sealed.err()).isZero();
        write(dir, "cases.csv", "date,region,cases\n2020-01-01," + code(0) + ",20\n2020-01-02," + code(3)
                + ",30\n2020-01-04," + code(1) + ",5\n");
    }

    static CliHarness.Run risk(String out, String... extra) {
        List<String> args = new ArrayList<>(List.of("risk", "--bundle", dir.resolve("b.epiflow").toString(),
                "--identity", dir.resolve("officer.key").toString(), "--passphrase-file", pass.toString(), "--trust",
                dir.resolve("carrier.pub").toString(), "--out", dir.resolve(out).toString()));
        args.addAll(Arrays.asList(extra));
        return run(args.toArray(String[]::new));
    }

    /** The "Sources …" line the run prints. */
    static String sourcesLine(CliHarness.Run r) {
        return r.out().lines().filter(l -> l.strip().startsWith("Sources")).findFirst().orElse("(none)");
    }

    @Test
    void effectiveDistanceFromAGroupIsTheRunFromItsMembers() throws Exception {
        CliHarness.Run byGroup = risk("group.csv", "--lang", "en", "--model", "effective-distance", "--group", GROUP,
                "--source", "North pair");
        assertThat(byGroup.exit()).as(byGroup.err()).isZero();
        CliHarness.Run byCodes = risk("codes.csv", "--lang", "en", "--model", "effective-distance", "--source",
                code(0), code(3));
        assertThat(byCodes.exit()).as(byCodes.err()).isZero();
        assertThat(sourcesLine(byGroup)).contains(code(0), code(3)).isEqualTo(sourcesLine(byCodes));
        List<String> group = Files.readAllLines(dir.resolve("group.csv"));
        assertThat(group).isEqualTo(Files.readAllLines(dir.resolve("codes.csv")));
        // both members are the run's sources, marked so, not ranked
        long sources = group.stream().filter(l -> l.startsWith(",") && l.contains(",source,")).count();
        assertThat(sources).isEqualTo(2);
        // a group and a code together: the code once
        CliHarness.Run mixed = risk("mixed.csv", "--lang", "en", "--model", "effective-distance", "--group", GROUP,
                "--source", code(0), "North pair");
        assertThat(mixed.exit()).as(mixed.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("mixed.csv"))).isEqualTo(group);
    }

    @Test
    void seirSeededByAGroupHasTheFirstDayOfItsMembers() throws Exception {
        String[] common = {"--lang", "en", "--model", "seir", "--cases", dir.resolve("cases.csv").toString(),
                "--as-of", "2020-01-04", "--runs", "0", "--horizon-days", "5"};
        List<String> a = new ArrayList<>(List.of(common));
        a.addAll(List.of("--group", GROUP, "--source", "North pair"));
        CliHarness.Run byGroup = risk("seir-group.csv", a.toArray(String[]::new));
        assertThat(byGroup.exit()).as(byGroup.err()).isZero();
        List<String> b = new ArrayList<>(List.of(common));
        b.addAll(List.of("--source", code(0), code(3)));
        CliHarness.Run byCodes = risk("seir-codes.csv", b.toArray(String[]::new));
        assertThat(byCodes.exit()).as(byCodes.err()).isZero();
        List<String> g = Files.readAllLines(dir.resolve("seir-group.csv"));
        List<String> c = Files.readAllLines(dir.resolve("seir-codes.csv"));
        assertThat(g.get(0)).isEqualTo(c.get(0));
        assertThat(g.get(1)).isEqualTo(c.get(1));
        assertThat(g).isEqualTo(c);
        assertThat(sourcesLine(byGroup)).isEqualTo(sourcesLine(byCodes));
    }

    @Test
    void aSourceThatIsNeitherARegionNorAGroupIsNamed() {
        CliHarness.Run none = risk("x.csv", "--lang", "en", "--model", "effective-distance", "--source", "Nowhere");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--source Nowhere", "no region with this code", "--group Nowhere=")
                .doesNotContain("Exception");
        CliHarness.Run other = risk("x.csv", "--lang", "en", "--model", "effective-distance", "--group", GROUP,
                "--source", "South pair");
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("--source South pair", "no group of this name", "groups: North pair");
        CliHarness.Run zh = risk("x.csv", "--lang", "zh", "--model", "effective-distance", "--group", GROUP,
                "--source", "South pair");
        assertThat(zh.exit()).isEqualTo(2);
        assertThat(zh.err()).contains("--source South pair", "区域组", "North pair");
        CliHarness.Run badMember = risk("x.csv", "--lang", "en", "--model", "effective-distance", "--group",
                "Bad=110100,999999", "--source", "Bad");
        assertThat(badMember.exit()).isEqualTo(2);
        assertThat(badMember.err()).contains("999999");
        CliHarness.Run badGroup = risk("x.csv", "--lang", "en", "--model", "effective-distance", "--group",
                "nothing", "--source", code(0));
        assertThat(badGroup.exit()).isEqualTo(2);
        assertThat(badGroup.err()).contains("NAME=CODE,CODE");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void exportHeatmapRunsFromTheGroupsMembers() throws Exception {
        String[] sources = {"Sources (none)", "Sources (none)"};
        for (int k = 0; k < 2; k++) {
            Path pdf = dir.resolve("heat-" + k + ".pdf");
            List<String> a = new ArrayList<>(List.of("export", "--bundle", dir.resolve("b.epiflow").toString(),
                    "--identity", dir.resolve("officer.key").toString(), "--passphrase-file", pass.toString(),
                    "--trust", dir.resolve("carrier.pub").toString(), "--lang", "en", "--from", "2020-01-01",
                    "--to", "2020-01-05", "--format", "pdf", "--out", pdf.toString(), "--heatmap",
                    "effective-distance:effective_distance", "--group", GROUP, "--source"));
            a.addAll(k == 0 ? List.of("North pair") : List.of(code(0), code(3)));
            CliHarness.Run r = run(a.toArray(String[]::new));
            assertThat(r.exit()).as(r.err()).isZero();
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                int at = text.indexOf("Sources ");
                assertThat(at).as(text).isGreaterThanOrEqualTo(0);
                sources[k] = text.substring(at, Math.min(text.length(), at + 60));
            }
        }
        assertThat(sources[0]).contains(code(0)).isEqualTo(sources[1]);
    }
}
