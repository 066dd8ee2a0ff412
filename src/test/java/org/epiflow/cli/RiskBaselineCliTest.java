package org.epiflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.epiflow.cli.CliHarness.run;
import static org.epiflow.cli.CliHarness.write;

/**
 * {@code epiflow risk --baseline-from … --baseline-to …} on two bundles sealed through the command line, with
 * figures computed by hand (issue 15 item 1, heatmap columns): the same bundle's earlier days, and a 2019 bundle of
 * the same geography that lacks two of the regions.
 */
class RiskBaselineCliTest {
    @TempDir
    static Path dir;
    static Path pass;
    static final String A = "110100", B = "120100", C = "130100", D = "140100";

    @BeforeAll
    static void seal() throws Exception {
        pass = write(dir, "officer.pass", "officer passphrase\n");
        CliHarness.Run officer = run("keygen", "officer", "--out", dir.resolve("officer.key").toString(),
                "--passphrase-file", pass.toString(), "--work-factor", "10");
        assertThat(officer.exit()).as(officer.err()).isZero();
        assertThat(run("keygen", "carrier", "--out", dir.resolve("carrier.key").toString(), "--no-passphrase")
                .exit()).isZero();
        write(dir, "regions.csv", """
                code,name,name_en,level,parent,lat,lon,population
                110100,北京市,Beijing,prefecture,110000,39.9,116.4,1000000
                120100,天津市,Tianjin,prefecture,120000,39.1,117.2,500000
                130100,石家庄市,Shijiazhuang,prefecture,130000,38.0,114.5,2000000
                140100,太原市,Taiyuan,prefecture,140000,37.9,112.5,1000000
                """);
        // 2020-01-01/02 (the baseline) A→B 1,000, A→C 400; 2020-01-03/04 A→B 1,500, A→C 403, A→D 500; C→D 50 daily
        StringBuilder f = new StringBuilder("date,origin,destination,trips\n");
        for (int d = 1; d <= 4; d++) {
            String day = "2020-01-0" + d;
            boolean after = d > 2;
            f.append(day).append(",110100,120100,").append(after ? 1500 : 1000).append('\n');
            f.append(day).append(",110100,130100,").append(after ? 403 : 400).append('\n');
            if (after) {
                f.append(day).append(",110100,140100,500\n");
            }
            f.append(day).append(",130100,140100,50\n");
        }
        write(dir, "flows.csv", f.toString());
        sealBundle("regions.csv", "flows.csv", "b2020.epiflow", officer.out().trim());
        write(dir, "regions2019.csv", """
                code,name,name_en,level,parent,lat,lon,population
                120100,天津市,Tianjin,prefecture,120000,39.1,117.2,500000
                110100,北京市,Beijing,prefecture,110000,39.9,116.4,1000000
                """);
        StringBuilder g = new StringBuilder("date,origin,destination,trips\n");
        for (int d = 1; d <= 5; d++) {
            g.append("2019-01-0").append(d).append(",110100,120100,800\n");
        }
        write(dir, "flows2019.csv", g.toString());
        sealBundle("regions2019.csv", "flows2019.csv", "b2019.epiflow", officer.out().trim());
    }

    private static void sealBundle(String regions, String flows, String out, String officer) {
        CliHarness.Run sealed = run("seal", "--regions", dir.resolve(regions).toString(), "--flows",
                dir.resolve(flows).toString(), "--k", "10", "--expires", "2099-12-31", "--sign",
                dir.resolve("carrier.key").toString(), "--issuer", "Test", "--to", officer, "--out",
                dir.resolve(out).toString());
        assertThat(sealed.exit()).as(sealed.err()).isZero();
    }

    static CliHarness.Run risk(String out, String... extra) {
        List<String> args = new ArrayList<>(List.of("risk", "--bundle", dir.resolve("b2020.epiflow").toString(),
                "--identity", dir.resolve("officer.key").toString(), "--passphrase-file", pass.toString(), "--trust",
                dir.resolve("carrier.pub").toString(), "--model", "importation", "--infected", A + "=0.1%",
                "--from", "2020-01-03", "--to", "2020-01-04", "--as-of", "2020-01-04", "--out",
                dir.resolve(out).toString()));
        args.addAll(Arrays.asList(extra));
        return run(args.toArray(String[]::new));
    }

