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
import static org.assertj.core.api.Assertions.within;
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
        // the existing columns keep their names and order; the intervals and 1 − p follow them
        assertThat(rows.get(0)).startsWith("rank", "code", "name", "import_probability", "expected_imported",
                "imported_per_100k", "trips_from_infected_regions", "local_cases", "population",
                "expected_imported_lower", "expected_imported_upper", "import_probability_lower",
                "import_probability_upper", "no_import_probability").endsWith("flag", "drivers");
        assertThat(rows).hasSize(N + 1);
        assertThat(rows.get(1)[1]).isEqualTo(code(1));
        assertThat(rows.get(1)[rows.get(0).length - 1]).startsWith(code(0) + ":");
        assertThat(Double.parseDouble(rows.get(1)[9])).isLessThanOrEqualTo(Double.parseDouble(rows.get(1)[4]));
        assertThat(Double.parseDouble(rows.get(1)[10])).isGreaterThanOrEqualTo(Double.parseDouble(rows.get(1)[4]));
        assertThat(r.out()).contains("Travel 2020-01-01 – 2020-01-03").contains("Cases as of 2020-01-03");
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
        // the source is listed first, marked as the source and not ranked
        assertThat(rows.get(1)[1]).isEqualTo(code(0));
        assertThat(rows.get(1)[0]).isEmpty();
        assertThat(rows.get(1)[3]).isEmpty();
        assertThat(rows.get(1)[rows.get(0).length - 2]).isEqualTo("source");
        assertThat(rows.get(2)[0]).isEqualTo("1");
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

    /** Issue 14 item 2: the fitted R0 does not depend on the starting value, and comes with its interval. */
    @Test
    void seirFitsR0WhateverTheStartingValue() throws Exception {
        double[] fitted = new double[2];
        String[] guesses = {"1.2", "5"};
        for (int g = 0; g < 2; g++) {
            CliHarness.Run r = risk("seir", "--cases", dir.resolve("cases.csv").toString(), "--fit-r0", "--r0",
                    guesses[g], "--ascertainment", "0.5", "--report-delay", "1", "--contact-reduction", "0.4",
                    "--travel-reduction", "0.2", "--reduction-from", "2020-01-06", "--runs", "0", "--json");
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode summary = new ObjectMapper().readTree(dir.resolve("seir.out").toFile()).get("summary");
            fitted[g] = summary.get("fittedR0").asDouble();
            assertThat(summary.get("fittedR0Lower").asDouble()).isLessThanOrEqualTo(fitted[g]);
            assertThat(summary.get("fittedR0Upper").asDouble()).isGreaterThanOrEqualTo(fitted[g]);
            assertThat(summary.get("contactReduction").asDouble()).isEqualTo(0.4);
            assertThat(summary.get("reductionFrom").asText()).isEqualTo("2020-01-06");
            assertThat(r.out()).contains("R0 fitted to the cases");
        }
        assertThat(fitted[1]).isCloseTo(fitted[0], within(0.01));
    }

    @Test
    void observedExpectedTakesItsOwnExposureWindow() throws Exception {
        CliHarness.Run r = risk("observed-expected", "--cases", dir.resolve("cases.csv").toString(), "--from",
                "2020-01-01", "--to", "2020-01-03", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("observed-expected.out").toFile());
        assertThat(json.get("summary").get("to").asText()).isEqualTo("2020-01-03");
        assertThat(json.get("summary").get("asOf").asText()).isEqualTo("2020-01-09");
        JsonNode row = null;
        for (JsonNode x : json.get("rows")) {
            if (x.get("code").asText().equals(code(1))) {
                row = x;
            }
        }
        // trips of 3 days only: region 1 receives 4000 a day from region 0
        assertThat(row.get("trips_from_sources").asDouble()).isEqualTo(12_000);
        assertThat(row.has("observed_expected_ratio")).isTrue();
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
        assertThat(r.err()).contains("Line 2, column region: Unknown region '999999'");
        assertThat(dir.resolve("importation.out")).doesNotExist();
    }

    @Test
    void usageErrors() {
        assertThat(risk("nonsense").exit()).isEqualTo(2);
        CliHarness.Run noSource = risk("effective-distance");
        assertThat(noSource.exit()).isEqualTo(2);
        assertThat(noSource.err()).contains("Type source regions");
        assertThat(risk("importation", "--infected", code(0) + "=1", "--as-of", "2021-01-01").err())
                .contains("outside the bundle's period");
    }
}
