package org.epiflow.analytics.seir;

/**
 * Where a simulation starts: E, I and R of every region at the end of simulation day {@link #day()} (−1: before
 * the first step, the usual start from seeds), and what happened on simulation days 0 … day (new infections and
 * infectious people per day, {@code [s * n + region]}), which a run reports as its own history.
 *
 * <p>{@link #walk} builds a state from a series of new infections (a nowcast): each day's infections enter E, and
 * the compartments follow the daily model's own transitions ({@code E(d) = (1 − p_E)·E(d−1) + x(d)},
 * {@code I(d) = (1 − p_R)·I(d−1) + p_E·E(d−1)}, {@code R(d) = R(d−1) + p_R·I(d−1)}), so the state is the one the
 * model would be in had those infections happened in it. Travel of the infected is ignored: infections stay where
 * they were reported.
 */
public record SeirState(int day, double[] exposed, double[] infectious, double[] recovered, double[] incidence,
                        double[] prevalence) {
    public SeirState {
        int n = exposed.length;
        if (infectious.length != n || recovered.length != n || day < -1
                || incidence.length != (day + 1) * n || prevalence.length != (day + 1) * n) {
            throw new IllegalArgumentException("inconsistent state");
        }
    }

    /** A start from E and I at the beginning of simulation day 0 (no history, nobody recovered). */
    public static SeirState fresh(double[] exposed, double[] infectious) {
        return new SeirState(-1, exposed.clone(), infectious.clone(), new double[exposed.length], new double[0],
                new double[0]);
    }

    /** Regions. */
    public int regions() {
        return exposed.length;
    }

    /** Σ E + I: the people infected and not yet recovered. */
    public double infected() {
        double s = 0;
        for (int k = 0; k < exposed.length; k++) {
            s += exposed[k] + infectious[k];
        }
        return s;
    }

    /** Σ I. */
    public double totalInfectious() {
        double s = 0;
        for (double v : infectious) {
            s += v;
        }
        return s;
    }

    /** The same state with every count multiplied by {@code factor}. */
    public SeirState scaled(double factor) {
        return new SeirState(day, times(exposed, factor), times(infectious, factor), times(recovered, factor),
                times(incidence, factor), times(prevalence, factor));
    }

    private static double[] times(double[] v, double f) {
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = v[k] * f;
        }
        return out;
    }

    /**
     * The state at the end of bundle day {@code lastDay} after the new infections {@code x[day * n + region]} of
     * bundle days 0 … lastDay, with the history from bundle day {@code historyFrom} on (simulation day 0 is
     * {@code historyFrom}; the state's {@link #day()} is {@code lastDay − historyFrom}).
     *
     * @param historyFrom first bundle day of the history, at most {@code lastDay + 1} (then there is none)
     */
    public static SeirState walk(double[] x, int n, SeirParameters p, int historyFrom, int lastDay) {
        if (historyFrom < 0 || historyFrom > lastDay + 1 || (lastDay + 1) * n > x.length) {
            throw new IllegalArgumentException("need 0 <= historyFrom <= lastDay + 1 within the series");
        }
        double pE = p.progression();
        double pR = p.recovery();
        double[] e = new double[n];
        double[] i = new double[n];
        double[] r = new double[n];
        int hist = lastDay - historyFrom + 1;
        double[] inc = new double[hist * n];
        double[] prev = new double[hist * n];
        for (int d = 0; d <= lastDay; d++) {
            for (int k = 0; k < n; k++) {
                double newI = e[k] * pE;
                double newR = i[k] * pR;
                double newE = Math.max(0, x[d * n + k]);
                e[k] += newE - newI;
                i[k] += newI - newR;
                r[k] += newR;
                if (d >= historyFrom) {
                    inc[(d - historyFrom) * n + k] = newE;
                    prev[(d - historyFrom) * n + k] = i[k];
                }
            }
        }
        return new SeirState(hist - 1, e, i, r, inc, prev);
    }
}
