package org.epiflow.analytics.seir;

import org.epiflow.analytics.stats.Ranks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * An ensemble of stochastic runs and its summary per simulation day and region: the mean and the 5, 25, 50, 75 and
 * 95 % quantiles of cumulative infections (50 % interval = 25–75, 90 % = 5–95) and the share of runs in which an
 * infected person (local infection or arriving traveller) has been in the region. Runs are independent streams split in order from one seed, so the result
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

    private final int discarded;
    /** Runs tried at most, as a multiple of the runs asked for, when conditioning on the epidemic going on. */
    public static final int MAX_TRIES = 5;

    private SeirEnsemble(int days, int regions, int runs, float[] mean, float[][] quantiles, float[] arrival,
                         int discarded) {
        this.discarded = discarded;
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
        return run(sched, p, population, exposed, infectious, runs, seed, -1);
    }

    /**
     * Runs the ensemble conditioned on the epidemic still going on simulation day {@code aliveBy} (the as-of day
     * when cases are still being reported then): runs in which it died out earlier contradict the data and are
     * replaced by further runs (at most {@value #MAX_TRIES} times as many in all); {@link #discarded()} says how many.
     */
    public static SeirEnsemble run(TravelSchedule sched, SeirParameters p, double[] population, double[] exposed,
                                   double[] infectious, int runs, long seed, int aliveBy) {
        SeirState fixed = SeirState.fresh(exposed, infectious);
        return run(sched, p, population, rnd -> fixed, runs, seed, aliveBy);
    }

    /**
     * Where each run starts: the same state every time, or a draw (a bootstrap replicate of the nowcast, so that
     * the uncertainty of the current infections reaches the bands). Called once per run with that run's stream.
     */
    @FunctionalInterface
    public interface Start {
        SeirState draw(SplittableRandom rnd);
    }

    /**
     * Runs the ensemble from {@code start}: each run rounds its state's E, I and R at random (keeping their
     * means), copies the history of simulation days 0 … state.day() and simulates from the day after.
     *
     * @param aliveBy as above (-1: no conditioning)
     */
    public static SeirEnsemble run(TravelSchedule sched, SeirParameters p, double[] population, Start start,
                                   int runs, long seed, int aliveBy) {
        if (runs < 1) {
            throw new IllegalArgumentException("at least one run");
        }
        int n = population.length;
        int days = sched.days();
        SplittableRandom root = new SplittableRandom(seed);
        long[] pop = new long[n];
        for (int k = 0; k < n; k++) {
            pop[k] = Math.round(population[k]);
        }
        int[][] out = new int[runs][];
        int[][] present = new int[runs][];
        int kept = 0;
        int tried = 0;
        while (kept < runs && tried < MAX_TRIES * runs) {
            int batch = Math.min(runs - kept, MAX_TRIES * runs - tried);
            SplittableRandom[] streams = new SplittableRandom[batch];
            for (int r = 0; r < batch; r++) {
                streams[r] = root.split();
            }
            int[][] cums = new int[batch][];
            int[][] firsts = new int[batch][];
            boolean[] ok = new boolean[batch];
            IntStream.range(0, batch).parallel().forEach(r -> {
                SplittableRandom rnd = streams[r];
                SeirState st = start.draw(rnd);
                long[] e = round(st.exposed(), rnd);
                long[] i = round(st.infectious(), rnd);
                long[] rec = roundFractions(st.recovered(), rnd);
                int[] cum = new int[days * n];
                int[] first = new int[n];
                int alive = MetapopulationSeir.stochastic(sched, p, pop, e, i, rec, st.day() + 1, st.incidence(),
                        rnd, cum, first);
                cums[r] = cum;
                firsts[r] = first;
                ok[r] = aliveBy < 0 || alive >= Math.min(aliveBy, days - 1);
            });
            tried += batch;
            for (int r = 0; r < batch && kept < runs; r++) {
                if (ok[r]) {
                    out[kept] = cums[r];
                    present[kept] = firsts[r];
                    kept++;
                }
            }
        }
        if (kept == 0) {
            throw new org.epiflow.analytics.RiskModelException(org.epiflow.text.Message.of(
                    "analytics.run.allExtinct", tried));
        }
        final int used = kept;
        if (kept < runs) {
            out = java.util.Arrays.copyOf(out, kept);
            present = java.util.Arrays.copyOf(present, kept);
        }
        final int[][] outF = out;
        final int[][] presentF = present;
        final int discarded = tried - kept;
        float[] mean = new float[days * n];
        float[][] q = new float[LEVELS.length][days * n];
        float[] arrival = new float[days * n];
        IntStream.range(0, days).parallel().forEach(d -> {
            int[][] block = new int[n][used];
            for (int r = 0; r < used; r++) {
                int[] src = outF[r];
                for (int k = 0; k < n; k++) {
                    block[k][r] = src[d * n + k];
                }
            }
            double[] sorted = new double[used];
            for (int k = 0; k < n; k++) {
                int cell = d * n + k;
                int[] v = block[k];
                long sum = 0;
                int hit = 0;
                for (int r = 0; r < used; r++) {
                    sum += v[r];
                    int f = presentF[r][k];
                    hit += f >= 0 && f <= d ? 1 : 0;
                }
                mean[cell] = (float) ((double) sum / used);
                arrival[cell] = (float) hit / used;
                if (sum == 0) {
                    continue;
                }
                Arrays.sort(v);
                for (int r = 0; r < used; r++) {
                    sorted[r] = v[r];
                }
                for (int l = 0; l < LEVELS.length; l++) {
                    q[l][cell] = (float) Ranks.quantileSorted(sorted, used, LEVELS[l]);
                }
            }
        });
        return new SeirEnsemble(days, n, used, mean, q, arrival, discarded);
    }

    /** As {@link #round}, drawing only for counts with a fractional part (all-zero recoveries draw nothing). */
    private static long[] roundFractions(double[] x, SplittableRandom rnd) {
        long[] out = new long[x.length];
        for (int k = 0; k < x.length; k++) {
            double f = Math.floor(x[k]);
            out[k] = (long) f + (x[k] > f && rnd.nextDouble() < x[k] - f ? 1 : 0);
        }
        return out;
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

    /** Runs discarded because the epidemic died out before the day the data show it going on. */
    public int discarded() {
        return discarded;
    }

    /** Mean cumulative infections on simulation day {@code s} in {@code region}. */
    public double mean(int s, int region) {
        return mean[s * regions + region];
    }

    /** Quantile {@code LEVELS[level]} of cumulative infections. */
    public double quantile(int level, int s, int region) {
        return quantiles[level][s * regions + region];
    }

    /**
     * Share of runs in which at least one infected person (a local infection or an arriving infected traveller) has
     * been in {@code region} by day {@code s}.
     */
    public double arrivalProbability(int s, int region) {
        return arrival[s * regions + region];
    }
}