    /** The CSV read back: code → column → text. */
    static Map<String, Map<String, String>> read(String out) throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve(out));
        String[] header = lines.get(0).split(",", -1);
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",", -1);
            assertThat(c).hasSameSizeAs(header);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                m.put(header[i], c[i]);
            }
            rows.put(m.get("code"), m);
        }
        return rows;
    }

    @Test
    void sameBundleEarlierDaysByHand() throws Exception {
        CliHarness.Run r = risk("same.csv", "--baseline-from", "2020-01-01", "--baseline-to", "2020-01-02",
                "--lang", "en");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("baseline 2020-01-01 – 2020-01-02, aligned by date");
        List<String> header = List.of(Files.readAllLines(dir.resolve("same.csv")).get(0).split(","));
        // the existing columns first, unchanged, then three per column
        assertThat(header).startsWith("rank", "code", "name", "import_probability", "expected_imported");
        assertThat(header.subList(0, header.indexOf("drivers") + 1)).doesNotContain("expected_imported_change");
        assertThat(header).contains("expected_imported_baseline", "expected_imported_change",
                "expected_imported_change_percent", "import_probability_change", "population_change_percent");
        Map<String, Map<String, String>> rows = read("same.csv");
        Map<String, String> b = rows.get(B);
        assertThat(Double.parseDouble(b.get("expected_imported"))).isCloseTo(3.0, within(1e-9));
        assertThat(Double.parseDouble(b.get("expected_imported_baseline"))).isCloseTo(2.0, within(1e-9));
        assertThat(Double.parseDouble(b.get("expected_imported_change"))).isCloseTo(1.0, within(1e-9));
        assertThat(Double.parseDouble(b.get("expected_imported_change_percent"))).isCloseTo(50.0, within(1e-9));
        // percentage points
        assertThat(Double.parseDouble(b.get("import_probability_change")))
                .isCloseTo((Math.exp(-2) - Math.exp(-3)) * 100, within(1e-9));
        assertThat(b.get("trips_from_infected_regions_change")).isEqualTo("1000");
        // Shijiazhuang: 806 trips against 800: a change of 6 < k is not published, nor its percent
        Map<String, String> c = rows.get(C);
        assertThat(c.get("trips_from_infected_regions_baseline")).isEqualTo("800");
        assertThat(c.get("trips_from_infected_regions_change")).isEqualTo("<10");
        assertThat(c.get("trips_from_infected_regions_change_percent")).isEmpty();
        // Taiyuan had no trips from Beijing in the baseline: +1,000 trips, and no percent of 0
        Map<String, String> d = rows.get(D);
        assertThat(d.get("trips_from_infected_regions_baseline")).isEqualTo("0");
        assertThat(d.get("trips_from_infected_regions_change")).isEqualTo("1000");
        assertThat(d.get("trips_from_infected_regions_change_percent")).isEmpty();
        assertThat(d.get("expected_imported_change_percent")).isEmpty();
    }

    @Test
    void baselineFromAnotherBundleAndRegionsItLacks() throws Exception {
        CliHarness.Run r = risk("other.csv", "--baseline-from", "2019-01-03", "--baseline-to", "2019-01-04",
                "--baseline-bundle", dir.resolve("b2019.epiflow").toString(), "--lang", "zh");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("基期 2019-01-03 至 2019-01-04", "按日期对齐");
        Map<String, Map<String, String>> rows = read("other.csv");
        // Tianjin: 2 × 800 × 0.001 = 1.6 in 2019 → +1.4, +87.5 %
        assertThat(Double.parseDouble(rows.get(B).get("expected_imported_baseline"))).isCloseTo(1.6, within(1e-9));
        assertThat(Double.parseDouble(rows.get(B).get("expected_imported_change_percent")))
                .isCloseTo(87.5, within(1e-9));
        // Shijiazhuang is not in the 2019 bundle: empty, never 0
        for (String col : List.of("expected_imported_baseline", "expected_imported_change",
                "expected_imported_change_percent", "trips_from_infected_regions_baseline")) {
            assertThat(rows.get(C).get(col)).as(col).isEmpty();
        }
    }

    @Test
    void jsonCarriesTheBaseline() throws Exception {
        CliHarness.Run r = risk("same.json", "--baseline-from", "2019-12-25", "--baseline-to", "2019-12-26",
                "--align", "weekday", "--json");
        // 2019-12-25 is outside the bundle
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not in the baseline bundle");
        r = risk("same.json", "--baseline-from", "2020-01-01", "--baseline-to", "2020-01-02", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("same.json").toFile());
        assertThat(json.path("baseline").path("from").asText()).isEqualTo("2020-01-01");
        assertThat(json.path("baseline").path("alignment").asText()).isEqualTo("date");
        assertThat(json.path("baseline").path("changeUnits").path("import_probability_change").asText())
                .isEqualTo("change in percentage points");
        for (JsonNode row : json.path("rows")) {
            if (row.path("code").asText().equals(C)) {
                assertThat(row.path("trips_from_infected_regions_change").asText()).isEqualTo("<10");
            }
        }
    }

    @Test
    void refusalsAreUsageErrorsInBothLanguages() {
        CliHarness.Run r = risk("x.csv", "--align", "weekday", "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--align applies with a baseline");
        r = risk("x.csv", "--baseline-from", "2020-01-01", "--baseline-to", "2020-01-01", "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("has 1 days but the period");
        r = risk("x.csv", "--baseline-from", "2020-01-01", "--baseline-to", "2020-01-01", "--lang", "zh");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("请选择与对比期天数相同的基期");
    }
}
