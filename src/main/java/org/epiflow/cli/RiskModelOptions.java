package org.epiflow.cli;

import org.epiflow.analytics.ModelParameters;
import org.epiflow.analytics.ParameterSpec;
import org.epiflow.analytics.RiskInputException;
import org.epiflow.analytics.RiskModel;
import org.epiflow.analytics.RiskModelException;
import org.epiflow.analytics.RiskModels;
import org.epiflow.analytics.RiskOutcome;
import org.epiflow.analytics.RiskRequest;
import org.epiflow.analytics.cases.CaseCsvReader;
import org.epiflow.analytics.cases.CaseImportException;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.cases.ReportingDelay;
import org.epiflow.analytics.distance.DistanceParameters;
import org.epiflow.analytics.importation.ImportationParameters;
import org.epiflow.analytics.observed.ObservedParameters;
import org.epiflow.analytics.seir.ForecastParameters;
import org.epiflow.analytics.seir.SeirParameters;
import org.epiflow.model.AggregateDataset;
import org.epiflow.text.Message;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options of a risk model run, shared by {@code epiflow risk} and {@code epiflow export --heatmap}: case data,
 * sources, infected people typed by hand, the as-of day and every model parameter, with defaults and ranges from
 * the models' parameter declarations. {@link #run} turns them into a {@link RiskRequest} and runs it through
 * {@link RiskModels}.
 */
final class RiskModelOptions {
    /** Every option of this mixin (the commands refuse them where no model runs). */
    static final List<String> NAMES = List.of("--cases", "--cumulative", "--source", "--infected", "--as-of",
            "--both-directions", "--infectious-window", "--ascertainment", "--report-delay", "--report-delay-sd",
            "--r0", "--beta", "--fit-r0", "--latent-days", "--infectious-days", "--rates", "--travel-reduction",
            "--contact-reduction", "--reduction-from", "--reduction-ramp-days", "--start", "--horizon-days",
            "--runs", "--seed", "--level");

    @Option(names = "--cases", description = "cases.csv: date,region,cases (new cases a day)")
    Path cases;

    @Option(names = "--cumulative", description = "the cases file holds running totals, not daily counts")
    boolean cumulative;

    @Option(names = "--source", arity = "1..*", paramLabel = "CODE",
            description = "source region(s), or the NAME of a --group (its regions); default: the region(s) with the "
                    + "earliest reported case")
    List<String> sources = new ArrayList<>();

    @Option(names = "--infected", arity = "1..*", paramLabel = "CODE=N|P%",
            description = "infectious people typed by hand (importation, seir), e.g. 420100=5000 or 420100=0.05%%")
    List<String> infected = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "last day of case reports used (default: last reported case date, else the bundle's last "
                    + "day)")
    LocalDate asOf;

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
            + "cases (Poisson likelihood, 95 %% interval)")
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

    /** Runs {@code model} on the bundle's data with these options over the travel window [from, to]. */
    RiskOutcome run(AggregateDataset data, RiskModel model, LocalDate from, LocalDate to)
            throws IOException, CliException {
        return run(data, model, from, to, List.of());
    }

    /**
     * As {@link #run(AggregateDataset, RiskModel, LocalDate, LocalDate)}, where a {@code --source} may also name one
     * of {@code groups} (of {@code --group}): its member regions are then the sources.
     */
    RiskOutcome run(AggregateDataset data, RiskModel model, LocalDate from, LocalDate to,
                    List<org.epiflow.data.RegionGroup> groups) throws IOException, CliException {
        List<String> sourceCodes = GroupOptions.sources(sources, groups, data.regions());
        CaseTable table = cases(data);
        RiskRequest request = new RiskRequest(data, table, sourceCodes, infected, from, to, asOf, parameters(model));
        try {
            return RiskModels.run(request);
        } catch (RiskInputException e) {
            throw new CliException(Message.of("cli.risk.failed", model.id(), e.message()), 2);
        } catch (RiskModelException e) {
            throw new CliException(Message.of("cli.risk.failed", model.id(), e.message()));
        }
    }

    /** The {@code --cases} file read over a bundle's days and regions, or null without one. */
    CaseTable cases(AggregateDataset data) throws IOException, CliException {
        if (cases == null) {
            return null;
        }
        try {
            return new CaseCsvReader(data.info().period(), data.regions(), cumulative).read(cases);
        } catch (CaseImportException e) {
            throw CliException.of(e, 1);
        }
    }

    /** The model's parameter record from the options; out-of-range values are refused naming the option. */
    private ModelParameters parameters(RiskModel model) throws CliException {
        List<Message> problems = new ArrayList<>();
        check("--infectious-window", infectiousWindow, problems);
        check("--ascertainment", ascertainment, problems);
        check("--report-delay", delay(), problems);
        check("--report-delay-sd", reportDelaySd, problems);
        if (model == RiskModel.OBSERVED_EXPECTED) {
            check("--level", level, problems);
        }
        if (!problems.isEmpty()) {
            throw new CliException(Message.of("cli.risk.failed", model.id(), problems), 2);
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
                    throw new CliException(Message.of("cli.risk.rates", rates), 2);
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

    /** The travel window a saved view's heatmap was run over (null: the command's own dates). */
    LocalDate windowFrom;
    LocalDate windowTo;

    /**
     * Fills in what a saved view's heatmap records of its run — as-of day, travel window, sources, infected people
     * typed by hand — where the command line does not give it.
     */
    void defaultsFrom(Map<String, String> parameters, CommandLine.ParseResult given) throws CliException {
        if (parameters == null) {
            return;
        }
        try {
            if (parameters.containsKey("asOf") && !given.hasMatchedOption("--as-of")) {
                asOf = LocalDate.parse(parameters.get("asOf"));
            }
            if (parameters.containsKey("from")) {
                windowFrom = LocalDate.parse(parameters.get("from"));
            }
            if (parameters.containsKey("to")) {
                windowTo = LocalDate.parse(parameters.get("to"));
            }
        } catch (java.time.format.DateTimeParseException e) {
            throw new CliException(Message.of("cli.view.heatmapDate", e.getParsedString()), 2);
        }
        if (parameters.containsKey("source") && !given.hasMatchedOption("--source")) {
            sources = new ArrayList<>(List.of(parameters.get("source").split(",")));
        }
        if (parameters.containsKey("infected") && !given.hasMatchedOption("--infected")
                && !given.hasMatchedOption("--cases")) {
            infected = new ArrayList<>(List.of(parameters.get("infected").split(",")));
        }
    }
}
