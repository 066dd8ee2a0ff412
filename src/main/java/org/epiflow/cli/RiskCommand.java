package org.epiflow.cli;

import org.epiflow.analytics.ModelParameters;
import org.epiflow.analytics.ParameterSpec;
import org.epiflow.analytics.RiskInputException;
import org.epiflow.analytics.RiskModel;
import org.epiflow.analytics.RiskModelException;
import org.epiflow.analytics.RiskModels;
import org.epiflow.analytics.RiskRequest;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.cases.CaseCsvReader;
import org.epiflow.analytics.cases.CaseImportException;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.cases.ReportingDelay;
import org.epiflow.analytics.distance.DistanceParameters;
import org.epiflow.analytics.importation.ImportationParameters;
import org.epiflow.analytics.observed.ObservedParameters;
import org.epiflow.analytics.seir.ForecastParameters;
import org.epiflow.analytics.seir.SeirParameters;
import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.model.AggregateDataset;
import org.epiflow.text.Message;
import org.epiflow.text.Texts;
import picocli.CommandLine;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code epiflow risk}: parses its options into a {@link RiskRequest}, runs it through {@link RiskModels} and writes
 * one row per region, most exposed first. Defaults and ranges come from the models' parameter declarations.
 */
@Command(name = "risk", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = RiskCommand.Defaults.class,
        description = "Run a spread-risk model on a bundle (and optional case counts) and write one row per region, "
                + "most exposed first (CSV, or JSON with --json). Models: docs/risk-models.md.")
