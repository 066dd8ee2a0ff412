package org.epiflow.analytics.seir;

import org.epiflow.analytics.Column;
import org.epiflow.analytics.ParameterSpec;
import org.epiflow.analytics.RiskModelException;
import org.epiflow.analytics.RollUp;
import org.epiflow.analytics.cases.ReportingDelay;
import org.epiflow.text.Message;
import org.epiflow.analytics.Drivers;
import org.epiflow.analytics.Populations;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.RiskRow;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.cases.Nowcast;
import org.epiflow.analytics.cases.Seeds;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Period;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SEIR forecast as a risk table: simulation from bundle day {@code startDay} to {@code horizonDays} after the
 * as-of day, started either from hand seeds or from the source regions with the number infected at the start fitted
 * to reported cases ({@link SeirCalibration}); a deterministic run and, with {@code runs > 0}, a stochastic ensemble.
 */
public final class SeirForecast {
    /** The model's name in results. */
    public static final String MODEL = "seir";

    /** The figures of every row, in order. */
    public static final List<Column> COLUMNS = List.of(
            Column.of("expected_infections", "cumulative infections by the horizon, deterministic run"),
            Column.of("infections_p05", "5 % quantile of cumulative infections by the horizon (ensemble)"),
            Column.of("infections_p25", "25 % quantile (ensemble)"),
            Column.of("infections_median", "median (ensemble)"),
            Column.of("infections_p75", "75 % quantile (ensemble)"),
            Column.of("infections_p95", "95 % quantile (ensemble)"),
            Column.of("arrival_probability", "share of runs in which an infected person (local infection or "
                    + "arriving traveller) was in the region by the horizon").rollUp(RollUp.PROBABILITY).digits(4),
            Column.of("expected_arrival_day", "first day the deterministic run has one cumulative infection, "
                    + "days after the bundle's first day").rollUp(RollUp.MIN).lowerIsExposed()
                    .quantity(Column.Quantity.DAY),
            Column.of("peak_day", "day of the largest daily incidence (deterministic), days after the bundle's "
                    + "first day").rollUp(RollUp.MIN).lowerIsExposed().quantity(Column.Quantity.DAY),
            Column.of("attack_rate_percent", "expected cumulative infections / residents × 100")
                    .rollUp(RollUp.rate("expected_infections", "population", 100)),
            Column.of("population", "residents N").neutral().quantity(Column.Quantity.POPULATION));

    private SeirForecast() {
    }

    /** Where the forecast starts from when it is calibrated to cases. */
    public enum Seeding {
        /**
         * Every region's E, I and R on the as-of day from the nowcast of its own reports (the default): the
         * simulation's history up to the as-of day is the nowcast, the model runs from the day after.
         */
        NOWCAST,
        /** The fitted start in the sources, simulated from the start day on (the old behaviour). */
        FIT
    }

    /**
     * Settings of a forecast.
     *
     * @param params        model parameters
     * @param startDay      bundle day the simulation starts
     * @param asOfDay       last bundle day of observed cases used for calibration
     * @param horizonDays   days simulated after the as-of day
     * @param sources       regions infected at the start (used with cases)
     * @param seeds         hand seeds (infectious at the start); when non-empty no calibration is done
     * @param ascertainment share of infections reported (calibration)
     * @param delay         days from infection to report (calibration)
     * @param fitR0         also fit R0 to the cases
     * @param runs          stochastic runs (0 = deterministic only)
     * @param seed          random seed of the ensemble
     * @param seeding       where a calibrated forecast starts from
     */
    public record Settings(SeirParameters params, int startDay, int asOfDay, int horizonDays, int[] sources,
                           List<Seeds.Seed> seeds, double ascertainment, ReportingDelay delay, boolean fitR0,
                           int runs, long seed, Seeding seeding) {
        public Settings {
            if (startDay < 0 || asOfDay < startDay || horizonDays < 0) {
                throw new IllegalArgumentException("need 0 <= start <= as-of and a non-negative horizon");
            }
            if (!(ascertainment > 0 && ascertainment <= 1) || runs < 0) {
                throw new IllegalArgumentException("ascertainment in (0, 1] and runs non-negative");
            }
            delay = delay == null ? ReportingDelay.NONE : delay;
            sources = sources.clone();
            seeds = List.copyOf(seeds);
            seeding = seeding == null ? Seeding.NOWCAST : seeding;
        }

        /** Seeded from the nowcast. */
        public Settings(SeirParameters params, int startDay, int asOfDay, int horizonDays, int[] sources,
                        List<Seeds.Seed> seeds, double ascertainment, ReportingDelay delay, boolean fitR0, int runs,
                        long seed) {
            this(params, startDay, asOfDay, horizonDays, sources, seeds, ascertainment, delay, fitR0, runs, seed,
                    Seeding.NOWCAST);
        }

        /** Old form with a fixed delay of whole days. */
        public Settings(SeirParameters params, int startDay, int asOfDay, int horizonDays, int[] sources,
                        List<Seeds.Seed> seeds, double ascertainment, int reportDelay, boolean fitR0, int runs,
                        long seed) {
            this(params, startDay, asOfDay, horizonDays, sources, seeds, ascertainment,
                    ReportingDelay.fixed(reportDelay), fitR0, runs, seed, Seeding.NOWCAST);
        }

        /** The same settings with another seeding. */
        public Settings seededBy(Seeding how) {
            return new Settings(params, startDay, asOfDay, horizonDays, sources, seeds, ascertainment, delay, fitR0,
                    runs, seed, how);
        }
    }

