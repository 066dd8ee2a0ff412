package org.epiflow.analytics.compare;

import org.epiflow.analytics.Column;
import org.epiflow.analytics.ProvinceRollUp;
import org.epiflow.analytics.RiskOutcome;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.RiskRow;
import org.epiflow.analytics.RollUp;
import org.epiflow.data.DayRange;
import org.epiflow.data.FlowNodes;
import org.epiflow.data.compare.PerCapita;
import org.epiflow.model.AggregateDataset;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One run's figures of one column per region, or per province by the column's roll-up rule, with the k rule applied
 * to what would be shown (a trip figure between 0 and k is withheld, not dropped) and, for a count, optionally per
 * 1,000 residents of the region (residents.csv over the travel window where present, else the region table's
 * population: {@link PerCapita}). The one place a heatmap's figures are made for the comparison and the per-capita
 * views; {@link ProvinceRollUp} makes the plain ones.
 */
public final class RiskFigures {
    /**
     * One figure.
     *
     * @param value    what is shown (per 1,000 residents when asked); NaN when the model has none
     * @param raw      the figure before the per-capita division (the k rule is applied to it)
     * @param withheld a trip figure between 0 and k: not published
     */
    public record Figure(double value, double raw, boolean withheld) {
    }

    private final Map<String, Figure> figures;
    private final PerCapita.Source source;

    private RiskFigures(Map<String, Figure> figures, PerCapita.Source source) {
        this.figures = figures;
        this.source = source;
    }

    /**
     * The figures of {@code column} of a run on {@code data}, per region or per province, per 1,000 residents
     * when {@code perCapita} (refused for anything but a count).
     *
     * @throws IllegalArgumentException the column is not in the result, or per-capita of a column that is not a count
     */
    public static RiskFigures of(RiskOutcome run, AggregateDataset data, String column, boolean provinces,
                                 boolean perCapita) {
        RiskResult r = run.result();
        int col = r.column(column).orElseThrow(() -> new IllegalArgumentException("no column " + column));
        Column c = r.columns().get(col);
        if (perCapita && !ChangeRule.of(c).perCapita()) {
            throw new IllegalArgumentException("not a count: " + column);
        }
        FlowNodes nodes = provinces ? FlowNodes.provinces(data.regions()) : FlowNodes.regions(data.regions());
        Map<String, Double> raw = raw(r, col, i -> nodes.code(nodes.nodeOfRegion(i)));
        PerCapita pc = perCapita ? PerCapita.of(data, nodes, new DayRange(run.window().fromDay(),
                run.window().toDay())) : null;
        Map<String, Figure> out = new LinkedHashMap<>();
        raw.forEach((code, v) -> {
            boolean withheld = c.flowDerived() && v > 0 && v < r.k();
            double shown = v;
            if (pc != null && Double.isFinite(v)) {
                int node = nodes.indexOf(code);
                shown = node < 0 ? Double.NaN : pc.per1000(node, v).orElse(Double.NaN);
            }
            out.put(code, new Figure(shown, v, withheld));
        });
        return new RiskFigures(out, pc == null ? null : pc.source());
    }

    /** The raw figure per group (no k rule), by the column's roll-up rule; per region when each is its own group. */
    static Map<String, Double> raw(RiskResult r, int col, IntFunction<String> groupOf) {
        Column c = r.columns().get(col);
        RollUp rule = c.rollUp();
        int num = -1, den = -1;
        if (rule.kind() == RollUp.Kind.RATE || rule.kind() == RollUp.Kind.RATIO) {
            num = r.column(rule.numerator()).orElseThrow();
            den = r.column(rule.denominator()).orElseThrow();
        }
        int size = r.rows().size();
        String[] group = new String[size];
        double[] v = new double[size], a = new double[size], b = new double[size];
        boolean distinct = true;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int k = 0; k < size; k++) {
            RiskRow row = r.rows().get(k);
            group[k] = groupOf.apply(row.region());
            distinct &= seen.add(group[k]);
            v[k] = row.value(col);
            a[k] = num >= 0 ? row.value(num) : Double.NaN;
            b[k] = den >= 0 ? row.value(den) : Double.NaN;
        }
        if (distinct) {
            // one region per group: its own figure, whatever the rule (a rate is the model's, not recomputed)
            Map<String, Double> out = new LinkedHashMap<>();
            for (int k = 0; k < size; k++) {
                out.put(group[k], v[k]);
            }
            return out;
        }
        return ProvinceRollUp.combine(rule, group, v, a, b);
    }

    /** The figure of a region or province code, or null when the run has no row for it. */
    public Figure get(String code) {
        return figures.get(code);
    }

    /** Every figure by code, in the result's order (most exposed first). */
    public Map<String, Figure> all() {
        return java.util.Collections.unmodifiableMap(figures);
    }

    /** Where the residents came from, or null when the figures are not per capita. */
    public PerCapita.Source perCapitaSource() {
        return source;
    }
}
