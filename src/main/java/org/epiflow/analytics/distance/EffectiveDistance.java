package org.epiflow.analytics.distance;

import org.epiflow.analytics.Column;
import org.epiflow.analytics.DayWindow;
import org.epiflow.analytics.RiskModelException;
import org.epiflow.analytics.RollUp;
import org.epiflow.analytics.importation.ImportationRisk;
import org.epiflow.text.Message;
import org.epiflow.analytics.Driver;
import org.epiflow.analytics.Drivers;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.RiskRow;
import org.epiflow.analytics.SparseFlows;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.stats.LinearFit;
import org.epiflow.analytics.stats.Ranks;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Period;
import org.epiflow.model.RegionTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Effective distance from one or several seed regions (Brockmann &amp; Helbing 2013) as a risk ranking: the
 * smaller D, the earlier the predicted arrival. With case data, the observed first-case day of every reached region
 * is regressed on D ({@code T_a = a + b·D}, the paper's linear arrival law), giving an effective speed 1/b and a
 * predicted arrival day for regions without cases yet.
 */
public final class EffectiveDistance {
    /** The model's name in results. */
    public static final String MODEL = "effective-distance";
    /** Flag of a region the published trips do not reach. */
    public static final String UNREACHED = "unreached";

    /** The figures of every row, in order. Near (small D) reads as exposed. */
    public static final List<Column> COLUMNS = List.of(
            Column.of("effective_distance", "shortest effective distance D from the nearest source "
                    + "(1 − ln P per step; sources are marked, not ranked)").rollUp(RollUp.MIN).lowerIsExposed()
                    .quantity(Column.Quantity.DISTANCE),
            Column.of("hops", "regions crossed on that path").rollUp(RollUp.MIN).lowerIsExposed()
                    .quantity(Column.Quantity.DISTANCE),
            Column.of("arrival_rank", "predicted order of arrival (1 = first; sources have none)")
                    .rollUp(RollUp.MIN).lowerIsExposed().quantity(Column.Quantity.RANK),
            Column.of("observed_first_case_day", "day of the first reported case, days after the bundle's first day")
                    .rollUp(RollUp.MIN).lowerIsExposed().quantity(Column.Quantity.DAY),
            Column.of("predicted_arrival_day", "arrival day from the fitted line T = a + b·D, days after the "
                    + "bundle's first day (only when the fitted slope is positive)").rollUp(RollUp.MIN)
                    .lowerIsExposed().quantity(Column.Quantity.DAY));

    private EffectiveDistance() {
    }

    /**
     * Ranks regions by effective distance from {@code sources} over the trips of days {@code fromDay..toDay}.
     *
     * @param cases reported cases (for observed arrivals and the speed fit), or null
     */
    public static RiskResult compute(AggregateDataset data, int[] sources, DayWindow w, CaseTable cases) {
        int fromDay = w.fromDay();
        int toDay = w.toDay();
        int asOf = w.asOfDay();
        if (sources.length == 0) {
            throw RiskModelException.of("analytics.run.needSource");
        }
        RegionTable regions = data.regions();
        int n = regions.size();
        Period period = data.info().period();
        SparseFlows window = SparseFlows.window(data.flows(), n, fromDay, toDay + 1, false);
        EffectiveDistanceGraph graph = new EffectiveDistanceGraph(window);
        EffectiveDistanceGraph.Paths paths = graph.shortestPaths(sources);
        double[][] perSource = new double[sources.length][];
        for (int s = 0; s < sources.length; s++) {
            perSource[s] = sources.length == 1 ? paths.distance() : graph.shortestPaths(sources[s]).distance();
        }
        boolean[] isSource = new boolean[n];
        for (int s : sources) {
            isSource[s] = true;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] d = paths.distance();
        Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
        double[] rank = new double[n];
        Arrays.fill(rank, Double.NaN);
        int r = 0;
        for (int i : order) {
            if (!isSource[i] && Double.isFinite(d[i])) {
                rank[i] = ++r;
            }
        }
        double[] observed = new double[n];
        Arrays.fill(observed, Double.NaN);
        List<double[]> points = new ArrayList<>();
        if (cases != null) {
            for (int i = 0; i < n; i++) {
                int first = cases.firstCaseDay(i);
                if (first >= 0 && first <= asOf) {
                    observed[i] = first;
                    if (!isSource[i] && Double.isFinite(d[i])) {
                        points.add(new double[]{d[i], first});
                    }
                }
            }
        }
        LinearFit fit = null;
        if (points.size() >= 3) {
            double[][] x = new double[points.size()][];
            double[] y = new double[points.size()];
            for (int i = 0; i < y.length; i++) {
                x[i] = new double[]{1, points.get(i)[0]};
                y[i] = points.get(i)[1];
            }
            try {
                fit = LinearFit.fit(x, y);
            } catch (IllegalArgumentException e) {
                fit = null;
            }
        }
        boolean usable = fit != null && fit.coefficients()[1] > 0;
        boolean[] published = new boolean[n];
        for (int e = 0; e < window.pairs(); e++) {
            published[window.destination(e)] = true;
        }
        for (int o = 0; o < n; o++) {
            if (window.end(o) > window.start(o)) {
                published[o] = true;
            }
        }
        List<RiskRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double predicted = usable && Double.isFinite(d[i]) && !isSource[i]
                    ? fit.predict(new double[]{1, d[i]}) : Double.NaN;
            int[] path = paths.path(i);
            String via = path.length > 1 ? Arrays.stream(path).mapToObj(k -> regions.get(k).code())
                    .collect(Collectors.joining(">")) : "";
            boolean reached = Double.isFinite(d[i]);
            String flag = isSource[i] ? RiskResult.SOURCE : reached ? via
                    : published[i] ? UNREACHED : ImportationRisk.SUPPRESSED;
            rows.add(new RiskRow(i, regions.get(i).code(), Drivers.name(regions, i),
                    reached && !isSource[i] ? -d[i] : Double.NaN,
                    new double[]{reached && !isSource[i] ? d[i] : Double.NaN,
                        reached && !isSource[i] ? path.length - 1 : Double.NaN, rank[i], observed[i], predicted},
                    flag, drivers(regions, sources, perSource, i)));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", period.day(fromDay).toString());
        summary.put("to", period.day(toDay).toString());
        summary.put("asOf", period.day(asOf).toString());
        summary.put("sources", Arrays.stream(sources).mapToObj(s -> regions.get(s).code()).toList());
        summary.put("reachable", (int) Arrays.stream(d).filter(Double::isFinite).count());
        summary.put("arrivalsObserved", points.size());
        if (fit != null) {
            double[] c = fit.coefficients();
            summary.put("arrivalInterceptDays", c[0]);
            summary.put("daysPerUnitDistance", c[1]);
            summary.put("effectiveSpeed", c[1] > 0 ? 1 / c[1] : Double.NaN);
            summary.put("arrivalFitUsable", usable);
            summary.put("arrivalFitR2", fit.rSquared());
            double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
            summary.put("spearmanDistanceVsArrival", Ranks.spearman(xs, ys));
        }
        List<Message> inputs = List.of(
                Message.of("analytics.inputs.travel", period.day(fromDay).toString(), period.day(toDay).toString()),
                Message.of("analytics.inputs.asOf", period.day(asOf).toString()),
                Message.of("analytics.inputs.sources", String.join(", ", Arrays.stream(sources)
                        .mapToObj(s -> regions.get(s).code()).toList())));
        return new RiskResult(MODEL, COLUMNS, rows, summary, data.info().k(), inputs);
    }

    /** Sources weighted by exp(−D) (the paper's dominant-path approximation to arrival probability). */
    private static List<Driver> drivers(RegionTable regions, int[] sources, double[][] perSource, int i) {
        double[] w = new double[regions.size()];
        for (int s = 0; s < sources.length; s++) {
            double dist = perSource[s][i];
            if (Double.isFinite(dist)) {
                w[sources[s]] += Math.exp(-dist);
            }
        }
        return Drivers.top(regions, w, Drivers.TOP);
    }
}
