package org.epiflow.analytics.seir;

import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.cases.ReportingDelay;

/**
 * Fits the deterministic model to daily reported cases by maximum likelihood.
 *
 * <p>The model's expected reports in region j on bundle day t are
 * {@code μ_j(t) = a · Σ_l f(l) · x_j(t − l)} (a: ascertainment, f: the reporting-delay distribution, x: the
 * model's new infections); the observed daily counts y_j(t), over every region and day from the start to the as-of
 * day, are Poisson with that mean. The deviance {@code D = 2 Σ [y ln(y/μ) − (y − μ)]} is minimised.
 *
 * <p>{@link #fitStart}: the number infected at the start (split between E and I as the latent and infectious
 * periods, and among the sources by weight) for a fixed R0. The Poisson score for a scale is {@code Σy = Σμ}, and
 * early on μ is nearly proportional to the start, so {@code x ← x · Σy / Σμ(x)} is applied until it settles.
 *
 * <p>{@link #fit}: R0 and the start jointly, by the profile likelihood: the start is fitted for every R0, the
 * profile is scanned on a log grid over [{@value #R0_LOW}, {@value #R0_HIGH}] (so no starting guess is needed)
 * and refined by golden-section search around the best grid point. The 95 % interval is where the profile deviance
 * rises by {@code χ²₁(0.95) · φ} above its minimum, φ ≥ 1 the Pearson dispersion of cells with μ ≥ 1
 * (quasi-likelihood: reports are overdispersed relative to Poisson, and the interval widens accordingly).
 */
public final class SeirCalibration {
    /** Smallest and largest R0 searched. */
    public static final double R0_LOW = 0.3;
    public static final double R0_HIGH = 12;
    /** χ² with one degree of freedom, 95 % quantile. */
    public static final double CHI2_95 = 3.841458820694124;
    private static final int GRID = 28;

    private SeirCalibration() {
    }

    /**
     * What is fitted against what.
     *
     * @param schedule      the trips and reductions of the simulation (it covers at least start … lastDay)
     * @param population    N_i
     * @param sources       regions infected at the start
     * @param weights       share of the start's infections in each source (sums to 1)
     * @param cases         reported cases
     * @param lastDay       last bundle day used (the "as of" day)
     * @param ascertainment share of infections reported
     * @param delay         days from infection to report
     */
    public record Target(TravelSchedule schedule, double[] population, int[] sources, double[] weights,
                         CaseTable cases, int lastDay, double ascertainment, ReportingDelay delay) {
        public Target {
            delay = delay == null ? ReportingDelay.NONE : delay;
        }
    }

