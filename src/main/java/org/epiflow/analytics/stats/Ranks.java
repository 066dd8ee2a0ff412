package org.epiflow.analytics.stats;

import java.util.Arrays;

/** Sample quantiles and Spearman's rank correlation. */
public final class Ranks {
    private Ranks() {
    }

    /** Quantile {@code q} of sorted values (linear interpolation between order statistics, "type 7"). */
    public static double quantileSorted(double[] sorted, int length, double q) {
        if (length == 0) {
            return Double.NaN;
        }
        double h = (length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Mid-ranks (ties share their mean rank), 1-based. */
    public static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = mid;
            }
            i = j + 1;
        }
        return r;
    }

    /** Spearman's ρ (Pearson correlation of the mid-ranks); NaN with fewer than 3 pairs. */
    public static double spearman(double[] x, double[] y) {
        if (x.length < 3) {
            return Double.NaN;
        }
        return pearson(ranks(x), ranks(y));
    }

    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }
}
