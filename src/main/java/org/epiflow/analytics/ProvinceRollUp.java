package org.epiflow.analytics;

import org.epiflow.data.FlowNodes;
import org.epiflow.model.RegionTable;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A result column mapped per region, or combined per province by the column's own {@link RollUp} rule. The one
 * place this is done: the app's heatmap and ranking and the batch exports call it.
 *
 * <p>Values are combined from the raw figures; the k rule is applied to what is shown, so a province total of trips
 * is withheld only when the total itself lies between 0 and k. A region without a figure (NaN) is left out of its
 * province; a province none of whose regions has a figure has none either.
 */
public final class ProvinceRollUp {
    private ProvinceRollUp() {
    }

    /** Column {@code col} per region code; NaN where the model has no figure or the k rule withholds it. */
    public static Map<String, Double> byRegion(RiskResult r, int col) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (RiskRow row : r.rows()) {
            out.put(row.code(), r.withheld(row, col) ? Double.NaN : row.value(col));
        }
        return out;
    }

    /** Column {@code col} per province code (the regions' parents). */
    public static Map<String, Double> byProvince(RiskResult r, int col, RegionTable regions) {
        return byGroup(r, col, i -> FlowNodes.provinceCodeOf(regions.get(i)));
    }

    /**
     * Column {@code col} per group, by the column's rule.
     *
     * @param groupOf the group code of a region index
     */
    public static Map<String, Double> byGroup(RiskResult r, int col, IntFunction<String> groupOf) {
        Column c = r.columns().get(col);
        RollUp rule = c.rollUp();
        int num = -1;
        int den = -1;
        if (rule.kind() == RollUp.Kind.RATE || rule.kind() == RollUp.Kind.RATIO) {
            num = r.column(rule.numerator()).orElseThrow(() -> new IllegalStateException("no column "
                    + rule.numerator()));
            den = r.column(rule.denominator()).orElseThrow(() -> new IllegalStateException("no column "
                    + rule.denominator()));
        }
        int size = r.rows().size();
        String[] group = new String[size];
        double[] v = new double[size];
        double[] a = new double[size];
        double[] b = new double[size];
        for (int k = 0; k < size; k++) {
            RiskRow row = r.rows().get(k);
            group[k] = groupOf.apply(row.region());
            v[k] = row.value(col);
            a[k] = num >= 0 ? row.value(num) : Double.NaN;
            b[k] = den >= 0 ? row.value(den) : Double.NaN;
        }
        Map<String, Double> out = combine(rule, group, v, a, b);
        if (c.flowDerived()) {
            out.replaceAll((g, x) -> x > 0 && x < r.k() ? Double.NaN : x);
        }
        return out;
    }

    /**
     * Combines per-region figures into groups.
     *
     * @param group       the group of each region
     * @param values      the figure of each region (NaN: none)
     * @param numerator   for rates and ratios, the numerator of each region (else ignored)
     * @param denominator for rates and ratios, the denominator of each region (else ignored)
     * @return the figure per group, in order of first appearance; NaN for a group without any figure
     */
    public static Map<String, Double> combine(RollUp rule, String[] group, double[] values, double[] numerator,
                                              double[] denominator) {
        Map<String, double[]> acc = new LinkedHashMap<>();
        for (int k = 0; k < group.length; k++) {
            double[] s = acc.computeIfAbsent(group[k], g -> new double[]{Double.NaN, 0, 0, 0});
            switch (rule.kind()) {
                case RATE, RATIO -> {
                    if (Double.isFinite(numerator[k]) && Double.isFinite(denominator[k])) {
                        s[1] += numerator[k];
                        s[2] += denominator[k];
                        s[3]++;
                    }
                }
                default -> {
                    double x = values[k];
                    if (Double.isNaN(x)) {
                        continue;
                    }
                    if (Double.isNaN(s[0])) {
                        s[0] = rule.kind() == RollUp.Kind.PROBABILITY ? 1 - x : x;
                        continue;
                    }
                    s[0] = switch (rule.kind()) {
                        case SUM -> s[0] + x;
                        case PROBABILITY -> s[0] * (1 - x);
                        case MIN -> Math.min(s[0], x);
                        case MAX -> Math.max(s[0], x);
                        case PRODUCT -> s[0] * x;
                        default -> Double.NaN;
                    };
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        acc.forEach((g, s) -> out.put(g, switch (rule.kind()) {
            case PROBABILITY -> Double.isNaN(s[0]) ? Double.NaN : 1 - s[0];
            case RATE -> s[3] > 0 && s[2] > 0 ? s[1] / s[2] * rule.scale() : Double.NaN;
            case RATIO -> s[3] > 0 && s[2] + rule.offset() > 0 ? (s[1] + rule.offset()) / (s[2] + rule.offset())
                    : Double.NaN;
            case NONE -> Double.NaN;
            default -> s[0];
        }));
        return out;
    }

    /** Flags per group: a group whose every region carries {@code flag} carries it too (e.g. all trips suppressed). */
    public static Map<String, Boolean> allFlagged(RiskResult r, String flag, IntFunction<String> groupOf) {
        Map<String, Boolean> out = new HashMap<>();
        for (RiskRow row : r.rows()) {
            out.merge(groupOf.apply(row.region()), row.flag().equals(flag), Boolean::logicalAnd);
        }
        return out;
    }
}