final class RiskCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bundle", required = true, description = "the bundle (.epiflow)")
    Path bundle;

    @Mixin
    OfficerOptions officer;

    @Option(names = "--model", required = true, converter = ModelConverter.class,
            description = "importation | effective-distance | seir | observed-expected")
    RiskModel model;

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
            description = "last day of case reports used (default: last reported case date, else the bundle's last "
                    + "day)")
    LocalDate asOf;

    @Option(names = "--from", paramLabel = "DATE", description = "first day of the travel (exposure) window "
            + "(default: the bundle's first day)")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "last day of the travel (exposure) window "
            + "(default: the as-of day)")
    LocalDate to;

    @Option(names = "--both-directions", description = "importation: also count residents returning from infected "
            + "regions")
    boolean bothDirections;

    @Option(names = "--infectious-window", description = "importation: days an infection counts as carried by a "
            + "traveller (default ${DEFAULT-VALUE})")
    int infectiousWindow;

    @Option(names = "--ascertainment", description = "importation, seir: share of infections reported "
            + "(default ${DEFAULT-VALUE})")
    double ascertainment;

    @Option(names = "--report-delay", description = "importation, seir: mean days from infection to report, for "
            + "the nowcast and the calibration (default ${DEFAULT-VALUE})")
    double reportDelay;

    @Option(names = "--report-delay-sd", description = "importation, seir: standard deviation of that delay, days; "
            + "0 = a fixed delay (default ${DEFAULT-VALUE})")
    double reportDelaySd;

    @Option(names = "--r0", description = "seir: basic reproduction number, the starting value with --fit-r0 "
            + "(default ${DEFAULT-VALUE})")
    double r0;

    @Option(names = "--beta", description = "seir: transmission rate per day instead of R0 (R0 = β × infectious days)")
    Double beta;

    @Option(names = "--fit-r0", description = "seir: fit R0 and the number infected at the start jointly to the "
            + "cases (Poisson likelihood, 95 % interval)")
    boolean fitR0;

    @Option(names = "--latent-days", description = "seir: mean latent period (default ${DEFAULT-VALUE})")
    double latentDays;

    @Option(names = "--infectious-days", description = "seir: mean infectious period (default ${DEFAULT-VALUE})")
    double infectiousDays;

    @Option(names = "--rates", paramLabel = "ode|daily", description = "seir: ode = daily steps that grow like the "
            + "continuous-time model with the same R0 (default); daily = periods as daily probabilities")
    String rates = "ode";

    @Option(names = "--travel-reduction", description = "seir: share of trips removed from --reduction-from on, "
            + "0..1 (default ${DEFAULT-VALUE})")
    double travelReduction;

    @Option(names = "--contact-reduction", description = "seir: share of transmission removed from "
            + "--reduction-from on, 0..1 (default ${DEFAULT-VALUE})")
    double contactReduction;

    @Option(names = "--reduction-from", paramLabel = "DATE", description = "seir: first day of the reductions")
    LocalDate reductionFrom;

    @Option(names = "--reduction-ramp-days", description = "seir: days over which the reductions reach full "
            + "strength (default ${DEFAULT-VALUE}: at once)")
    int rampDays;

    @Option(names = "--start", paramLabel = "DATE", description = "seir: first simulated day (default: --from, "
            + "else the bundle's first day)")
    LocalDate start;

    @Option(names = "--horizon-days", description = "seir: days forecast after --as-of (default ${DEFAULT-VALUE})")
    int horizonDays;

    @Option(names = "--runs", description = "seir: stochastic runs, 0 for the deterministic run only "
            + "(default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--seed", description = "seir: random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--level", description = "observed-expected: prediction interval level; regions outside are "
            + "flagged (default ${DEFAULT-VALUE}, as Jia et al.)")
    double level;

    @Option(names = "--json", description = "write JSON instead of CSV")
    boolean json;

    @Option(names = "--out", required = true, description = "the result file")
    Path out;

    /** The options' defaults, from the models' parameter declarations. */
    static final Map<String, ParameterSpec> SPECS = Map.ofEntries(
            Map.entry("--infectious-window", ImportationParameters.WINDOW),
            Map.entry("--ascertainment", ImportationParameters.ASCERTAINMENT),
            Map.entry("--report-delay", ReportingDelay.MEAN),
            Map.entry("--report-delay-sd", ReportingDelay.SD),
            Map.entry("--r0", SeirParameters.R0),
            Map.entry("--latent-days", SeirParameters.LATENT),
            Map.entry("--infectious-days", SeirParameters.INFECTIOUS),
            Map.entry("--travel-reduction", SeirParameters.TRAVEL_REDUCTION),
            Map.entry("--contact-reduction", SeirParameters.CONTACT_REDUCTION),
            Map.entry("--reduction-ramp-days", SeirParameters.RAMP),
            Map.entry("--horizon-days", ForecastParameters.HORIZON),
            Map.entry("--runs", ForecastParameters.RUNS),
            Map.entry("--seed", ForecastParameters.SEED),
            Map.entry("--level", ObservedParameters.LEVEL));

    /** Supplies each option's default from {@link #SPECS}. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec arg) {
            if (arg instanceof CommandLine.Model.OptionSpec o) {
                ParameterSpec s = SPECS.get(o.longestName());
                return s == null ? null : s.defaultText();
            }
            return null;
        }
    }

    /** Parses the model's id. */
    static final class ModelConverter implements CommandLine.ITypeConverter<RiskModel> {
        @Override
        public RiskModel convert(String value) {
            return RiskModel.byId(value).orElseThrow(() -> new CommandLine.TypeConversionException("'" + value
                    + "' is not a model; use one of " + RiskModel.ids()));
        }
    }

    @Override
    public Integer call() throws Exception {
        AggregateDataset data;
        BundleReader reader = new BundleReader(officer.trustStore());
        RiskResult result;
        try (AgeIdentity id = officer.unlock();
             CliWorkspace ws = CliWorkspace.open(id, officer.identity, spec.commandLine().getErr())) {
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
        var top = result.rows().stream().filter(r -> !RiskResult.SOURCE.equals(r.flag())).findFirst().orElse(null);
        var o = spec.commandLine().getOut();
        o.printf("%s: %d regions written to %s%s%n", result.model(), result.rows().size(), out,
                top == null ? "" : "; most exposed: " + top.code() + " " + top.name());
        Texts words = Texts.inEnglish();
        for (Message m : result.inputs()) {
            o.println("  " + words.format(m));
        }
        return 0;
    }

    RiskResult run(AggregateDataset data) throws IOException, CliException {
        CaseTable table = null;
        if (cases != null) {
            try {
                table = new CaseCsvReader(data.info().period(), data.regions(), cumulative).read(cases);
            } catch (CaseImportException e) {
                throw new CliException(e.getMessage());
            }
        }
        RiskRequest request = new RiskRequest(data, table, sources, infected, from, to, asOf, parameters());
        try {
            return RiskModels.run(request).result();
        } catch (RiskInputException e) {
            throw new CliException(model.id() + ": " + e.getMessage(), 2);
        } catch (RiskModelException e) {
            throw new CliException(model.id() + ": " + e.getMessage());
        }
    }

    /** The model's parameter record from the options; out-of-range values are refused naming the option. */
    private ModelParameters parameters() throws CliException {
        List<Message> problems = new ArrayList<>();
        check("--infectious-window", infectiousWindow, problems);
        check("--ascertainment", ascertainment, problems);
        check("--report-delay", delay(), problems);
        check("--report-delay-sd", reportDelaySd, problems);
        if (model == RiskModel.OBSERVED_EXPECTED) {
            check("--level", level, problems);
        }
        if (!problems.isEmpty()) {
            throw new CliException(model.id() + ": " + String.join("; ", problems.stream().map(Message::english)
                    .toList()), 2);
        }
        ReportingDelay d = new ReportingDelay(delay(), reportDelaySd);
        return switch (model) {
            case IMPORTATION -> new ImportationParameters(bothDirections, infectiousWindow, ascertainment, d);
            case EFFECTIVE_DISTANCE -> DistanceParameters.DEFAULTS;
            case OBSERVED_EXPECTED -> new ObservedParameters(level);
            case SEIR -> {
                SeirParameters.Rates rate;
                try {
                    rate = SeirParameters.Rates.valueOf(rates.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new CliException("--rates " + rates + ": use ode or daily", 2);
                }
                double r = beta != null ? beta * infectiousDays : r0;
                yield new ForecastParameters(r, latentDays, infectiousDays, travelReduction, contactReduction,
                        reductionFrom, rampDays, rate, start, horizonDays, runs, seed, fitR0, ascertainment, d);
            }
        };
    }

    private double delay() {
        return reportDelay;
    }

    private static void check(String option, double v, List<Message> problems) {
        ParameterSpec s = SPECS.get(option);
        if (!s.accepts(v)) {
            problems.add(Message.of("analytics.input.number", option, ParameterSpec.text(s.min()),
                    ParameterSpec.text(s.max())));
        }
    }
}
