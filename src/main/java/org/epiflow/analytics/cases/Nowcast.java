package org.epiflow.analytics.cases;

import java.util.Arrays;

/**
 * Infections per day estimated from reports that arrive after a {@link ReportingDelay} (back-projection with
 * right truncation, a "nowcast").
 *
 * <p>Reports y(t) of a region are modelled as {@code E[y(t)] = a · Σ_l f(l) · x(t − l)} (x: new infections,
 * f: the delay distribution, a: ascertainment). Up to the as-of day T the infections are estimated by the EM
 * algorithm for Poisson deconvolution (Becker, Watson &amp; Carlin 1991; the same iteration as Richardson–Lucy),
 * with the right truncation of each day's reports: {@code x(s) ← x(s)/q(s) · Σ_{t=s..T} f(t−s) y(t)/μ(t)},
 * {@code q(s) = Σ_{l ≤ T−s} f(l)} the share of day s's reports already seen and μ the current fit. A spread delay
 * adds the EMS smoothing step (weights 1-2-1). Days whose reports are mostly unseen ({@code q(s) < }
 * {@value #RELIABLE}) are too noisy to estimate: they continue the exponential trend of the last
 * {@value #TREND_DAYS} reliable days (the region's own trend when it has at least {@value #TREND_CASES} infections
 * there, else that of all regions together). With no delay the estimate is the reports themselves (÷ a).
 */
public final class Nowcast {
    /** Share of a day's reports that must be seen for the day to be estimated from them. */
    public static final double RELIABLE = 0.5;
    /** Reliable days the trend is fitted on. */
    public static final int TREND_DAYS = 14;
    /** Estimated infections a region needs in those days to use its own trend. */
    public static final int TREND_CASES = 20;
    private static final int ITERATIONS = 40;
    private static final double MAX_GROWTH = 0.5;

    /**
     * The estimate.
     *
     * @param infections  estimated new infections {@code [day * n + region]} (already divided by the ascertainment),
     *                    0 after the as-of day
     * @param seen        per day, the share q(s) of its reports seen by the as-of day
     * @param extrapolated per day, true when the day continues the trend instead of being estimated from reports
     */
    public record Estimate(double[] infections, double[] seen, boolean[] extrapolated, int regions, int asOfDay,
                           ReportingDelay delay, double ascertainment, int[][] reports) {
        /**
         * A parametric bootstrap replicate of the infections of some regions: each day estimated from its reports
         * is redrawn as {@code Poisson(a·q·x) / (a·q)} (the reports behind it, q the share of them seen), and the
         * days that continue the trend get the trend refitted to the redrawn days — so the reporting noise reaches
         * the recent, extrapolated days, at the cost of one pass over the days (no new deconvolution).
         *
         * @param only regions to redraw
         * @return infections {@code [k][day]} for days 0 … as-of, for the regions in {@code only}
         */
        public double[][] replicate(int[] only, java.util.SplittableRandom rnd) {
            int t = asOfDay;
            double[][] x = new double[only.length][t + 1];
            int lastReliable = -1;
            for (int s = 0; s <= t; s++) {
                if (!extrapolated[s]) {
                    lastReliable = s;
                }
            }
            double[] pooledSeries = new double[t + 1];
            for (int k = 0; k < only.length; k++) {
                for (int s = 0; s <= lastReliable; s++) {
                    double est = infections[s * regions + only[k]];
                    double scale = ascertainment * Math.max(0.05, seen[s]);
                    x[k][s] = est > 0 ? poisson(rnd, est * scale) / scale : 0;
                    pooledSeries[s] += x[k][s];
                }
            }
            if (lastReliable < t) {
                double pooled = growth(pooledSeries, lastReliable);
                for (double[] xi : x) {
                    double recent = 0;
                    for (int s = Math.max(0, lastReliable - TREND_DAYS + 1); s <= lastReliable; s++) {
                        recent += xi[s] * ascertainment;
                    }
                    double r = recent >= TREND_CASES ? growth(xi, lastReliable) : pooled;
                    double level = level(xi, lastReliable, r);
                    for (int s = lastReliable + 1; s <= t; s++) {
                        xi[s] = level * Math.exp(r * (s - lastReliable));
                    }
                }
            }
            return x;
        }

        /** Estimated new infections on {@code day} in {@code region}. */
        public double infections(int day, int region) {
            return infections[day * regions + region];
        }

        /** Infected people of the last {@code window} days on each day ({@code [day * n + region]}). */
        public double[] pool(int window) {
            int days = infections.length / regions;
            double[] out = new double[infections.length];
            double[] running = new double[regions];
            for (int d = 0; d < days; d++) {
                for (int i = 0; i < regions; i++) {
                    running[i] += infections[d * regions + i];
                    if (d - window >= 0) {
                        running[i] -= infections[(d - window) * regions + i];
                    }
                    out[d * regions + i] = Math.max(0, running[i]);
                }
            }
            return out;
        }
    }

    private Nowcast() {
    }

