package org.epiflow.analytics.seir;

import java.util.SplittableRandom;

/**
 * The metapopulation SEIR in daily steps. Each day, first in every region (N = S+E+I+R there):
 * new infections {@code S·(1 − exp(−β·c(t)·I/N))}, E→I {@code E/latent}, I→R {@code I/infectious}; then travel:
 * exposed and infectious people leave region i for j with probability {@code f(t)·p_ij(t)}
 * ({@link TravelSchedule}). S and R stay put (their moves in both directions roughly cancel and do not spread the
 * disease), so the total S+E+I+R is conserved exactly. The deterministic run uses the expected values; the
 * stochastic run draws every transition and every traveller from binomials (a chain-binomial model), so its mean
 * approaches the deterministic run when numbers are large.
 */
public final class MetapopulationSeir {
    private MetapopulationSeir() {
    }

    /**
     * The deterministic (mean-field) run.
     *
     * @param population   N_i at the start
     * @param exposed      E_i at the start
     * @param infectious   I_i at the start
     * @param trackImports record arriving infected travellers by origin (an n×n matrix; for the drivers)
     */
    public static SeirRun deterministic(TravelSchedule sched, SeirParameters p, double[] population, double[] exposed,
                                        double[] infectious, boolean trackImports) {
        return deterministic(sched, p, population, SeirState.fresh(exposed, infectious), trackImports);
    }

