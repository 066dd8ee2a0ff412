package org.epiflow.analytics.seir;

import org.epiflow.analytics.cases.CaseTable;

/**
 * Calibrates the deterministic model to reported cases by least squares on cumulative counts: the model's
 * reported cumulative cases in region j by bundle day t are {@code a · C_j(t − delay)} (a = ascertainment,
 * C = cumulative infections); the sum over regions and days up to the last reported day of
 * {@code (a·C − observed)²} is minimised.
 *
 * <p>{@link #fitStart}: the number of people infected at the start in the source regions (E and I split as the
 * latent and infectious periods). Early on the model is nearly linear in it, so the closed-form scale
 * {@code Σ M·O / Σ M²} is applied and re-applied until it settles (a few runs). {@link #fitR0}: R0 by
 * golden-section search with the start fixed.
 */
public final class SeirCalibration {
    private SeirCalibration() {
    }

    /**
     * What is fitted against what.
     *
     * @param schedule      the trips and reductions of the simulation
     * @param population    N_i
     * @param sources       regions infected at the start
     * @param weights       share of the start's infections in each source (sums to 1)
     * @param cases         reported cases
     * @param lastDay       last bundle day used (the "as of" day)
     * @param ascertainment share of infections reported
     * @param reportDelay   days from infection to report
     */
    public record Target(TravelSchedule schedule, double[] population, int[] sources, double[] weights,
                         CaseTable cases, int lastDay, double ascertainment, int reportDelay) {
    }

    /** Starting E and I per region for {@code infected} people infected at the start. */
    public static double[][] start(Target t, SeirParameters p, double infected) {
        int n = t.population().length;
        double[] e = new double[n];
        double[] i = new double[n];
        double shareE = p.latentDays() / (p.latentDays() + p.infectiousDays());
        for (int s = 0; s < t.sources().length; s++) {
            double x = infected * t.weights()[s];
            e[t.sources()[s]] += x * shareE;
            i[t.sources()[s]] += x * (1 - shareE);
        }
        return new double[][]{e, i};
    }

    /** The least-squares number infected at the start, or NaN when the model reaches no observed region. */
    public static double fitStart(Target t, SeirParameters p) {
        double x = 1;
        for (int iter = 0; iter < 12; iter++) {
            double[] m = moments(t, p, x);
            if (!(m[1] > 0)) {
                return Double.NaN;
            }
            double f = m[0] / m[1];
            x *= f;
            if (!(x > 0)) {
                return 0;
            }
            if (Math.abs(f - 1) < 1e-6) {
                break;
            }
        }
        return x;
    }

    /** The least-squares R0 in [lo, hi] with the start fixed. */
    public static double fitR0(Target t, SeirParameters p, double infected, double lo, double hi) {
        double g = (Math.sqrt(5) - 1) / 2;
        double a = lo;
        double b = hi;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double fc = sse(t, p.withR0(c), infected);
        double fd = sse(t, p.withR0(d), infected);
        while (b - a > 1e-4) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - g * (b - a);
                fc = sse(t, p.withR0(c), infected);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + g * (b - a);
                fd = sse(t, p.withR0(d), infected);
            }
        }
        return (a + b) / 2;
    }

    /** Sum of squared differences between the model's and the observed cumulative cases. */
    public static double sse(Target t, SeirParameters p, double infected) {
        double[] m = moments(t, p, infected);
        return m[2];
    }

    /** {Σ M·O, Σ M², Σ (M − O)²} over regions and days. */
    private static double[] moments(Target t, SeirParameters p, double infected) {
        double[][] s = start(t, p, infected);
        TravelSchedule sched = t.schedule().with(p);
        SeirRun run = MetapopulationSeir.deterministic(sched, p, t.population(), s[0], s[1], false);
        int n = t.population().length;
        double[] modelCum = new double[n];
        long[] obsCum = new long[n];
        double mo = 0;
        double mm = 0;
        double ee = 0;
        int first = sched.startDay();
        for (int day = first; day <= t.lastDay(); day++) {
            int sim = day - first - t.reportDelay();
            for (int k = 0; k < n; k++) {
                obsCum[k] += t.cases().daily(day, k);
                if (sim >= 0 && sim < run.days()) {
                    modelCum[k] += run.incidence()[sim * n + k];
                }
                double m = t.ascertainment() * modelCum[k];
                mo += m * obsCum[k];
                mm += m * m;
                ee += (m - obsCum[k]) * (m - obsCum[k]);
            }
        }
        return new double[]{mo, mm, ee};
    }
}