    /**
     * The result of a fit.
     *
     * @param r0         the fitted (or given) R0
     * @param infected   the fitted number infected at the start
     * @param lower      lower bound of R0's 95 % interval (NaN when R0 was not fitted)
     * @param upper      upper bound (NaN when R0 was not fitted)
     * @param deviance   Poisson deviance at the fit
     * @param dispersion Pearson dispersion φ (≥ 1)
     * @param cells      region-days fitted
     * @param reported   reports fitted
     */
    public record Fit(double r0, double infected, double lower, double upper, double deviance, double dispersion,
                      int cells, long reported) {
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

    /** The maximum-likelihood number infected at the start for the given R0, or NaN when nothing can be fitted. */
    public static double fitStart(Target t, SeirParameters p) {
        return fitStart(t, p, 1);
    }

    private static double fitStart(Target t, SeirParameters p, double guess) {
        double x = guess > 0 ? guess : 1;
        for (int iter = 0; iter < 40; iter++) {
            Eval e = evaluate(t, p, x);
            if (!(e.sumMu > 0) || e.sumY == 0) {
                return e.sumY == 0 ? 0 : Double.NaN;
            }
            double f = e.sumY / e.sumMu;
            x *= f;
            if (!(x > 0) || Double.isInfinite(x)) {
                return Double.NaN;
            }
            if (Math.abs(f - 1) < 1e-7) {
                break;
            }
        }
        return x;
    }

    /** The fit: the start alone ({@code fitR0 = false}, R0 as given) or R0 and the start jointly, with R0's interval. */
    public static Fit fit(Target t, SeirParameters p, boolean fitR0) {
        if (!fitR0) {
            double x = fitStart(t, p);
            Eval e = Double.isFinite(x) ? evaluate(t, p, x) : null;
            return new Fit(p.r0(), x, Double.NaN, Double.NaN, e == null ? Double.NaN : e.deviance,
                    e == null ? Double.NaN : e.dispersion(), e == null ? 0 : e.cells, e == null ? 0 : (long) e.sumY);
        }
        Profile prof = new Profile(t, p);
        double[] grid = new double[GRID];
        double[] dev = new double[GRID];
        int best = -1;
        for (int g = 0; g < GRID; g++) {
            grid[g] = R0_LOW * Math.pow(R0_HIGH / R0_LOW, (double) g / (GRID - 1));
            dev[g] = prof.deviance(grid[g]);
            if (Double.isFinite(dev[g]) && (best < 0 || dev[g] < dev[best])) {
                best = g;
            }
        }
        if (best < 0) {
            return new Fit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        double a = grid[Math.max(0, best - 1)];
        double b = grid[Math.min(GRID - 1, best + 1)];
        double r = golden(prof, a, b);
        double dMin = prof.deviance(r);
        if (dev[best] < dMin) {
            r = grid[best];
            dMin = dev[best];
        }
        double x = prof.start(r);
        Eval at = evaluate(t, p.withR0(r), x);
        double phi = at.dispersion();
        double rise = CHI2_95 * phi;
        double lo = bound(prof, r, R0_LOW / 3, dMin + rise);
        double hi = bound(prof, r, R0_HIGH * 1.5, dMin + rise);
        return new Fit(r, x, lo, hi, at.deviance, phi, at.cells, (long) at.sumY);
    }

    /** The profile deviance as a function of R0, warm-starting each start fit from the last. */
    private static final class Profile {
        final Target t;
        final SeirParameters p;
        double lastStart = 1;
        final java.util.Map<Double, double[]> memo = new java.util.HashMap<>();

        Profile(Target t, SeirParameters p) {
            this.t = t;
            this.p = p;
        }

        double[] at(double r0) {
            double[] m = memo.get(r0);
            if (m != null) {
                return m;
            }
            SeirParameters q = p.withR0(r0);
            double x = fitStart(t, q, lastStart);
            double d = Double.NaN;
            if (Double.isFinite(x) && x > 0) {
                lastStart = x;
                d = evaluate(t, q, x).deviance;
            }
            m = new double[]{d, x};
            memo.put(r0, m);
            return m;
        }

        double deviance(double r0) {
            return at(r0)[0];
        }

        double start(double r0) {
            return at(r0)[1];
        }
    }

    private static double golden(Profile prof, double lo, double hi) {
        double g = (Math.sqrt(5) - 1) / 2;
        double a = lo;
        double b = hi;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double fc = nanHigh(prof.deviance(c));
        double fd = nanHigh(prof.deviance(d));
        while (b - a > 1e-4) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - g * (b - a);
                fc = nanHigh(prof.deviance(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + g * (b - a);
                fd = nanHigh(prof.deviance(d));
            }
        }
        return (a + b) / 2;
    }

    private static double nanHigh(double v) {
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }

    /** The R0 between {@code from} (inside) and {@code limit} where the profile crosses {@code level}. */
    private static double bound(Profile prof, double from, double limit, double level) {
        if (nanHigh(prof.deviance(limit)) < level) {
            return limit < from ? Math.max(0, limit) : limit;
        }
        double in = from;
        double out = limit;
        for (int k = 0; k < 40 && Math.abs(out - in) > 1e-4; k++) {
            double mid = (in + out) / 2;
            if (nanHigh(prof.deviance(mid)) < level) {
                in = mid;
            } else {
                out = mid;
            }
        }
        return (in + out) / 2;
    }

    /** Poisson deviance between the model's and the observed daily reports. */
    public static double deviance(Target t, SeirParameters p, double infected) {
        return evaluate(t, p, infected).deviance;
    }

    /** What one run gives: the deviance, Σy, Σμ and the Pearson statistic over cells with μ ≥ 1. */
    private record Eval(double deviance, double sumY, double sumMu, double pearson, int pearsonCells, int cells) {
        double dispersion() {
            return pearsonCells > 2 ? Math.max(1, pearson / (pearsonCells - 2)) : 1;
        }
    }

    private static Eval evaluate(Target t, SeirParameters p, double infected) {
        double[][] s = start(t, p, infected);
        TravelSchedule sched = t.schedule().with(p);
        SeirRun run = MetapopulationSeir.deterministic(sched, p, t.population(), s[0], s[1], false);
        int n = t.population().length;
        double[] f = t.delay().pmf();
        int first = sched.startDay();
        int last = Math.min(t.lastDay(), first + run.days() - 1);
        double dev = 0;
        double sy = 0;
        double sm = 0;
        double pearson = 0;
        int pc = 0;
        int cells = 0;
        double a = t.ascertainment();
        double[] inc = run.incidence();
        for (int day = first; day <= last; day++) {
            int sim = day - first;
            for (int k = 0; k < n; k++) {
                double mu = 0;
                for (int l = 0; l < f.length && l <= sim; l++) {
                    if (f[l] > 0) {
                        mu += f[l] * inc[(sim - l) * n + k];
                    }
                }
                mu *= a;
                int y = t.cases().daily(day, k);
                if (mu <= 0 && y == 0) {
                    continue;
                }
                cells++;
                double m = Math.max(mu, 1e-9);
                dev += 2 * ((y > 0 ? y * Math.log(y / m) : 0) - (y - m));
                sy += y;
                sm += mu;
                if (mu >= 1) {
                    pearson += (y - mu) * (y - mu) / mu;
                    pc++;
                }
            }
        }
        return new Eval(dev, sy, sm, pearson, pc, cells);
    }
}
