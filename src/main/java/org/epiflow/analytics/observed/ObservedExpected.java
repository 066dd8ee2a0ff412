package org.epiflow.analytics.observed;

import org.epiflow.analytics.Column;
import org.epiflow.analytics.DayWindow;
import org.epiflow.analytics.RiskModelException;
import org.epiflow.analytics.RollUp;
import org.epiflow.analytics.stats.StudentT;
import org.epiflow.text.Message;
import org.epiflow.analytics.Drivers;
import org.epiflow.analytics.Populations;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.RiskRow;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.stats.LinearFit;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jia et al.'s risk source model, log-linear: over destinations j (not sources) with trips from the sources,
 * {@code ln(1 + C_j) = a + b·ln F_j + c·ln N_j + e}, where C_j is the cumulative reported cases by the as-of day,
 * F_j the cumulative trips from the source region(s) to j over the exposure window (its own {@code from..to}) and
 * N_j the residents.
 *
 * <p>The paper's <b>risk index</b> is the standardised residual of that fit, {@code (y_j − ŷ_j) / se_j} with
 * {@code y = ln(1 + C)} and se the standard error of a new observation; a region beyond the two-sided
 * {@code level} bound (90 % in the paper) is flagged {@code local-transmission} (more cases than imports explain)
 * or {@code under-reporting}. The expected cases are a mean, so the fitted log value is retransformed with Duan's
 * smearing factor {@code S = mean(exp(ê))} over the fitted regions: {@code E = S·exp(ŷ) − 1} (without it
 * {@code expm1(ŷ)} is a median and understates the mean); the interval bounds are quantiles and transform as they
 * are. The ratio {@code (C + 1) / (E + 1)} is kept as its own column, {@code observed_expected_ratio}.
 *
 * <p>Regions outside a fit's {@value #TRIM_LEVEL} interval are left out of the next fit until the set settles (at
 * most ten rounds), so that the outliers the model is meant to find do not drag the line towards themselves. When
 * the populations are collinear with the flows, or there are too few regions, the population term is dropped.
 */
public final class ObservedExpected {
    /** The model's name in results. */
    public static final String MODEL = "observed-expected";
    /** Regions needed to fit. */
    public static final int MIN_REGIONS = 5;
    /** Interval level outside which a region is left out of the next fit (wider than the flagging level). */
    public static final double TRIM_LEVEL = 0.99;

    /** The figures of every row, in order. */
    public static final List<Column> COLUMNS = List.of(
            Column.trips("trips_from_sources", "trips from the source region(s) over the exposure window").neutral(),
            Column.of("observed_cases", "cumulative reported cases by the as-of day").neutral(),
            Column.of("expected_cases", "mean cases the fitted flow model expects (smearing-corrected)"),
            Column.of("lower", "prediction interval at the chosen level, lower bound of cases"),
            Column.of("upper", "prediction interval at the chosen level, upper bound of cases"),
            Column.of("risk_index", "Jia et al.'s risk index: standardised residual (ln(1+C) − fit) / se; beyond "
                    + "the interval level's t bound the region is flagged").rollUp(RollUp.MAX).diverging(0),
            Column.of("population", "residents N").neutral().quantity(Column.Quantity.POPULATION),
            Column.of("observed_expected_ratio", "(observed + 1) / (expected + 1)")
                    .rollUp(RollUp.ratio("observed_cases", "expected_cases", 1)).diverging(1));

    private ObservedExpected() {
    }

