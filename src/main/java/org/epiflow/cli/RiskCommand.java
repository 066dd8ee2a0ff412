package org.epiflow.cli;

import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.cases.CaseCsvReader;
import org.epiflow.analytics.cases.CaseImportException;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.cases.Seeds;
import org.epiflow.analytics.distance.EffectiveDistance;
import org.epiflow.analytics.importation.ImportationParameters;
import org.epiflow.analytics.importation.ImportationRisk;
import org.epiflow.analytics.observed.ObservedExpected;
import org.epiflow.analytics.seir.SeirForecast;
import org.epiflow.analytics.seir.SeirParameters;
import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Period;
import org.epiflow.text.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code epiflow risk}: runs one spread-risk model on a bundle and writes one row per region, most exposed first. */
@Command(name = "risk", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a spread-risk model on a bundle (and optional case counts) and write one row per region, "
                + "most exposed first (CSV, or JSON with --json). Models: docs/risk-models.md.")
final class RiskCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bundle", required = true, description = "the bundle (.epiflow)")
    Path bundle;

    @Mixin
    OfficerOptions officer;

    @Option(names = "--model", required = true, converter = RiskModelName.Converter.class,
            description = "importation | effective-distance | seir | observed-expected")
    RiskModelName model;

    @Option(names = "--cases", description = "cases.csv: date,region,cases (new cases a day)")
    Path cases;

    @Option(names = "--cumulative", description = "the cases file holds running totals, not daily counts")
    boolean cumulative;

    @Option(names = "--source", arity = "1..*", paramLabel = "CODE",
            description = "source region(s); default: the region(s) with the earliest reported case")
    List<String> sources = new ArrayList<>();

    @Option(names = "--infected", arity = "1..*", paramLabel = "CODE=N|P%",
            description = "infectious people typed by hand (importation, seir), e.g. 420100=5000 or 420100=0.05%%")
    List<String> infected = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "last day used (default: last reported case date, else the bundle's last day)")
    LocalDate asOf;

    @Option(names = "--from", paramLabel = "DATE", description = "first day of the travel window (default: the "
            + "bundle's first day)")
    LocalDate from;

    @Option(names = "--both-directions", description = "importation: also count residents returning from infected "
            + "regions")
    boolean bothDirections;

    @Option(names = "--infectious-window", defaultValue = "7", description = "importation: days a reported case "
            + "counts as infectious (default ${DEFAULT-VALUE})")
    int infectiousWindow;

    @Option(names = "--ascertainment", defaultValue = "1", description = "share of infections reported "
            + "(default ${DEFAULT-VALUE})")
    double ascertainment;

    @Option(names = "--r0", description = "seir: basic reproduction number (default 2.5)")
    Double r0;

    @Option(names = "--beta", description = "seir: transmission rate per day instead of R0 (R0 = β × infectious days)")
    Double beta;

    @Option(names = "--fit-r0", description = "seir: also fit R0 to the cases")
    boolean fitR0;

    @Option(names = "--latent-days", defaultValue = "4", description = "seir: mean latent period (default "
            + "${DEFAULT-VALUE})")
    double latentDays;

    @Option(names = "--infectious-days", defaultValue = "5", description = "seir: mean infectious period (default "
            + "${DEFAULT-VALUE})")
    double infectiousDays;

    @Option(names = "--travel-reduction", defaultValue = "0", description = "seir: share of trips removed from "
            + "--reduction-from on, 0..1 (default ${DEFAULT-VALUE})")
    double travelReduction;

    @Option(names = "--contact-reduction", defaultValue = "0", description = "seir: share of transmission removed "
            + "from --reduction-from on, 0..1 (default ${DEFAULT-VALUE})")
    double contactReduction;

    @Option(names = "--reduction-from", paramLabel = "DATE", description = "seir: first day of the reductions")
    LocalDate reductionFrom;

    @Option(names = "--start", paramLabel = "DATE", description = "seir: first simulated day (default: the bundle's "
            + "first day)")
    LocalDate start;

    @Option(names = "--horizon-days", defaultValue = "60", description = "seir: days forecast after --as-of "
            + "(default ${DEFAULT-VALUE})")
    int horizonDays;

    @Option(names = "--report-delay", defaultValue = "0", description = "seir: days from infection to report, for "
            + "calibration (default ${DEFAULT-VALUE})")
    int reportDelay;

    @Option(names = "--runs", defaultValue = "200", description = "seir: stochastic runs, 0 for the deterministic run "
            + "only (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--seed", defaultValue = "1", description = "seir: random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--level", defaultValue = "0.95", description = "observed-expected: prediction interval level "
            + "(default ${DEFAULT-VALUE})")
    double level;

    @Option(names = "--json", description = "write JSON instead of CSV")
    boolean json;

    @Option(names = "--out", required = true, description = "the result file")
    Path out;

    @Override
    public Integer call() throws Exception {
        AggregateDataset data;
        BundleReader reader = new BundleReader(officer.trustStore());
        RiskResult result;
        try (AgeIdentity id = officer.unlock();
             CliWorkspace ws = CliWorkspace.open(spec, id, officer.identity)) {
            data = ws.openBundle(reader, bundle, id).data();
            result = run(data);
            var json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
            ws.riskRun(result.model(), json.writeValueAsString(java.util.Map.of("command",
                    String.join(" ", spec.commandLine().getParseResult().originalArgs()))),
                    json.writeValueAsString(result.summary()), data.info().bundleId());
        }
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".risk-", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                if (json) {
                    result.writeJson(w);
                } else {
                    result.writeCsv(w);
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        var top = result.rows().isEmpty() ? null : result.rows().get(0);
        var t = EpiflowCommand.texts(spec);
        spec.commandLine().getOut().println(top == null
                ? t.get("cli.risk.done", result.model(), result.rows().size(), out)
                : t.get("cli.risk.doneTop", result.model(), result.rows().size(), out, top.code(),
                        t.chinese() ? top.name() : nameEn(data, top.code(), top.name())));
        return 0;
    }

    RiskResult run(AggregateDataset data) throws IOException, CliException {
        Period period = data.info().period();
        CaseTable table = null;
        if (cases != null) {
            try {
                table = new CaseCsvReader(period, data.regions(), cumulative).read(cases);
            } catch (CaseImportException e) {
                throw CliException.of(e, 1);
            }
        }
        int last = period.days() - 1;
        int asOfDay = asOf != null ? day(period, asOf, "--as-of")
                : table != null && table.lastReportedDay() >= 0 ? table.lastReportedDay() : last;
        int fromDay = from != null ? day(period, from, "--from") : 0;
        if (fromDay > asOfDay) {
            throw new CliException(Message.of("cli.risk.fromAfterAsOf", period.day(fromDay).toString(),
                    period.day(asOfDay).toString()), 2);
        }
        List<Seeds.Seed> seeds;
        try {
            seeds = Seeds.parse(infected, data.regions());
        } catch (IllegalArgumentException e) {
            throw CliException.of(e, 2);
        }
        int[] src = sources(data, table, asOfDay);
        try {
            return switch (model) {
                case IMPORTATION -> {
                    ImportationParameters p = new ImportationParameters(fromDay, asOfDay, bothDirections,
                            infectiousWindow, ascertainment);
                    if (!seeds.isEmpty()) {
                        yield ImportationRisk.fromSeeds(data, seeds, p);
                    }
                    if (table == null) {
                        throw new CliException(Message.of("cli.risk.importationNeeds"), 2);
                    }
                    yield ImportationRisk.fromCases(data, table, p);
                }
                case EFFECTIVE_DISTANCE -> EffectiveDistance.compute(data, need(src), fromDay, asOfDay, table);
                case OBSERVED_EXPECTED -> {
                    if (table == null) {
                        throw new CliException(Message.of("cli.risk.observedNeeds"), 2);
                    }
                    yield ObservedExpected.compute(data, table, need(src), fromDay, asOfDay, level);
                }
                case SEIR -> {
                    double r = beta != null ? beta * infectiousDays : r0 != null ? r0 : 2.5;
                    SeirParameters p = new SeirParameters(r, latentDays, infectiousDays, travelReduction,
                            contactReduction, reductionFrom == null ? Integer.MAX_VALUE
                            : (int) (reductionFrom.toEpochDay() - period.start().toEpochDay()));
                    int startDay = start != null ? day(period, start, "--start") : 0;
                    if (seeds.isEmpty() && table == null) {
                        throw new CliException(Message.of("cli.risk.seirNeeds"), 2);
                    }
                    yield SeirForecast.compute(data, table, new SeirForecast.Settings(p, startDay,
                            Math.max(asOfDay, startDay), horizonDays, seeds.isEmpty() ? need(src) : src, seeds,
                            ascertainment, reportDelay, fitR0, runs, seed)).result();
                }
            };
        } catch (IllegalArgumentException e) {
            throw new CliException(Message.of("cli.risk.failed", model.label(), ExitCodes.reason(e)));
        }
    }

    /** The English name of a region (the result rows carry the Chinese one), falling back to it. */
    private static String nameEn(AggregateDataset data, String code, String fallback) {
        int i = data.regions().indexOf(code);
        String en = i < 0 ? null : data.regions().get(i).nameEn();
        return en == null || en.isBlank() ? fallback : en;
    }

    private int[] need(int[] src) throws CliException {
        if (src.length == 0) {
            throw new CliException(Message.of("cli.risk.needsSource", model.label()), 2);
        }
        return src;
    }

    private int[] sources(AggregateDataset data, CaseTable table, int asOfDay) throws CliException {
        if (!sources.isEmpty()) {
            int[] out = new int[sources.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = data.regions().indexOf(sources.get(i));
                if (out[i] < 0) {
                    throw new CliException(Message.of("cli.risk.noSuchSource", sources.get(i)), 2);
                }
            }
            return out;
        }
        if (table == null) {
            return new int[0];
        }
        int first = Integer.MAX_VALUE;
        for (int i = 0; i < data.regions().size(); i++) {
            int d = table.firstCaseDay(i);
            if (d >= 0 && d <= asOfDay) {
                first = Math.min(first, d);
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < data.regions().size(); i++) {
            if (first != Integer.MAX_VALUE && table.firstCaseDay(i) == first) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int day(Period period, LocalDate date, String option) throws CliException {
        if (!period.contains(date)) {
            throw new CliException(Message.of("cli.risk.outsidePeriod", option, date.toString(),
                    period.start().toString(), period.day(period.days() - 1).toString()), 2);
        }
        return (int) (date.toEpochDay() - period.start().toEpochDay());
    }
}
