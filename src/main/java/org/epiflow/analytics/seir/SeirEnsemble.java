package org.epiflow.analytics.seir;

import org.epiflow.analytics.stats.Ranks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * An ensemble of stochastic runs and its summary per simulation day and region: the mean and the 5, 25, 50, 75 and
 * 95 % quantiles of cumulative infections (50 % interval = 25–75, 90 % = 5–95) and the share of runs in which the
 * region has had at least one infection. Runs are independent streams split in order from one seed, so the result
 * does not depend on thread scheduling; they run on the common fork-join pool (both cores).
 */
public final class SeirEnsemble {
    private final int days;
    private final int regions;
    private final int runs;
    private final float[] mean;
    private final float[][] quantiles;
    private final float[] arrival;

    /** The quantile levels kept. */
    public static final double[] LEVELS = {0.05, 0.25, 0.5, 0.75, 0.95};

    private SeirEnsemble(int days, int regions, int runs, float[] mean, float[][] quantiles, float[] arrival) {
        this.days = days;
        this.regions = regions;
        this.runs = runs;
        this.mean = mean;
        this.quantiles = quantiles;
        this.arrival = arrival;
    }

    /**
     * Runs the ensemble. Fractional starting numbers are rounded at random per run (keeping their mean).
     *
     * @param seed the random seed; the same seed gives the same ensemble
     */
    public static SeirEnsemble run(TravelSchedule sched, SeirParameters p, double[] population, double[] exposed,
                                   double[] infectious, int runs, long seed) {
        if (runs < 1) {
            throw new IllegalArgumentException("at least one run");
        }
        int n = population.length;
        int days = sched.days();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[runs];
        for (int r = 0; r < runs; r++) {
            streams[r] = root.split();
        }
        long[] pop = new long[n];
        for (int k = 0; k < n; k++) {
            pop[k] = Math.round(population[k]);
        }
        int[][] out = new int[runs][];
        IntStream.range(0, runs).parallel().forEach(r -> {
            SplittableRandom rnd = streams[r];
            long[] e = round(exposed, rnd);
            long[] i = round(infectious, rnd);
            int[] cum = new int[days * n];
            MetapopulationSeir.stochastic(sched, p, pop, e, i, rnd, cum);
            out[r] = cum;
        });
        float[] mean = new float[days * n];
        float[][] q = new float[LEVELS.length][days * n];
        float[] arrival = new float[days * n];
        IntStream.range(0, days).parallel().forEach(d -> {
            int[][] block = new int[n][runs];
            for (int r = 0; r < runs; r++) {
                int[] src = out[r];
                for (int k = 0; k < n; k++) {
                    block[k][r] = src[d * n + k];
                }
            }
            double[] sorted = new double[runs];
            for (int k = 0; k < n; k++) {
                int cell = d * n + k;
                int[] v = block[k];
                long sum = 0;
                int hit = 0;
                for (int r = 0; r < runs; r++) {
                    sum += v[r];
                    hit += v[r] > 0 ? 1 : 0;
                }
                mean[cell] = (float) ((double) sum / runs);
                arrival[cell] = (float) hit / runs;
                if (hit == 0) {
                    continue;
                }
                Arrays.sort(v);
                for (int r = 0; r < runs; r++) {
                    sorted[r] = v[r];
                }
                for (int l = 0; l < LEVELS.length; l++) {
                    q[l][cell] = (float) Ranks.quantileSorted(sorted, runs, LEVELS[l]);
                }
            }
        });
        return new SeirEnsemble(days, n, runs, mean, q, arrival);
    }

    private static long[] round(double[] x, SplittableRandom rnd) {
        long[] out = new long[x.length];
        for (int k = 0; k < x.length; k++) {
            double f = Math.floor(x[k]);
            out[k] = (long) f + (rnd.nextDouble() < x[k] - f ? 1 : 0);
        }
        return out;
    }

    public int days() {
        return days;
    }

    public int regions() {
        return regions;
    }

    public int runs() {
        return runs;
    }

    /** Mean cumulative infections on simulation day {@code s} in {@code region}. */
    public double mean(int s, int region) {
        return mean[s * regions + region];
    }

    /** Quantile {@code LEVELS[level]} of cumulative infections. */
    public double quantile(int level, int s, int region) {
        return quantiles[level][s * regions + region];
    }

    /** Share of runs with at least one infection in {@code region} by day {@code s}. */
    public double arrivalProbability(int s, int region) {
        return arrival[s * regions + region];
    }
}