    /**
     * The forecast: the table, the runs behind it, and what was fitted.
     *
     * @param fit the calibration (null when the start was typed by hand)
     */
    public record Outcome(RiskResult result, SeirRun deterministic, SeirEnsemble ensemble, SeirParameters params,
                          double initialInfected, SeirCalibration.Fit fit) {
    }

    public static Outcome compute(AggregateDataset data, CaseTable cases, Settings s) {
        int n = data.regions().size();
        Period period = data.info().period();
        int days = s.asOfDay() - s.startDay() + 1 + s.horizonDays();
        double[] pop = Populations.of(data);
        SeirParameters p = s.params();
        TravelSchedule sched = TravelSchedule.of(data.flows(), n, pop, s.startDay(), days, p);
        SeirState start;
        SeirEnsemble.Start draws;
        double infected;
        SeirCalibration.Fit fit = null;
        Nowcast.Estimate now = null;
        Map<String, Object> summary = new LinkedHashMap<>();
        if (!s.seeds().isEmpty()) {
            start = SeirState.fresh(new double[n], Seeds.infectious(s.seeds(), pop));
            draws = rnd -> null;
            infected = start.infected();
            summary.put("start", "seeds " + Seeds.describe(s.seeds(), data.regions()));
        } else {
            if (cases == null || s.sources().length == 0) {
                throw RiskModelException.of("analytics.run.seirNeeds");
            }
            double[] w = new double[s.sources().length];
            long[] cum = cases.cumulativeThrough(s.asOfDay());
            double sum = 0;
            for (int k = 0; k < w.length; k++) {
                w[k] = cum[s.sources()[k]];
                sum += w[k];
            }
            for (int k = 0; k < w.length; k++) {
                w[k] = sum > 0 ? w[k] / sum : 1.0 / w.length;
            }
            now = Nowcast.of(cases, s.delay(), s.ascertainment(), s.asOfDay());
            SeirCalibration.Prior prior = null;
            if (s.startDay() > 0) {
                SeirState before = SeirState.walk(now.infections(), n, p, s.startDay(), s.startDay() - 1);
                if (before.infected() >= 1) {
                    prior = new SeirCalibration.Prior(before, Arrays.copyOf(now.infections(), s.startDay() * n));
                }
            }
            SeirCalibration.Target target = new SeirCalibration.Target(sched, pop, s.sources(), w, cases,
                    s.asOfDay(), s.ascertainment(), s.delay(), prior);
            fit = SeirCalibration.fit(target, p, s.fitR0());
            infected = fit.infected();
            if (!(infected > 0) || !Double.isFinite(fit.r0())) {
                throw RiskModelException.of("analytics.run.noSignal", period.day(s.asOfDay()).toString());
            }
            if (s.fitR0()) {
                p = p.withR0(fit.r0());
                summary.put("fittedR0", fit.r0());
                summary.put("fittedR0Lower", fit.lower());
                summary.put("fittedR0Upper", fit.upper());
                summary.put("fittedR0Level", 0.95);
            }
            SeirState fitted = SeirCalibration.startState(target, p, infected);
            summary.put("start", (prior == null ? "fitted in the sources to reported cases up to "
                    : "nowcast state of every region, scaled to reported cases up to ") + period.day(s.asOfDay()));
            summary.put("likelihood", "Poisson, daily reports; interval by profile likelihood (quasi-Poisson)");
            summary.put("calibrationDeviance", fit.deviance());
            summary.put("dispersion", fit.dispersion());
            summary.put("calibrationCells", fit.cells());
            summary.put("calibrationReports", fit.reported());
            int seedDay = Math.max(s.startDay() - 1, lastReliable(now, s.asOfDay()));
            SeirState seeded = s.seeding() == Seeding.NOWCAST
                    ? SeirState.walk(now.infections(), n, p, s.startDay(), seedDay) : null;
            if (seeded != null && seeded.infected() >= 1) {
                summary.put("seeding", "nowcast");
                summary.put("seededOn", seedDay < 0 ? period.start().minusDays(1).toString()
                        : period.day(seedDay).toString());
                summary.put("seededInfected", seeded.infected());
                summary.put("seededInfectious", seeded.totalInfectious());
                if (seedDay >= s.startDay()) {
                    SeirRun fittedRun = MetapopulationSeir.deterministic(sched.with(p), p, pop, fitted, false);
                    double fittedInfectious = 0;
                    for (int k = 0; k < n; k++) {
                        fittedInfectious += fittedRun.infectious()[(seedDay - s.startDay()) * n + k];
                    }
                    summary.put("fittedRunInfectious", fittedInfectious);
                }
                start = seeded;
                draws = nowcastDraws(now, n, p, s.startDay(), seedDay);
            } else {
                summary.put("seeding", "fit");
                start = fitted;
                draws = rnd -> null;
                now = null;
            }
        }
        final SeirState fixedStart = start;
        final SeirEnsemble.Start drawStart = draws;
        SeirEnsemble.Start ensembleStart = rnd -> {
            SeirState st = drawStart.draw(rnd);
            return st != null ? st : fixedStart;
        };
        summary.put("initialInfected", infected);
        summary.put("startDate", period.day(s.startDay()).toString());
        summary.put("asOf", period.day(s.asOfDay()).toString());
        summary.put("horizonDate", period.day(s.startDay() + days - 1).toString());
        summary.put("r0", p.r0());
        summary.put("latentDays", p.latentDays());
        summary.put("infectiousDays", p.infectiousDays());
        summary.put("travelReduction", p.travelReduction());
        summary.put("contactReduction", p.contactReduction());
        summary.put("reductionFrom", p.reductionFromDay() == Integer.MAX_VALUE ? "never"
                : period.day(Math.min(period.days() - 1, p.reductionFromDay())).toString());
        summary.put("reductionRampDays", p.rampDays());
        summary.put("rates", p.rates().name().toLowerCase(java.util.Locale.ROOT));
        summary.put("growthRatePerDay", p.odeGrowthRate(p.r0()));
        summary.put("ascertainment", s.ascertainment());
        summary.put("reportDelay", s.delay().mean());
        summary.put("reportDelaySd", s.delay().sd());
        summary.put("runs", s.runs());
        summary.put("seed", s.seed());
        sched = sched.with(p);
        SeirRun det = MetapopulationSeir.deterministic(sched, p, pop, start, n <= 4000);
        int aliveBy = -1;
        if (cases != null && s.seeds().isEmpty() && s.seeding() == Seeding.FIT) {
            int lastCase = Math.min(cases.lastReportedDay(), s.asOfDay());
            aliveBy = lastCase > s.startDay() ? lastCase - s.startDay() - (int) Math.round(s.delay().mean()) : -1;
        }
        SeirEnsemble ens = s.runs() > 0 ? SeirEnsemble.run(sched, p, pop, ensembleStart, s.runs(), s.seed(), aliveBy)
                : null;
        if (ens != null) {
            summary.put("runsDiscardedExtinct", ens.discarded());
        }
        List<Message> inputs = new ArrayList<>();
        inputs.add(Message.of("analytics.inputs.simulated", period.day(s.startDay()).toString(),
                period.day(s.startDay() + days - 1).toString()));
        inputs.add(Message.of("analytics.inputs.asOf", period.day(s.asOfDay()).toString()));
        inputs.add(Message.of("analytics.inputs.seir", ParameterSpec.text(round(p.r0())),
                ParameterSpec.text(p.latentDays()), ParameterSpec.text(p.infectiousDays()),
                Message.of("analytics.rates." + p.rates().name().toLowerCase(java.util.Locale.ROOT))));
        if (fit != null && s.fitR0()) {
            inputs.add(Message.of("analytics.inputs.fittedR0", ParameterSpec.text(round(fit.r0())),
                    ParameterSpec.text(round(fit.lower())), ParameterSpec.text(round(fit.upper()))));
        }
        if (p.reductionFromDay() != Integer.MAX_VALUE) {
            inputs.add(Message.of("analytics.inputs.reductions", ParameterSpec.text(p.travelReduction()),
                    ParameterSpec.text(p.contactReduction()),
                    period.day(Math.min(period.days() - 1, p.reductionFromDay())).toString(), p.rampDays()));
        } else {
            inputs.add(Message.of("analytics.inputs.noReductions"));
        }
        if (now != null) {
            inputs.add(Message.of("analytics.inputs.seededNowcast", String.valueOf(summary.get("seededOn")),
                    Math.round(start.infected())));
        }
        if (fit != null) {
            inputs.add(Message.of("analytics.inputs.calibration", ParameterSpec.text(s.ascertainment()),
                    ParameterSpec.text(s.delay().mean()), ParameterSpec.text(s.delay().sd())));
        }
        inputs.add(Message.of("analytics.inputs.runs", s.runs(), Long.toString(s.seed())));
        return new Outcome(table(data, det, ens, pop, summary, inputs), det, ens, p, infected, fit);
    }

