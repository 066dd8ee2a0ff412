package org.epiflow.analytics.seir;

import java.util.SplittableRandom;

/**
 * Binomial draws for the chain-binomial SEIR: exact inversion when the mean is below {@value #INVERSION_MEAN},
 * otherwise the normal approximation with continuity rounding (then n·p·(1−p) ≥ 15 and the error is negligible at
 * the population sizes of regions).
 */
public final class Binomial {
    static final double INVERSION_MEAN = 30;

    private Binomial() {
    }

    /** One draw of Bin(n, p). */
    public static long draw(SplittableRandom rnd, long n, double p) {
        if (n <= 0 || !(p > 0)) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - draw(rnd, n, 1 - p);
        }
        double mean = n * p;
        if (mean < INVERSION_MEAN) {
            double q = 1 - p;
            double s = p / q;
            double a = (n + 1) * s;
            double r = Math.exp(n * Math.log1p(-p));
            double u = rnd.nextDouble();
            long x = 0;
            while (u > r && x < n) {
                u -= r;
                x++;
                r *= a / x - s;
                if (r <= 0) {
                    break;
                }
            }
            return x;
        }
        double x = Math.rint(mean + Math.sqrt(mean * (1 - p)) * rnd.nextGaussian());
        return (long) Math.max(0, Math.min(n, x));
    }
}
