package org.epiflow.data.demo;

import java.util.SplittableRandom;

/**
 * Seeded random draws for the demo's stochastic models. Exact for small counts, normal approximations (rounded and
 * clamped to the valid range) for large ones — plenty for a demo, and fully deterministic for a given seed.
 */
final class Sampling {
    private static final double NORMAL_ABOVE = 30;

    private Sampling() {
    }

    static double normal(SplittableRandom rnd) {
        // Marsaglia polar method (its own implementation: java.util.Random's is not splittable)
        double u;
        double v;
        double s;
        do {
            u = 2 * rnd.nextDouble() - 1;
            v = 2 * rnd.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * StrictMath.log(s) / s);
    }

    /** Poisson(λ): Knuth's product method below 30, a rounded normal N(λ, λ) above. */
    static long poisson(SplittableRandom rnd, double lambda) {
        if (!(lambda > 0)) {
            return 0;
        }
        if (lambda >= NORMAL_ABOVE) {
            return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rnd)));
        }
        double limit = StrictMath.exp(-lambda);
        double p = rnd.nextDouble();
        long k = 0;
        while (p > limit) {
            k++;
            p *= rnd.nextDouble();
        }
        return k;
    }

    /** Binomial(n, p): Bernoulli trials for small n, Poisson for rare events, a clamped normal otherwise. */
    static long binomial(SplittableRandom rnd, long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (n < 40) {
            long k = 0;
            for (long i = 0; i < n; i++) {
                if (rnd.nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }
        double mean = n * p;
        if (mean < NORMAL_ABOVE) {
            return Math.min(n, poisson(rnd, mean));
        }
        double q = n * (1 - p);
        if (q < NORMAL_ABOVE) {
            return Math.max(0, n - poisson(rnd, q));
        }
        long k = Math.round(mean + Math.sqrt(mean * (1 - p)) * normal(rnd));
        return Math.max(0, Math.min(n, k));
    }

    /**
     * Splits {@code n} items over categories with probabilities {@code p} (their sum at most 1; the rest stays
     * unassigned) by successive conditional binomials. Returns the counts per category.
     */
    static long[] multinomial(SplittableRandom rnd, long n, double[] p) {
        long[] out = new long[p.length];
        long left = n;
        double rest = 1.0;
        for (int i = 0; i < p.length && left > 0 && rest > 0; i++) {
            double q = Math.min(1.0, p[i] / rest);
            out[i] = binomial(rnd, left, q);
            left -= out[i];
            rest -= p[i];
        }
        return out;
    }
}
