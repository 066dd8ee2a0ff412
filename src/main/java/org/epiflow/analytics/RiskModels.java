package org.epiflow.analytics;

import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.cases.Seeds;
import org.epiflow.analytics.distance.EffectiveDistance;
import org.epiflow.analytics.importation.ImportationParameters;
import org.epiflow.analytics.importation.ImportationRisk;
import org.epiflow.analytics.observed.ObservedExpected;
import org.epiflow.analytics.observed.ObservedParameters;
import org.epiflow.analytics.seir.ForecastParameters;
import org.epiflow.analytics.seir.SeirForecast;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Period;
import org.epiflow.text.Message;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs any {@link RiskModel} from a {@link RiskRequest}: resolves the window (days of the bundle's period), the
 * sources and the seeds, checks every input (all problems at once, as messages), then calls the model. No JavaFX;
 * any thread.
 */
public final class RiskModels {
    private RiskModels() {
    }

    /**
     * Checks and runs the request.
     *
     * @throws RiskInputException every problem with the inputs, found before anything ran
     * @throws RiskModelException the model cannot run on these inputs (too few regions, nothing to fit)
     */
    public static RiskOutcome run(RiskRequest r) throws RiskInputException {
        Resolved x = resolve(r);
        AggregateDataset data = r.data();
        {
            return switch (r.model()) {
                case IMPORTATION -> {
                    ImportationParameters p = (ImportationParameters) r.parameters();
                    RiskResult res = x.seeds.isEmpty() ? ImportationRisk.fromCases(data, r.cases(), x.window, p)
                            : ImportationRisk.fromSeeds(data, x.seeds, x.window, p);
                    yield new RiskOutcome(r, x.window, x.sources, res, null);
                }
                case EFFECTIVE_DISTANCE -> new RiskOutcome(r, x.window, x.sources,
                        EffectiveDistance.compute(data, x.sources, x.window, r.cases()), null);
                case OBSERVED_EXPECTED -> new RiskOutcome(r, x.window, x.sources,
                        ObservedExpected.compute(data, r.cases(), x.sources, x.window,
                                ((ObservedParameters) r.parameters()).level()), null);
                case SEIR -> {
                    ForecastParameters p = (ForecastParameters) r.parameters();
                    Period period = data.info().period();
                    int reductionDay = p.reductionFrom() == null ? Integer.MAX_VALUE
                            : (int) (p.reductionFrom().toEpochDay() - period.start().toEpochDay());
                    int start = x.seirStart;
                    SeirForecast.Outcome o = SeirForecast.compute(data, r.cases(), new SeirForecast.Settings(
                            p.model(reductionDay), start, Math.max(x.window.asOfDay(), start), p.horizonDays(),
                            x.sources, x.seeds, p.ascertainment(), p.delay(), p.fitR0(), p.runs(), p.seed()));
                    yield new RiskOutcome(r, x.window, x.sources, o.result(), o);
                }
            };
        }
    }

    /** Every problem with the request ({@code [])} when it can run). */
    public static List<Message> problems(RiskRequest r) {
        try {
            resolve(r);
            return List.of();
        } catch (RiskInputException e) {
            return e.problems();
        }
    }

    /** The request's days, sources and seeds, checked. */
    private record Resolved(DayWindow window, int[] sources, List<Seeds.Seed> seeds, int seirStart) {
    }

    private static Resolved resolve(RiskRequest r) throws RiskInputException {
        List<Message> problems = new ArrayList<>();
        AggregateDataset data = r.data();
        Period period = data.info().period();
        CaseTable cases = r.cases();
        RiskModel model = r.model();
        int last = period.days() - 1;
        int asOf = r.asOf() != null ? day(period, r.asOf(), "analytics.param.asOf", problems)
                : cases != null && cases.lastReportedDay() >= 0 ? Math.min(last, cases.lastReportedDay()) : last;
        int from = r.from() != null ? day(period, r.from(), "analytics.param.from", problems) : 0;
        int to = r.to() != null ? day(period, r.to(), "analytics.param.to", problems) : asOf;
        int seirStart = from;
        if (model == RiskModel.SEIR) {
            ForecastParameters p = (ForecastParameters) r.parameters();
            seirStart = p.start() != null ? day(period, p.start(), "analytics.param.start", problems) : from;
            checkSeir(p, problems);
        }
        if (problems.isEmpty()) {
            if (from > to) {
                problems.add(Message.of("analytics.input.order", period.day(from).toString(),
                        period.day(to).toString()));
            } else if (model == RiskModel.IMPORTATION && to > asOf) {
                problems.add(Message.of("analytics.input.toAfterAsOf", period.day(to).toString(),
                        period.day(asOf).toString()));
            } else if (model == RiskModel.SEIR && seirStart > asOf) {
                problems.add(Message.of("analytics.input.startAfterAsOf", period.day(seirStart).toString(),
                        period.day(asOf).toString()));
            }
        }
        List<Seeds.Seed> seeds = List.of();
        if (model.takesSeeds()) {
            try {
                seeds = Seeds.parse(r.seeds(), data.regions());
            } catch (RiskModelException e) {
                problems.add(e.message());
            }
        }
        List<Integer> src = new ArrayList<>();
        for (String code : r.sources()) {
            int i = data.regions().indexOf(code.trim());
            if (i < 0) {
                problems.add(Message.of("analytics.input.source", code));
            } else if (!src.contains(i)) {
                src.add(i);
            }
        }
        boolean hasCases = cases != null;
        switch (model.needs()) {
            case CASES_OR_SEEDS -> {
                if (!hasCases && r.seeds().isEmpty()) {
                    problems.add(Message.of("analytics.input.needCasesOrSeeds"));
                }
            }
            case CASES -> {
                if (!hasCases) {
                    problems.add(Message.of("analytics.input.needCases"));
                }
            }
            case SOURCES_OR_CASES -> {
                if (!hasCases && r.sources().isEmpty()) {
                    problems.add(Message.of("analytics.input.needSources"));
                }
            }
            default -> { }
        }
        int[] sources = src.stream().mapToInt(Integer::intValue).toArray();
        boolean needSources = model == RiskModel.EFFECTIVE_DISTANCE || model == RiskModel.OBSERVED_EXPECTED
                || (model == RiskModel.SEIR && r.seeds().isEmpty());
        if (problems.isEmpty() && sources.length == 0 && hasCases) {
            sources = earliest(data, cases, asOf);
            if (sources.length == 0 && needSources) {
                problems.add(Message.of("analytics.input.noCaseYet", period.day(asOf).toString()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RiskInputException(problems);
        }
        return new Resolved(new DayWindow(from, to, asOf), sources, seeds, seirStart);
    }

    private static void checkSeir(ForecastParameters p, List<Message> problems) {
        check(org.epiflow.analytics.seir.SeirParameters.R0, p.r0(), problems);
        check(org.epiflow.analytics.seir.SeirParameters.LATENT, p.latentDays(), problems);
        check(org.epiflow.analytics.seir.SeirParameters.INFECTIOUS, p.infectiousDays(), problems);
        check(org.epiflow.analytics.seir.SeirParameters.TRAVEL_REDUCTION, p.travelReduction(), problems);
        check(org.epiflow.analytics.seir.SeirParameters.CONTACT_REDUCTION, p.contactReduction(), problems);
        check(org.epiflow.analytics.seir.SeirParameters.RAMP, p.rampDays(), problems);
        check(ForecastParameters.HORIZON, p.horizonDays(), problems);
        check(ForecastParameters.RUNS, p.runs(), problems);
        check(ForecastParameters.SEED, p.seed(), problems);
        check(ImportationParameters.ASCERTAINMENT, p.ascertainment(), problems);
        if ((p.travelReduction() > 0 || p.contactReduction() > 0) && p.reductionFrom() == null) {
            // else the reduction typed would be silently ignored (seen in the app: contact −75 %, "no reduction")
            problems.add(Message.of("analytics.input.reductionWithoutDate"));
        }
    }

    private static void check(ParameterSpec spec, double v, List<Message> problems) {
        spec.check(v, problems);
    }

    private static int day(Period period, LocalDate d, String labelKey, List<Message> problems) {
        if (!period.contains(d)) {
            problems.add(Message.of("analytics.input.date", Message.of(labelKey), d.toString(),
                    period.start().toString(), period.day(period.days() - 1).toString()));
            return 0;
        }
        return (int) (d.toEpochDay() - period.start().toEpochDay());
    }

    /** The region(s) with the earliest reported case up to {@code asOf}. */
    public static int[] earliest(AggregateDataset data, CaseTable cases, int asOf) {
        int first = Integer.MAX_VALUE;
        for (int i = 0; i < data.regions().size(); i++) {
            int d = cases.firstCaseDay(i);
            if (d >= 0 && d <= asOf) {
                first = Math.min(first, d);
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < data.regions().size(); i++) {
            if (first != Integer.MAX_VALUE && cases.firstCaseDay(i) == first) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