    /**
     * The deterministic run from a state: simulation days 0 … {@code start.day()} are the state's history (copied,
     * not simulated), the model runs from the day after.
     */
    public static SeirRun deterministic(TravelSchedule sched, SeirParameters p, double[] population, SeirState start,
                                        boolean trackImports) {
        int n = population.length;
        int days = sched.days();
        if (start.regions() != n || start.day() >= days) {
            throw new IllegalArgumentException("the start state does not fit the schedule");
        }
        double[] s = new double[n];
        double[] e = start.exposed().clone();
        double[] i = start.infectious().clone();
        double[] r = start.recovered().clone();
        for (int k = 0; k < n; k++) {
            s[k] = Math.max(0, population[k] - e[k] - i[k] - r[k]);
        }
        double[] incidence = new double[days * n];
        double[] prevalence = new double[days * n];
        double[] total = new double[days];
        int first = start.day() + 1;
        System.arraycopy(start.incidence(), 0, incidence, 0, first * n);
        System.arraycopy(start.prevalence(), 0, prevalence, 0, first * n);
        double tot0 = 0;
        for (int k = 0; k < n; k++) {
            tot0 += s[k] + e[k] + i[k] + r[k];
        }
        java.util.Arrays.fill(total, 0, first, tot0);
        double[][] imports = trackImports ? new double[n][n] : null;
        double[] de = new double[n];
        double[] di = new double[n];
        double pE = p.progression();
        double pR = p.recovery();
        for (int d = first; d < days; d++) {
            double beta = p.stepBeta(sched.contactFactor(d));
            int base = d * n;
            for (int k = 0; k < n; k++) {
                double nk = s[k] + e[k] + i[k] + r[k];
                if (nk <= 0 || e[k] + i[k] <= 0) {
                    continue;
                }
                double newE = s[k] * -Math.expm1(-beta * i[k] / nk);
                double newI = e[k] * pE;
                double newR = i[k] * pR;
                s[k] -= newE;
                e[k] += newE - newI;
                i[k] += newI - newR;
                r[k] += newR;
                incidence[base + k] = newE;
            }
            TravelSchedule.Step step = sched.step(d);
            double f = sched.travelFactor(d);
            if (f > 0) {
                for (int o = 0; o < n; o++) {
                    double x = e[o] * f;
                    double y = i[o] * f;
                    if (x + y <= 0) {
                        continue;
                    }
                    int end = step.start[o + 1];
                    for (int q = step.start[o]; q < end; q++) {
                        int t = step.destination[q];
                        double pq = step.p[q];
                        de[t] += x * pq;
                        di[t] += y * pq;
                    }
                    if (imports != null) {
                        double[] row = imports[o];
                        for (int q = step.start[o]; q < end; q++) {
                            row[step.destination[q]] += (x + y) * step.p[q];
                        }
                    }
                    de[o] -= x * step.out[o];
                    di[o] -= y * step.out[o];
                }
                for (int k = 0; k < n; k++) {
                    e[k] += de[k];
                    i[k] += di[k];
                    de[k] = 0;
                    di[k] = 0;
                }
            }
            double tot = 0;
            for (int k = 0; k < n; k++) {
                prevalence[base + k] = i[k];
                tot += s[k] + e[k] + i[k] + r[k];
            }
            total[d] = tot;
        }
        if (imports != null) {
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    double t = imports[a][b];
                    imports[a][b] = imports[b][a];
                    imports[b][a] = t;
                }
            }
        }
        return new SeirRun(sched.startDay(), days, n, incidence, prevalence, total, imports);
    }

    /** One stochastic run, returned in full (for tests and single runs). */
    public static SeirRun stochastic(TravelSchedule sched, SeirParameters p, long[] population, long[] exposed,
                                     long[] infectious, SplittableRandom rnd) {
        int n = population.length;
        double[] incidence = new double[sched.days() * n];
        double[] prevalence = new double[sched.days() * n];
        double[] total = new double[sched.days()];
        run(sched, p, population, exposed, infectious, new long[n], 0, null, rnd, null, null, incidence, prevalence,
                total);
        return new SeirRun(sched.startDay(), sched.days(), n, incidence, prevalence, total, null);
    }

    /**
     * One stochastic run writing cumulative infections {@code [s * n + i]} into {@code cumulative} and, per region,
     * the first simulation day an infected person (exposed or infectious, local or arrived) was there into
     * {@code firstPresent} (-1: never), for ensembles.
     *
     * @return the last simulation day on which anyone was exposed or infectious (-1: nobody ever)
     */
    static int stochastic(TravelSchedule sched, SeirParameters p, long[] population, long[] exposed,
                          long[] infectious, SplittableRandom rnd, int[] cumulative, int[] firstPresent) {
        return run(sched, p, population, exposed, infectious, new long[population.length], 0, null, rnd, cumulative,
                firstPresent, null, null, null);
    }

    /**
     * The same from a state at the end of simulation day {@code first − 1}: {@code history} holds the new
     * infections of simulation days 0 … first − 1 ({@code [s * n + i]}), which fill {@code cumulative} and
     * {@code firstPresent} for those days; the model runs from day {@code first}.
     */
    static int stochastic(TravelSchedule sched, SeirParameters p, long[] population, long[] exposed,
                          long[] infectious, long[] recovered, int first, double[] history, SplittableRandom rnd,
                          int[] cumulative, int[] firstPresent) {
        return run(sched, p, population, exposed, infectious, recovered, first, history, rnd, cumulative,
                firstPresent, null, null, null);
    }

    private static int run(TravelSchedule sched, SeirParameters p, long[] population, long[] exposed,
                           long[] infectious, long[] recovered, int first, double[] history, SplittableRandom rnd,
                           int[] cumulative, int[] firstPresent, double[] incidence, double[] prevalence,
                           double[] total) {
        int n = population.length;
        long[] cum = new long[n];
        if (firstPresent != null) {
            java.util.Arrays.fill(firstPresent, -1);
        }
        double[] running = new double[n];
        for (int d = 0; d < first; d++) {
            for (int k = 0; k < n; k++) {
                running[k] += history[d * n + k];
                if (cumulative != null) {
                    cumulative[d * n + k] = (int) Math.min(Integer.MAX_VALUE, Math.round(running[k]));
                }
                if (firstPresent != null && firstPresent[k] < 0 && running[k] >= 0.5) {
                    firstPresent[k] = d;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            cum[k] = Math.round(running[k]);
            if (firstPresent != null && firstPresent[k] < 0 && exposed[k] + infectious[k] > 0) {
                firstPresent[k] = Math.max(0, first - 1);
            }
        }
        long[] s = new long[n];
        long[] e = exposed.clone();
        long[] i = infectious.clone();
        long[] r = recovered.clone();
        for (int k = 0; k < n; k++) {
            s[k] = Math.max(0, population[k] - e[k] - i[k] - r[k]);
        }
        long[] de = new long[n];
        long[] di = new long[n];
        double pE = p.progression();
        double pR = p.recovery();
        int lastAlive = first > 0 ? first - 1 : -1;
        for (int d = first; d < sched.days(); d++) {
            double beta = p.stepBeta(sched.contactFactor(d));
            int base = d * n;
            for (int k = 0; k < n; k++) {
                if (e[k] + i[k] == 0) {
                    continue;
                }
                long nk = s[k] + e[k] + i[k] + r[k];
                long newE = Binomial.draw(rnd, s[k], -Math.expm1(-beta * i[k] / nk));
                long newI = Binomial.draw(rnd, e[k], pE);
                long newR = Binomial.draw(rnd, i[k], pR);
                s[k] -= newE;
                e[k] += newE - newI;
                i[k] += newI - newR;
                r[k] += newR;
                cum[k] += newE;
                if (incidence != null) {
                    incidence[base + k] = newE;
                }
            }
            TravelSchedule.Step step = sched.step(d);
            double f = sched.travelFactor(d);
            if (f > 0) {
                for (int o = 0; o < n; o++) {
                    if (e[o] + i[o] == 0) {
                        continue;
                    }
                    long le = Binomial.draw(rnd, e[o], step.out[o] * f);
                    long li = Binomial.draw(rnd, i[o], step.out[o] * f);
                    de[o] -= le;
                    di[o] -= li;
                    int degree = step.start[o + 1] - step.start[o];
                    if ((le + li) * 6 < degree) {
                        scatterEach(step, o, le, de, rnd);
                        scatterEach(step, o, li, di, rnd);
                    } else {
                        scatterSystematic(step, o, le, de, li, di, rnd);
                    }
                }
                for (int k = 0; k < n; k++) {
                    e[k] += de[k];
                    i[k] += di[k];
                    de[k] = 0;
                    di[k] = 0;
                }
            }
            if (cumulative != null) {
                for (int k = 0; k < n; k++) {
                    cumulative[base + k] = (int) Math.min(Integer.MAX_VALUE, cum[k]);
                }
            }
            if (firstPresent != null) {
                for (int k = 0; k < n; k++) {
                    if (firstPresent[k] < 0 && (e[k] + i[k] > 0 || cum[k] > 0)) {
                        firstPresent[k] = d;
                    }
                }
            }
            for (int k = 0; k < n; k++) {
                if (e[k] + i[k] > 0) {
                    lastAlive = d;
                    break;
                }
            }
            if (prevalence != null) {
                long tot = 0;
                for (int k = 0; k < n; k++) {
                    prevalence[base + k] = i[k];
                    tot += s[k] + e[k] + i[k] + r[k];
                }
                total[d] = tot;
            }
        }
        return lastAlive;
    }

    /** Sends {@code count} travellers from {@code o}, each to a destination drawn in proportion to p_oj. */
    private static void scatterEach(TravelSchedule.Step step, int o, long count, long[] into, SplittableRandom rnd) {
        int from = step.start[o];
        int to = step.start[o + 1];
        double mass = step.out[o];
        for (long c = 0; c < count; c++) {
            double u = rnd.nextDouble() * mass;
            int lo = from;
            int hi = to - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (step.cumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            into[step.destination[lo]]++;
        }
    }

    /**
     * Spreads many travellers (two groups) from {@code o} by systematic sampling along the cumulative probabilities:
     * one uniform per group, every pair's expected number exact, a little less variance than a multinomial
     * (negligible next to the binomial noise of the counts leaving and of transmission), one multiplication a pair.
     */
    private static void scatterSystematic(TravelSchedule.Step step, int o, long countA, long[] intoA, long countB,
                                          long[] intoB, SplittableRandom rnd) {
        int from = step.start[o];
        int last = step.start[o + 1] - 1;
        double mass = step.out[o];
        double ua = rnd.nextDouble();
        double ub = rnd.nextDouble();
        double sa = countA / mass;
        double sb = countB / mass;
        long prevA = 0;
        long prevB = 0;
        for (int q = from; q < last; q++) {
            double c = step.cumulative[q];
            long a = Math.min(countA, (long) (ua + sa * c));
            long b = Math.min(countB, (long) (ub + sb * c));
            int t = step.destination[q];
            intoA[t] += a - prevA;
            intoB[t] += b - prevB;
            prevA = a;
            prevB = b;
        }
        if (last >= from) {
            intoA[step.destination[last]] += countA - prevA;
            intoB[step.destination[last]] += countB - prevB;
        }
    }
}
