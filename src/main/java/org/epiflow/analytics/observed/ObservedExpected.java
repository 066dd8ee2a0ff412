package org.epiflow.analytics.observed;

import org.epiflow.analytics.Column;
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
 * F_j the cumulative trips from the source region(s) to j over the window and N_j the residents. The fitted line
 * gives each region's expected cases and a prediction interval (Student t); observed above the upper bound is
 * flagged {@code local-transmission} (more cases than imports explain), below the lower bound
 * {@code under-reporting}. The risk index (C + 1)/(expected + 1) orders the table (Jia's community-transmission
 * risk). Regions outside a fit's {@value #TRIM_LEVEL} interval are left out of the next fit until the set
 * settles (at most ten rounds), so that the outliers the model is meant to find do not drag the line towards
 * themselves. When the populations are collinear with the flows, or there are too few regions, the population term
 * is dropped.
 */
public final class ObservedExpected {
    /** The model's name in results. */
    public static final String MODEL = "observed-expected";
    /** Regions needed to fit. */
    public static final int MIN_REGIONS = 5;
    /** Interval level outside which a region is left out of the next fit (wider than the flagging level). */
    public static final double TRIM_LEVEL = 0.99;

    private ObservedExpected() {
    }

    public static RiskResult compute(AggregateDataset data, CaseTable cases, int[] sources, int fromDay, int asOfDay,
                                     double level) {
        if (sources.length == 0) {
            throw new IllegalArgumentException("observed-expected needs at least one source region");
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
        for (int d = Math.max(0, fromDay); d <= asOfDay; d++) {
            for (int r = f.firstRow(d); r < f.endRow(d); r++) {
                int o = f.origin(r);
                int t = f.destination(r);
                if (slot[o] >= 0 && o != t) {
                    outflow[t] += f.trips(r);
                    bySource[t][slot[o]] += f.trips(r);
                }
            }
        }
        double[] pop = Populations.of(data, fromDay, asOfDay + 1);
        long[] cum = cases.cumulativeThrough(asOfDay);
        List<Integer> used = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (!isSource[j] && outflow[j] > 0 && pop[j] > 0) {
                used.add(j);
            }
        }
        if (used.size() < MIN_REGIONS) {
            throw new IllegalArgumentException("only " + used.size() + " regions receive trips from the sources; "
                    + "the regression needs at least " + MIN_REGIONS);
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
        List<Column> columns = List.of(
                Column.trips("trips_from_sources", "trips from the source region(s) over the window"),
                Column.of("observed_cases", "cumulative reported cases by the as-of day"),
                Column.of("expected_cases", "cases the fitted flow model expects"),
                Column.of("lower", (int) Math.round(level * 100) + " % prediction interval, lower bound"),
                Column.of("upper", (int) Math.round(level * 100) + " % prediction interval, upper bound"),
                Column.of("risk_index", "(observed + 1) / (expected + 1)"),
                Column.of("population", "residents N"));
        List<RiskRow> rows = new ArrayList<>(n);
        int above = 0;
        int below = 0;
        double[] share = new double[n];
        for (int j = 0; j < n; j++) {
            double exp = Double.NaN;
            double lo = Double.NaN;
            double hi = Double.NaN;
            String flag;
            if (isSource[j]) {
                flag = "source";
            } else if (outflow[j] > 0 && pop[j] > 0) {
                double[] x = x(outflow[j], pop[j], withPopulation);
                exp = Math.max(0, Math.expm1(fit.predict(x)));
                double[] pi = fit.predictionInterval(x, level);
                lo = Math.max(0, Math.expm1(pi[0]));
                hi = Math.max(0, Math.expm1(pi[1]));
                flag = cum[j] > hi ? "local-transmission" : cum[j] < lo ? "under-reporting" : "";
                above += cum[j] > hi ? 1 : 0;
                below += cum[j] < lo ? 1 : 0;
            } else {
                flag = "no-trips-from-sources";
            }
            double index = Double.isNaN(exp) ? Double.NaN : (cum[j] + 1) / (exp + 1);
            for (int s = 0; s < sources.length; s++) {
                share[sources[s]] = bySource[j][s];
            }
            rows.add(new RiskRow(j, data.regions().get(j).code(), Drivers.name(data.regions(), j), index,
                    new double[]{outflow[j], cum[j], exp, lo, hi, index, pop[j]}, flag,
                    Drivers.top(data.regions(), share, Drivers.TOP)));
        }
        double[] c = fit.coefficients();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", period.day(Math.max(0, fromDay)).toString());
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
        summary.put("aboveInterval", above);
        summary.put("belowInterval", below);
        return new RiskResult(MODEL, columns, rows, summary, data.info().k());
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
