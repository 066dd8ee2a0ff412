package org.epiflow.data.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the demo's plaintext files: the bureau's case table, the hidden truth, and the README. */
final class DemoFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DemoFiles() {
    }

    static void writeCases(Path file, DemoScenario s) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
            s.cases().writeCsv(out, "cases");
        }
    }

    static void writeTruthCsv(Path file, DemoScenario s) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
            s.infections().writeCsv(out, "infections");
        }
    }

    static void writeTruthJson(Path file, DemoScenario s) throws IOException {
        EpidemicParameters p = s.parameters();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", "EpiFlow demo (synthetic)");
        root.put("seed", s.seed());
        root.put("bundleId", s.dataset().info().bundleId());
        root.put("period", ordered("start", DemoCalendar.START.toString(), "end", DemoCalendar.END.toString()));
        root.put("seedRegion", ordered("code", s.seedRegion().code(), "name", s.seedRegion().name(),
                "nameEn", s.seedRegion().nameEn()));
        root.put("seedDate", DemoCalendar.START.toString());
        Map<String, Object> epidemic = new LinkedHashMap<>();
        epidemic.put("model", "stochastic metapopulation SEIR, daily steps, binomial transitions");
        epidemic.put("initialExposed", p.initialExposed());
        epidemic.put("initialInfectious", p.initialInfectious());
        epidemic.put("r0", p.r0());
        epidemic.put("latentDays", p.latentDays());
        epidemic.put("infectiousDays", p.infectiousDays());
        epidemic.put("contactFactor", p.contactFactor());
        epidemic.put("contactRampDays", p.contactRampDays());
        epidemic.put("ascertainment", p.ascertainment());
        epidemic.put("reportDelayMeanDays", p.reportDelayMean());
        epidemic.put("reportDelaySdDays", p.reportDelaySd());
        epidemic.put("reportDelayMaxDays", p.reportDelayMax());
        root.put("epidemic", epidemic);
        Map<String, Object> calendar = new LinkedHashMap<>();
        calendar.put("festival", DemoCalendar.FESTIVAL.toString());
        calendar.put("exodusDays", DemoCalendar.EXODUS_DAYS);
        calendar.put("restrictions", DemoCalendar.RESTRICTIONS.toString());
        calendar.put("restrictedLevel", DemoCalendar.RESTRICTED_LEVEL);
        calendar.put("recoveryStart", DemoCalendar.RECOVERY_START.toString());
        calendar.put("recoveredLevel", DemoCalendar.RECOVERED_LEVEL);
        root.put("calendar", calendar);
        Map<String, Object> mobility = new LinkedHashMap<>();
        mobility.put("gravity", ordered("alpha", MobilityModel.ALPHA, "d0Km", MobilityModel.D0_KM,
                "gamma", MobilityModel.GAMMA, "sameProvinceFactor", MobilityModel.SAME_PROVINCE,
                "partnersPerOrigin", MobilityModel.PARTNERS, "baselineTripsPerDay", MobilityModel.BASELINE_TOTAL));
        mobility.put("festival", ordered("hubs", MobilityModel.HUBS, "migrantShare", MobilityModel.MIGRANT_SHARE,
                "destinationsPerHub", MobilityModel.MIGRANT_DESTINATIONS, "d0Km", MobilityModel.MIGRANT_D0_KM,
                "gamma", MobilityModel.MIGRANT_GAMMA));
        mobility.put("noiseSigma", Mobility.NOISE_SIGMA);
        mobility.put("pairs", s.mobility().model().pairCount());
        root.put("mobility", mobility);
        DemoFigures f = s.figures();
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("infections", f.infections());
        totals.put("reportedCases", f.reportedCases());
        int infected = 0;
        for (int i = 0; i < s.infections().regions().size(); i++) {
            if (s.infections().totalFor(i) > 0) {
                infected++;
            }
        }
        totals.put("regionsWithInfections", infected);
        totals.put("publishedFlowCells", f.publishedCells());
        totals.put("suppressedFlowCells", f.suppressedCells());
        totals.put("publishedTrips", f.publishedTrips());
        root.put("totals", totals);
        root.put("files", List.of("truth.csv: date,region,infections — true new infections per day (rows > 0)",
                "cases.csv: date,region,cases — reported new cases per day (rows > 0)"));
        Files.write(file, JSON.writeValueAsBytes(root), StandardOpenOption.CREATE_NEW);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static void writeReadme(Path file, DemoScenario s, boolean defaultPassphrase) throws IOException {
        DemoFigures f = s.figures();
        String pass = defaultPassphrase
                ? "The passphrase of officer.key is: " + DemoInstaller.DEFAULT_PASSPHRASE
                : "officer.key is protected by the passphrase given when the demo was made.";
        String text = """
                EpiFlow demo scenario — SYNTHETIC DATA, for trying EpiFlow out
                ==============================================================

                demo.epiflow  A sealed bundle, as a carrier would send it: daily trips between China's 367
                              prefecture-level units, %s to %s, %,d published cells (k = %d),
                              plus daily residents. Signed with carrier.key, encrypted to officer.key.
                officer.key   The officer's identity (age X25519, passphrase-protected).
                              %s
                carrier.pub   The trust store: the demo carrier's public signing key.
                carrier.key   The demo carrier's signing key, UNENCRYPTED. Fine for a demo only: a real
                              carrier's key is protected and never leaves the carrier.
                cases.csv     The bureau's own surveillance: reported new cases per day and region
                              (date,region,cases), %,d cases in total.
                truth.csv     HIDDEN TRUTH for validating models: true new infections per day and region
                              (date,region,infections), %,d in total. Do not show it to the models.
                truth.json    The rest of the truth: seed %d, the epidemic started in %s (%s) on %s,
                              and every model parameter.

                Open it:  epiflow inspect --identity officer.key --trust carrier.pub demo.epiflow
                Remake it: epiflow demo --out DIR --seed %d
                Trips, migration and epidemic are modelled, not measured: see docs/demo.md.
                """.formatted(DemoCalendar.START, DemoCalendar.END, f.publishedCells(), DemoScenario.K, pass,
                f.reportedCases(), f.infections(), s.seed(), f.seedRegionName(), f.seedRegionCode(),
                DemoCalendar.START, s.seed());
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    }
}