    /** Estimates infections on days 0 … asOfDay from the reports up to asOfDay. */
    public static Estimate of(CaseTable cases, ReportingDelay delay, double ascertainment, int asOfDay) {
        if (!(ascertainment > 0 && ascertainment <= 1)) {
            throw new IllegalArgumentException("ascertainment in (0, 1]");
        }
        int n = cases.regions().size();
        int days = cases.days();
        int t = Math.min(asOfDay, days - 1);
        double[] f = delay.pmf();
        double[] q = new double[days];
        for (int s = 0; s <= t; s++) {
            for (int l = 0; l <= t - s && l < f.length; l++) {
                q[s] += f[l];
            }
        }
        boolean[] extrapolated = new boolean[days];
        for (int s = 0; s <= t; s++) {
            extrapolated[s] = q[s] < RELIABLE;
        }
        double[][] y = new double[n][t + 1];
        int[][] raw = new int[n][t + 1];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d <= t; d++) {
                raw[i][d] = cases.daily(d, i);
                y[i][d] = raw[i][d];
            }
        }
        double[][] x = estimate(y, f, q, extrapolated, t, !delay.isFixed());
        double[] out = new double[days * n];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s <= t; s++) {
                out[s * n + i] = x[i][s] / ascertainment;
            }
        }
        return new Estimate(out, q, extrapolated, n, t, delay, ascertainment, raw);
    }

    /** Deconvolution of every region's reports, then the trend over the days whose reports are mostly unseen. */
    static double[][] estimate(double[][] y, double[] f, double[] q, boolean[] extrapolated, int t, boolean smooth) {
        int n = y.length;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            boolean any = false;
            for (int d = 0; d <= t; d++) {
                any |= y[i][d] > 0;
            }
            x[i] = any ? deconvolve(y[i], f, q, t, smooth) : new double[t + 1];
        }
        int lastReliable = -1;
        for (int s = 0; s <= t; s++) {
            if (!extrapolated[s]) {
                lastReliable = s;
            }
        }
        if (lastReliable < t) {
            double pooled = growth(sum(x, t), lastReliable);
            for (int i = 0; i < n; i++) {
                double recent = 0;
                for (int s = Math.max(0, lastReliable - TREND_DAYS + 1); s <= lastReliable; s++) {
                    recent += x[i][s];
                }
                double r = recent >= TREND_CASES ? growth(x[i], lastReliable) : pooled;
                double level = level(x[i], lastReliable, r);
                for (int s = lastReliable + 1; s <= t; s++) {
                    x[i][s] = level * Math.exp(r * (s - lastReliable));
                }
            }
        }
        return x;
    }

    static int poisson(java.util.SplittableRandom rnd, double mu) {
        if (mu <= 0) {
            return 0;
        }
        if (mu > 40) {
            return (int) Math.max(0, Math.round(mu + Math.sqrt(mu) * rnd.nextGaussian()));
        }
        double l = Math.exp(-mu);
        int k = 0;
        double p = rnd.nextDouble();
        while (p > l) {
            k++;
            p *= rnd.nextDouble();
        }
        return k;
    }

    /** EM deconvolution of one region's reports (days 0 … t). */
    static double[] deconvolve(double[] y, double[] f, double[] q, int t, boolean smooth) {
        if (f.length == 1) {
            return Arrays.copyOf(y, t + 1);
        }
        double[] x = new double[t + 1];
        int shift = 0;
        double best = -1;
        for (int l = 0; l < f.length; l++) {
            if (f[l] > best) {
                best = f[l];
                shift = l;
            }
        }
        for (int s = 0; s <= t; s++) {
            x[s] = s + shift <= t ? y[s + shift] + 0.1 : 0.1;
        }
        double[] mu = new double[t + 1];
        double[] next = new double[t + 1];
        for (int it = 0; it < ITERATIONS; it++) {
            Arrays.fill(mu, 0);
            for (int s = 0; s <= t; s++) {
                if (x[s] == 0) {
                    continue;
                }
                for (int l = 0; l < f.length && s + l <= t; l++) {
                    mu[s + l] += f[l] * x[s];
                }
            }
            for (int s = 0; s <= t; s++) {
                if (!(q[s] > 0)) {
                    next[s] = 0;
                    continue;
                }
                double acc = 0;
                for (int l = 0; l < f.length && s + l <= t; l++) {
                    if (mu[s + l] > 0) {
                        acc += f[l] * y[s + l] / mu[s + l];
                    }
                }
                next[s] = x[s] / q[s] * acc;
            }
            if (smooth) {
                for (int s = 0; s <= t; s++) {
                    double a = s > 0 ? next[s - 1] : next[s];
                    double b = s < t ? next[s + 1] : next[s];
                    x[s] = (a + 2 * next[s] + b) / 4;
                }
            } else {
                System.arraycopy(next, 0, x, 0, t + 1);
            }
        }
        return x;
    }

    private static double[] sum(double[][] x, int t) {
        double[] s = new double[t + 1];
        for (double[] xi : x) {
            for (int d = 0; d <= t; d++) {
                s[d] += xi[d];
            }
        }
        return s;
    }

    /** Exponential growth rate per day over the last reliable days (least squares on log(x + 0.5)). */
    static double growth(double[] x, int last) {
        int from = Math.max(0, last - TREND_DAYS + 1);
        int m = last - from + 1;
        if (last < 0 || m < 3) {
            return 0;
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        double w = 0;
        for (int s = from; s <= last; s++) {
            double ly = Math.log(x[s] + 0.5);
            double wt = x[s] + 0.5;
            sx += wt * s;
            sy += wt * ly;
            sxx += wt * s * s;
            sxy += wt * s * ly;
            w += wt;
        }
        double den = w * sxx - sx * sx;
        double r = den > 0 ? (w * sxy - sx * sy) / den : 0;
        return Math.max(-MAX_GROWTH, Math.min(MAX_GROWTH, r));
    }

    /** The trend's value on the last reliable day, from the mean of the last week discounted by the growth. */
    private static double level(double[] x, int last, double r) {
        if (last < 0) {
            return 0;
        }
        double num = 0;
        double den = 0;
        for (int s = Math.max(0, last - 6); s <= last; s++) {
            num += x[s];
            den += Math.exp(-r * (last - s));
        }
        return den > 0 ? num / den : 0;
    }
}