    public static RiskResult compute(AggregateDataset data, CaseTable cases, int[] sources, DayWindow w,
                                     double level) {
        int fromDay = w.fromDay();
        int toDay = w.toDay();
        int asOfDay = w.asOfDay();
        if (sources.length == 0) {
            throw RiskModelException.of("analytics.run.needSource");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the interval level must be between 0 and 1");
        }
        int n = data.regions().size();
        Period period = data.info().period();
        boolean[] isSource = new boolean[n];
        int[] slot = new int[n];
        Arrays.fill(slot, -1);
        for (int s = 0; s < sources.length; s++) {
            isSource[sources[s]] = true;
            slot[sources[s]] = s;
        }
        double[] outflow = new double[n];
        double[][] bySource = new double[n][sources.length];
        FlowTable f = data.flows();
        for (int d = Math.max(0, fromDay); d <= toDay; d++) {
            for (int r = f.firstRow(d); r < f.endRow(d); r++) {
                int o = f.origin(r);
                int t = f.destination(r);
                if (slot[o] >= 0 && o != t) {
                    outflow[t] += f.trips(r);
                    bySource[t][slot[o]] += f.trips(r);
                }
            }
        }
        double[] pop = Populations.of(data, fromDay, toDay + 1);
        long[] cum = cases.cumulativeThrough(asOfDay);
        List<Integer> used = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (!isSource[j] && outflow[j] > 0 && pop[j] > 0) {
                used.add(j);
            }
        }
        if (used.size() < MIN_REGIONS) {
            throw RiskModelException.of("analytics.run.tooFewRegions", used.size(), MIN_REGIONS);
        }
        boolean withPopulation = true;
        LinearFit fit;
        try {
            fit = fit(used, outflow, pop, cum, true);
        } catch (IllegalArgumentException e) {
            withPopulation = false;
            fit = fit(used, outflow, pop, cum, false);
        }
        List<Integer> inliers = used;
        for (int round = 0; round < 10; round++) {
            List<Integer> next = new ArrayList<>();
            for (int j : used) {
                double[] pi = fit.predictionInterval(x(outflow[j], pop[j], withPopulation), TRIM_LEVEL);
                double y = Math.log1p(cum[j]);
                if (y >= pi[0] && y <= pi[1]) {
                    next.add(j);
                }
            }
            if (next.equals(inliers) || next.size() < MIN_REGIONS) {
                break;
            }
            try {
                fit = fit(next, outflow, pop, cum, withPopulation);
                inliers = next;
            } catch (IllegalArgumentException e) {
                break;
            }
        }
        int excluded = used.size() - inliers.size();
        double smear = 0;
        for (int j : inliers) {
            smear += Math.exp(Math.log1p(cum[j]) - fit.predict(x(outflow[j], pop[j], withPopulation)));
        }
        smear /= inliers.size();
        double bound = StudentT.quantile(0.5 + level / 2, fit.degreesOfFreedom());
        List<RiskRow> rows = new ArrayList<>(n);
        int above = 0;
        int below = 0;
        double[] share = new double[n];
        for (int j = 0; j < n; j++) {
            double exp = Double.NaN;
            double lo = Double.NaN;
            double hi = Double.NaN;
            double index = Double.NaN;
            String flag;
            if (isSource[j]) {
                flag = RiskResult.SOURCE;
            } else if (outflow[j] > 0 && pop[j] > 0) {
                double[] x = x(outflow[j], pop[j], withPopulation);
                double yHat = fit.predict(x);
                exp = Math.max(0, smear * Math.exp(yHat) - 1);
                double[] pi = fit.predictionInterval(x, level);
                lo = Math.max(0, Math.expm1(pi[0]));
                hi = Math.max(0, Math.expm1(pi[1]));
                index = (Math.log1p(cum[j]) - yHat) / fit.predictionError(x);
                // flagged beyond the bound in cases: ln(1 + C) cannot fall below 0, so a fit below 0 with no case
                // seen is no excess (the standardised residual alone would call it one)
                boolean high = cum[j] > hi && index > bound;
                boolean low = cum[j] < lo && index < -bound;
                flag = high ? "local-transmission" : low ? "under-reporting" : "";
                above += high ? 1 : 0;
                below += low ? 1 : 0;
            } else {
                flag = "no-trips-from-sources";
            }
            double ratio = Double.isNaN(exp) ? Double.NaN : (cum[j] + 1) / (exp + 1);
            for (int s = 0; s < sources.length; s++) {
                share[sources[s]] = bySource[j][s];
            }
            rows.add(new RiskRow(j, data.regions().get(j).code(), Drivers.name(data.regions(), j), index,
                    new double[]{outflow[j], cum[j], exp, lo, hi, index, pop[j], ratio}, flag,
                    Drivers.top(data.regions(), share, Drivers.TOP)));
        }
        double[] c = fit.coefficients();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", period.day(Math.max(0, fromDay)).toString());
        summary.put("to", period.day(toDay).toString());
        summary.put("asOf", period.day(asOfDay).toString());
        summary.put("sources", Arrays.stream(sources).mapToObj(s -> data.regions().get(s).code()).toList());
        summary.put("regionsWithTrips", used.size());
        summary.put("regionsFitted", used.size() - excluded);
        summary.put("intercept", c[0]);
        summary.put("flowElasticity", c[1]);
        summary.put("populationElasticity", withPopulation ? c[2] : null);
        summary.put("r2", fit.rSquared());
        summary.put("residualSd", Math.sqrt(fit.residualVariance()));
        summary.put("intervalLevel", level);
        summary.put("smearingFactor", smear);
        summary.put("indexBound", bound);
        summary.put("aboveInterval", above);
        summary.put("belowInterval", below);
        List<Message> inputs = List.of(
                Message.of("analytics.inputs.exposure", period.day(Math.max(0, fromDay)).toString(),
                        period.day(toDay).toString()),
                Message.of("analytics.inputs.asOf", period.day(asOfDay).toString()),
                Message.of("analytics.inputs.sources", String.join(", ", Arrays.stream(sources)
                        .mapToObj(s -> data.regions().get(s).code()).toList())),
                Message.of("analytics.inputs.level", (int) Math.round(level * 100)));
        return new RiskResult(MODEL, COLUMNS, rows, summary, data.info().k(), inputs);
    }

    private static double[] x(double outflow, double pop, boolean withPop) {
        return withPop ? new double[]{1, Math.log(outflow), Math.log(pop)} : new double[]{1, Math.log(outflow)};
    }

    private static LinearFit fit(List<Integer> used, double[] outflow, double[] pop, long[] cum, boolean withPop) {
        double[][] x = new double[used.size()][];
        double[] y = new double[used.size()];
        for (int r = 0; r < y.length; r++) {
            int j = used.get(r);
            x[r] = x(outflow[j], pop[j], withPop);
            y[r] = Math.log1p(cum[j]);
        }
        return LinearFit.fit(x, y);
    }
}
