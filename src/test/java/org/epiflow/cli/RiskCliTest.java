package org.epiflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
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

/** {@code epiflow risk} on a bundle sealed through the real command line, for every model. */
class RiskCliTest {
    private static final int N = 8;
    private static final LocalDate START = LocalDate.of(2020, 1, 1);
    @TempDir
    Path dir;
    Path pass;

    static String code(int i) {
        return String.valueOf(110100 + i * 10000);
    }

    @BeforeEach
    void sealBundle() throws Exception {
        pass = write(dir, "officer.pass", "officer passphrase\n");
        CliHarness.Run officer = run("keygen", "officer", "--out", dir.resolve("officer.key").toString(),
                "--passphrase-file", pass.toString(), "--work-factor", "10");
        assertThat(officer.exit()).as(officer.err()).isZero();
        assertThat(run("keygen", "carrier", "--out", dir.resolve("carrier.key").toString(), "--no-passphrase")
                .exit()).isZero();
        StringBuilder regions = new StringBuilder("code,name,name_en,level,parent,lat,lon,population\n");
        for (int i = 0; i < N; i++) {
            regions.append(code(i)).append(",市").append(i).append(",City ").append(i).append(",prefecture,")
                    .append(code(i).substring(0, 2)).append("0000,").append(30 + i).append(",").append(110 + i)
                    .append(",").append(1_000_000 * (i + 1)).append('\n');
        }
        write(dir, "regions.csv", regions.toString());
        StringBuilder flows = new StringBuilder("date,origin,destination,trips\n");
        for (int d = 0; d < 10; d++) {
            for (int o = 0; o < N; o++) {
                for (int t = 0; t < N; t++) {
                    if (o != t) {
                        // region 0 sends most to 1, then 2, …; the rest trade a little; 7 → 6 only 5 trips (< k)
                        int trips = o == 0 ? 4000 / t : (o == 7 && t == 6 ? 5 : 50 + 10 * ((o + t) % 3));
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
        StringBuilder cases = new StringBuilder("date,region,cases\n");
        cases.append("2020-01-01,").append(code(0)).append(",20\n");
        cases.append("2020-01-02,").append(code(0)).append(",30\n");
        for (int i = 1; i < N; i++) {
            cases.append(START.plusDays(1 + i)).append(',').append(code(i)).append(',').append(40 / i).append('\n');
        }
        cases.append("2020-01-08,").append(code(3)).append(",60\n");
        write(dir, "cases.csv", cases.toString());
    }

    CliHarness.Run risk(String model, String... extra) {
        List<String> args = new ArrayList<>(List.of("risk", "--bundle", dir.resolve("b.epiflow").toString(),
                "--identity", dir.resolve("officer.key").toString(), "--passphrase-file", pass.toString(), "--trust",
                dir.resolve("carrier.pub").toString(), "--model", model, "--out",
                dir.resolve(model + ".out").toString()));
        args.addAll(Arrays.asList(extra));
        return run(args.toArray(String[]::new));
    }

    List<String[]> csv(String model) throws Exception {
        return Files.readAllLines(dir.resolve(model + ".out")).stream().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void importation() throws Exception {
        CliHarness.Run r = risk("importation", "--cases", dir.resolve("cases.csv").toString(), "--as-of",
                "2020-01-03");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("importation: 8 regions written");
        List<String[]> rows = csv("importation");
        assertThat(rows.get(0)).containsExactly("rank", "code", "name", "import_probability", "expected_imported",
                "imported_per_100k", "trips_from_infected_regions", "local_cases", "population", "flag", "drivers");
        assertThat(rows).hasSize(N + 1);
        assertThat(rows.get(1)[1]).isEqualTo(code(1));
        assertThat(rows.get(1)[10]).startsWith(code(0) + ":");
        double prev = 1;
        for (String[] row : rows.subList(1, rows.size())) {
            double p = Double.parseDouble(row[3]);
            assertThat(p).isLessThanOrEqualTo(prev);
            prev = p;
        }
    }

    @Test
    void importationFromHandSeedsAsJson() throws Exception {
        CliHarness.Run r = risk("importation", "--infected", code(0) + "=1000", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("importation.out").toFile());
        assertThat(json.get("model").asText()).isEqualTo("importation");
        assertThat(json.get("k").asInt()).isEqualTo(10);
        assertThat(json.get("rows")).hasSize(N);
        assertThat(json.get("rows").get(0).get("code").asText()).isEqualTo(code(1));
        assertThat(json.get("rows").get(0).get("drivers").get(0).get("share").asDouble()).isEqualTo(1.0);
    }

    @Test
    void effectiveDistance() throws Exception {
        CliHarness.Run r = risk("effective-distance", "--source", code(0), "--cases",
                dir.resolve("cases.csv").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String[]> rows = csv("effective-distance");
        assertThat(rows.get(0)).contains("effective_distance", "hops", "arrival_rank", "predicted_arrival_day");
        assertThat(rows.get(1)[1]).isEqualTo(code(0));
        assertThat(rows.get(1)[3]).isEqualTo("0");
        assertThat(rows.get(2)[1]).isEqualTo(code(1));
    }

    @Test
    void seir() throws Exception {
        CliHarness.Run r = risk("seir", "--cases", dir.resolve("cases.csv").toString(), "--as-of", "2020-01-05",
                "--runs", "20", "--horizon-days", "20", "--travel-reduction", "0.5", "--reduction-from",
                "2020-01-08", "--r0", "2.2");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String[]> rows = csv("seir");
        assertThat(rows.get(0)).contains("expected_infections", "infections_p05", "infections_p95",
                "arrival_probability", "peak_day");
        assertThat(rows.get(1)[1]).isEqualTo(code(0));
        assertThat(rows).hasSize(N + 1);
    }

    @Test
    void observedExpected() throws Exception {
        CliHarness.Run r = risk("observed-expected", "--cases", dir.resolve("cases.csv").toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("observed-expected.out").toFile());
        assertThat(json.get("summary").get("sources").get(0).asText()).isEqualTo(code(0));
        JsonNode first = json.get("rows").get(0);
        assertThat(first.has("expected_cases")).isTrue();
        assertThat(first.has("trips_from_sources")).isTrue();
    }

    @Test
    void refusesBadCasesWithLineAndColumn() throws Exception {
        write(dir, "bad.csv", "date,region,cases\n2020-01-01,999999,3\n");
        CliHarness.Run r = risk("importation", "--cases", dir.resolve("bad.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("line 2, column 'region': unknown region '999999'");
        assertThat(dir.resolve("importation.out")).doesNotExist();
    }

    @Test
    void usageErrors() {
        assertThat(risk("nonsense").exit()).isEqualTo(2);
        CliHarness.Run noSource = risk("effective-distance");
        assertThat(noSource.exit()).isEqualTo(2);
        assertThat(noSource.err()).contains("needs --source");
        assertThat(risk("importation", "--infected", code(0) + "=1", "--as-of", "2021-01-01").err())
                .contains("outside the bundle's period");
    }
}