    /** The last day up to {@code asOf} estimated from its own reports (not continuing the trend), or -1. */
    static int lastReliable(Nowcast.Estimate now, int asOf) {
        for (int d = asOf; d >= 0; d--) {
            if (!now.extrapolated()[d]) {
                return d;
            }
        }
        return -1;
    }

    /**
     * Each run's start: a bootstrap replicate of the nowcast (every reporting region's daily reports redrawn, the
     * recent days' trend refitted; {@link Nowcast.Estimate#replicate}) walked to the as-of day, so the bands carry
     * the uncertainty of the current infections.
     */
    private static SeirEnsemble.Start nowcastDraws(Nowcast.Estimate now, int n, SeirParameters p, int startDay,
                                                   int asOfDay) {
        double[] x = now.infections();
        List<Integer> any = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            for (int d = 0; d <= asOfDay; d++) {
                if (x[d * n + k] > 0) {
                    any.add(k);
                    break;
                }
            }
        }
        int[] only = any.stream().mapToInt(Integer::intValue).toArray();
        return rnd -> {
            double[][] rep = now.replicate(only, rnd);
            double[] series = new double[(asOfDay + 1) * n];
            for (int j = 0; j < only.length; j++) {
                for (int d = 0; d <= asOfDay; d++) {
                    series[d * n + only[j]] = rep[j][d];
                }
            }
            return SeirState.walk(series, n, p, startDay, asOfDay);
        };
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static RiskResult table(AggregateDataset data, SeirRun det, SeirEnsemble ens, double[] pop,
                                    Map<String, Object> summary, List<Message> inputs) {
        int n = det.regions();
        int last = det.days() - 1;
        double[] fin = det.finalCumulative();
        boolean[] published = new boolean[n];
        var flows = data.flows();
        for (int r = 0; r < flows.rowCount(); r++) {
            if (flows.origin(r) != flows.destination(r)) {
                published[flows.origin(r)] = true;
                published[flows.destination(r)] = true;
            }
        }
        List<RiskRow> rows = new ArrayList<>(n);
        double[] share = new double[n];
        for (int k = 0; k < n; k++) {
            int arrive = det.arrivalDay(k, 1);
            int peak = det.peakDay(k);
            double[] v = {fin[k], Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                arrive < 0 ? Double.NaN : arrive + det.startDay(), peak < 0 ? Double.NaN : peak + det.startDay(),
                pop[k] > 0 ? 100 * fin[k] / pop[k] : Double.NaN, pop[k]};
            if (ens != null) {
                for (int l = 0; l < SeirEnsemble.LEVELS.length; l++) {
                    v[1 + l] = ens.quantile(l, last, k);
                }
                v[6] = ens.arrivalProbability(last, k);
            }
            if (det.imports() != null) {
                System.arraycopy(det.imports()[k], 0, share, 0, n);
            }
            boolean hidden = !published[k] && !(fin[k] >= 1);
            if (hidden) {
                for (int c = 0; c < 7; c++) {
                    v[c] = Double.NaN;
                }
            }
            rows.add(new RiskRow(k, data.regions().get(k).code(), Drivers.name(data.regions(), k),
                    hidden ? Double.NaN : fin[k], v, hidden ? org.epiflow.analytics.importation.ImportationRisk.SUPPRESSED
                    : "", Drivers.top(data.regions(), share, Drivers.TOP)));
        }
        return new RiskResult(MODEL, COLUMNS, rows, summary, data.info().k(), inputs);
    }
}
