package org.epiflow.analytics.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes {@link Breaks} from values (NaN and infinite values are ignored). When the data have fewer distinct
 * values than classes asked for, fewer classes are returned; when all values are equal, one class [v, v + 1).
 */
public final class BreakFinder {
    private BreakFinder() {
    }

    public static Breaks of(ClassificationMethod method, double[] values, int classes) {
        return switch (method) {
            case QUANTILES -> quantiles(values, classes);
            case EQUAL_INTERVALS -> equalIntervals(values, classes);
            case NATURAL_BREAKS -> naturalBreaks(values, classes);
            case CUSTOM -> throw new IllegalArgumentException("custom breaks need edges: use custom(edges)");
        };
    }

    static double[] finiteSorted(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        Arrays.sort(v);
        return v;
    }

    public static Breaks equalIntervals(double[] values, int classes) {
        double[] v = check(values, classes);
        if (v == null) {
            return single(values, ClassificationMethod.EQUAL_INTERVALS);
        }
        double lo = v[0];
        double hi = v[v.length - 1];
        double[] e = new double[classes + 1];
        for (int i = 0; i <= classes; i++) {
            e[i] = lo + (hi - lo) * i / classes;
        }
        e[classes] = hi;
        return new Breaks(e, ClassificationMethod.EQUAL_INTERVALS);
    }

    public static Breaks quantiles(double[] values, int classes) {
        double[] v = check(values, classes);
        if (v == null) {
            return single(values, ClassificationMethod.QUANTILES);
        }
        double[] e = new double[classes + 1];
        int m = 0;
        for (int i = 0; i <= classes; i++) {
            double h = (v.length - 1) * (double) i / classes;
            int a = (int) Math.floor(h);
            double q = v[a] + (h - a) * (v[Math.min(v.length - 1, a + 1)] - v[a]);
            if (m == 0 || q > e[m - 1]) {
                e[m++] = q;
            }
        }
        return new Breaks(Arrays.copyOf(e, m), ClassificationMethod.QUANTILES);
    }

    /**
     * Jenks natural breaks, exact: Fisher's (1958) dynamic programme over the sorted values minimising the sum of
     * squared deviations from class means (O(k·n²) time, O(k·n) memory; n is the number of regions).
     */
    public static Breaks naturalBreaks(double[] values, int classes) {
        double[] v = check(values, classes);
        if (v == null) {
            return single(values, ClassificationMethod.NATURAL_BREAKS);
        }
        int n = v.length;
        int k = Math.min(classes, (int) Arrays.stream(v).distinct().count());
        double[] s1 = new double[n + 1];
        double[] s2 = new double[n + 1];
        for (int i = 0; i < n; i++) {
            s1[i + 1] = s1[i] + v[i];
            s2[i + 1] = s2[i] + v[i] * v[i];
        }
        double[][] cost = new double[k + 1][n + 1];
        int[][] cut = new int[k + 1][n + 1];
        for (int j = 1; j <= n; j++) {
            cost[1][j] = ssd(s1, s2, 0, j);
        }
        for (int c = 2; c <= k; c++) {
            for (int j = c; j <= n; j++) {
                double best = Double.POSITIVE_INFINITY;
                int at = c - 1;
                for (int i = c - 1; i < j; i++) {
                    double x = cost[c - 1][i] + ssd(s1, s2, i, j);
                    if (x < best) {
                        best = x;
                        at = i;
                    }
                }
                cost[c][j] = best;
                cut[c][j] = at;
            }
        }
        double[] e = new double[k + 1];
        e[0] = v[0];
        e[k] = v[n - 1];
        int j = n;
        for (int c = k; c >= 2; c--) {
            int i = cut[c][j];
            // the first value of the class; midway to the previous value when the class is the maximum alone
            e[c - 1] = v[i] < v[n - 1] ? v[i] : (v[i - 1] + v[i]) / 2;
            j = i;
        }
        double[] dedup = new double[k + 1];
        int m = 0;
        for (double x : e) {
            if (m == 0 || x > dedup[m - 1]) {
                dedup[m++] = x;
            }
        }
        if (m < 2) {
            return single(values, ClassificationMethod.NATURAL_BREAKS);
        }
        return new Breaks(Arrays.copyOf(dedup, m), ClassificationMethod.NATURAL_BREAKS);
    }

    /** Sum of squared deviations of sorted values [i, j). */
    private static double ssd(double[] s1, double[] s2, int i, int j) {
        double sum = s1[j] - s1[i];
        return Math.max(0, s2[j] - s2[i] - sum * sum / (j - i));
    }

    /**
     * Breaks for a diverging figure: {@code centre} is always an edge, the values below it get about half the
     * classes and those above the rest, each side classified by {@code method} (custom is not allowed here).
     *
     * @return the breaks and, as {@link Diverging#below()}, how many classes lie below the centre
     */
    public static Diverging diverging(ClassificationMethod method, double[] values, int classes, double centre) {
        double[] v = finiteSorted(values);
        double[] lo = Arrays.stream(v).filter(x -> x < centre).toArray();
        double[] hi = Arrays.stream(v).filter(x -> x > centre).toArray();
        int kLo = lo.length == 0 ? 0 : hi.length == 0 ? Math.max(1, classes - 1) : Math.max(1, classes / 2);
        int kHi = hi.length == 0 ? (lo.length == 0 ? 1 : 1) : Math.max(1, classes - kLo);
        List<Double> edges = new ArrayList<>();
        if (kLo > 0) {
            double[] withCentre = Arrays.copyOf(lo, lo.length + 1);
            withCentre[lo.length] = centre;
            double[] e = of(method, withCentre, kLo).edges();
            for (double x : e) {
                if (x < centre) {
                    edges.add(x);
                }
            }
        }
        edges.add(centre);
        if (hi.length > 0) {
            double[] withCentre = new double[hi.length + 1];
            withCentre[0] = centre;
            System.arraycopy(hi, 0, withCentre, 1, hi.length);
            double[] e = of(method, withCentre, kHi).edges();
            for (double x : e) {
                if (x > centre) {
                    edges.add(x);
                }
            }
        } else {
            edges.add(centre + Math.max(1e-9, Math.abs(centre) * 1e-6));
        }
        if (lo.length == 0 && edges.get(0) == centre && edges.size() < 2) {
            edges.add(0, centre - 1);
        }
        int below = 0;
        for (double x : edges) {
            if (x < centre) {
                below++;
            }
        }
        double[] out = edges.stream().mapToDouble(Double::doubleValue).toArray();
        return new Diverging(new Breaks(out, method), below);
    }

    /**
     * Diverging breaks.
     *
     * @param breaks the edges, the centre among them
     * @param below  classes below the centre
     */
    public record Diverging(Breaks breaks, int below) {
        /** Classes above the centre. */
        public int above() {
            return breaks.classes() - below;
        }
    }

    /** Custom edges, checked. */
    public static Breaks custom(double... edges) {
        return new Breaks(edges, ClassificationMethod.CUSTOM);
    }

    private static double[] check(double[] values, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("at least one class");
        }
        double[] v = finiteSorted(values);
        if (v.length == 0 || v[0] == v[v.length - 1]) {
            return null;
        }
        return v;
    }

    private static Breaks single(double[] values, ClassificationMethod method) {
        double[] v = finiteSorted(values);
        double x = v.length == 0 ? 0 : v[0];
        return new Breaks(new double[]{x, x + Math.max(1, Math.abs(x) * 1e-9)}, method);
    }
}
