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
 * <p>What starts the run: the people infected at the start in the sources (split between E and I as the latent and
 * infectious periods, and among the sources by weight), or — when the epidemic was already going on before the
 * start ({@link Prior}) — the nowcast's E, I and R of every region at the start, with the nowcast's infections of
 * the days before the start feeding the reports of the first days (their reports arrive after the start). Either
 * way one number, the people infected (E or I) at the start, scales it, and is fitted.
 *
 * <p>{@link #fitStart}: that number for a fixed R0. The Poisson score for a scale is {@code Σy = Σμ}; it is solved
 * in log x by the secant method (early on μ is nearly proportional to the start, so the first step
 * {@code x ← x · Σy / Σμ(x)} is nearly exact, and the secant copes with the depletion of susceptibles).
 *
 * <p>{@link #fit}: R0 and the start jointly, by the profile likelihood: the start is fitted for every R0, the
 * profile is scanned on a log grid over [{@value #R0_LOW}, {@value #R0_HIGH}] (so no starting guess is needed; the
 * grid points run in parallel) and refined by Brent's method around the best grid point. The 95 % interval is where
 * the profile deviance rises by {@code χ²₁(0.95) · φ} above its minimum, φ ≥ 1 the Pearson dispersion of cells with
 * μ ≥ 1 (quasi-likelihood: reports are overdispersed relative to Poisson, and the interval widens accordingly); each
 * bound is bracketed by the grid and found by the Illinois (regula falsi) method.
 */
public final class SeirCalibration {
    /** Smallest and largest R0 searched. */
    public static final double R0_LOW = 0.3;
    public static final double R0_HIGH = 12;
    /** χ² with one degree of freedom, 95 % quantile. */
    public static final double CHI2_95 = 3.841458820694124;
    private static final int GRID = 28;
    /** R0 is located to this (absolute), the interval's bounds too. */
    private static final double R0_TOL = 2e-4;

    private SeirCalibration() {
    }

    /**
     * An epidemic already going on when the simulation starts.
     *
     * @param state  the nowcast's E, I and R of every region at the end of the day before the start (day −1)
     * @param before the nowcast's new infections {@code [day * n + region]} of bundle days 0 … start − 1
     */
    public record Prior(SeirState state, double[] before) {
        public Prior {
            if (state.day() != -1 || state.incidence().length != 0) {
                throw new IllegalArgumentException("the prior is a state before the first simulated day");
            }
        }
    }

    /**
     * What is fitted against what.
     *
     * @param schedule      the trips and reductions of the simulation (it covers at least start … lastDay)
     * @param population    N_i
     * @param sources       regions infected at the start (without a prior)
     * @param weights       share of the start's infections in each source (sums to 1)
     * @param cases         reported cases
     * @param lastDay       last bundle day used (the "as of" day)
     * @param ascertainment share of infections reported
     * @param delay         days from infection to report
     * @param prior         the epidemic before the start, or null when it starts in the sources
     */
    public record Target(TravelSchedule schedule, double[] population, int[] sources, double[] weights,
                         CaseTable cases, int lastDay, double ascertainment, ReportingDelay delay, Prior prior) {
        public Target {
            delay = delay == null ? ReportingDelay.NONE : delay;
            if (prior != null && !(prior.state().infected() > 0)) {
                prior = null;
            }
        }

        /** Starting in the sources. */
        public Target(TravelSchedule schedule, double[] population, int[] sources, double[] weights, CaseTable cases,
                      int lastDay, double ascertainment, ReportingDelay delay) {
            this(schedule, population, sources, weights, cases, lastDay, ascertainment, delay, null);
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
     * @param runs       deterministic runs the fit took
     */
    public record Fit(double r0, double infected, double lower, double upper, double deviance, double dispersion,
                      int cells, long reported, int runs) {
        /** Without the count of runs. */
        public Fit(double r0, double infected, double lower, double upper, double deviance, double dispersion,
                   int cells, long reported) {
            this(r0, infected, lower, upper, deviance, dispersion, cells, reported, 0);
        }
    }

    /** Starting E and I per region for {@code infected} people infected at the start, in the sources. */
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

    /** The state the run starts from for {@code infected} people infected (E or I) at the start. */
    public static SeirState startState(Target t, SeirParameters p, double infected) {
        if (t.prior() != null) {
            return t.prior().state().scaled(infected / t.prior().state().infected());
        }
        double[][] st = start(t, p, infected);
        return SeirState.fresh(st[0], st[1]);
    }

    /** The maximum-likelihood number infected at the start for the given R0, or NaN when nothing can be fitted. */
    public static double fitStart(Target t, SeirParameters p) {
        return solveStart(t, p, 1, new int[1])[0];
    }

    /**
     * Solves {@code Σμ(x) = Σy} for x by the secant method on {@code h(u) = ln Σμ(e^u) − ln Σy}.
     *
     * @return {x, deviance, dispersion, cells, Σy} (x NaN when nothing can be fitted, 0 when there is no report)
     */
    private static double[] solveStart(Target t, SeirParameters p, double guess, int[] runs) {
        double u0 = Math.log(guess > 0 && Double.isFinite(guess) ? guess : 1);
        Eval e0 = evaluate(t, p, Math.exp(u0));
        runs[0]++;
        if (e0.sumY == 0) {
            return new double[]{0, e0.deviance, e0.dispersion(), e0.cells, 0};
        }
        if (!(e0.sumMu > 0)) {
            return new double[]{Double.NaN, Double.NaN, Double.NaN, 0, e0.sumY};
        }
        double ly = Math.log(e0.sumY);
        double h0 = Math.log(e0.sumMu) - ly;
        Eval best = e0;
        double bestU = u0;
        double bestH = h0;
        double u1 = u0 - h0;
        for (int iter = 0; iter < 30 && Math.abs(bestH) > 1e-9; iter++) {
            if (!Double.isFinite(u1) || u1 > 700) {
                return new double[]{Double.NaN, Double.NaN, Double.NaN, 0, e0.sumY};
            }
            Eval e1 = evaluate(t, p, Math.exp(u1));
            runs[0]++;
            if (!(e1.sumMu > 0)) {
                return new double[]{Double.NaN, Double.NaN, Double.NaN, 0, e0.sumY};
            }
            double h1 = Math.log(e1.sumMu) - ly;
            if (Math.abs(h1) < Math.abs(bestH)) {
                best = e1;
                bestU = u1;
                bestH = h1;
            }
            double slope = (h1 - h0) / (u1 - u0);
            double next = slope > 1e-6 && Double.isFinite(slope) ? u1 - h1 / slope : u1 - h1;
            u0 = u1;
            h0 = h1;
            u1 = next;
        }
        return new double[]{Math.exp(bestU), best.deviance, best.dispersion(), best.cells, best.sumY};
    }

    /** The fit: the start alone ({@code fitR0 = false}, R0 as given) or R0 and the start jointly, with R0's interval. */
    public static Fit fit(Target t, SeirParameters p, boolean fitR0) {
        if (!fitR0) {
            int[] runs = new int[1];
            double[] x = solveStart(t, p, 1, runs);
            boolean ok = Double.isFinite(x[0]);
            return new Fit(p.r0(), x[0], Double.NaN, Double.NaN, ok ? x[1] : Double.NaN, ok ? x[2] : Double.NaN,
                    ok ? (int) x[3] : 0, ok ? (long) x[4] : 0, runs[0]);
        }
        Profile prof = new Profile(t, p);
        double[] grid = new double[GRID];
        for (int g = 0; g < GRID; g++) {
            grid[g] = R0_LOW * Math.pow(R0_HIGH / R0_LOW, (double) g / (GRID - 1));
        }
        double guess = prof.linearGuess(grid[GRID / 2]);
        double[][] at = new double[GRID][];
        java.util.stream.IntStream.range(0, GRID).parallel().forEach(g -> at[g] = prof.compute(grid[g], guess));
        double[] dev = new double[GRID];
        int best = -1;
        for (int g = 0; g < GRID; g++) {
            prof.remember(grid[g], at[g]);
            dev[g] = at[g][1];
            if (Double.isFinite(dev[g]) && (best < 0 || dev[g] < dev[best])) {
                best = g;
            }
        }
        if (best < 0) {
            return new Fit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, prof.runs());
        }
        double a = grid[Math.max(0, best - 1)];
        double b = grid[Math.min(GRID - 1, best + 1)];
        double r = brent(prof, a, b, grid[best], dev[best]);
        double dMin = prof.deviance(r);
        if (dev[best] < dMin) {
            r = grid[best];
            dMin = dev[best];
        }
        double[] m = prof.at(r);
        double phi = m[2];
        double level = dMin + CHI2_95 * phi;
        double lo = R0_LOW / 3;
        double hi = R0_HIGH * 1.5;
        // Each bound is bracketed on its own side of the refined minimum r: the best grid point may lie on either
        // side of r, and may itself be above the level when the profile is sharp, so the walk starts at the first
        // grid point beyond r, not at the best grid point.
        int g = best;
        while (g >= 0 && grid[g] >= r) {
            g--;
        }
        double inner = r;
        while (g >= 0 && nanHigh(dev[g]) < level) {
            inner = grid[g];
            g--;
        }
        lo = g >= 0 ? crossing(prof, grid[g], inner, r, level) : bound(prof, inner, lo, level);
        g = best;
        while (g < GRID && grid[g] <= r) {
            g++;
        }
        inner = r;
        while (g < GRID && nanHigh(dev[g]) < level) {
            inner = grid[g];
            g++;
        }
        hi = g < GRID ? crossing(prof, grid[g], inner, r, level) : bound(prof, inner, hi, level);
        return new Fit(r, m[0], lo, hi, dMin, phi, (int) m[3], (long) m[4], prof.runs());
    }

    /** The profile deviance as a function of R0, each start fit warm-started from the nearest R0 already fitted. */
    private static final class Profile {
        final Target t;
        final SeirParameters p;
        final java.util.TreeMap<Double, double[]> memo = new java.util.TreeMap<>();
        final java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();

        Profile(Target t, SeirParameters p) {
            this.t = t;
            this.p = p;
        }

        /** The start that matches the reports in scale at R0 {@code r0}, from one run (nearly exact early on). */
        double linearGuess(double r0) {
            Eval e = evaluate(t, p.withR0(r0), 1);
            runs.incrementAndGet();
            return e.sumMu > 0 && e.sumY > 0 ? e.sumY / e.sumMu : 1;
        }

        /** {x, deviance, dispersion, cells, Σy} at {@code r0}, from {@code guess}; thread-safe, not memoised. */
        double[] compute(double r0, double guess) {
            int[] n = new int[1];
            double[] x = solveStart(t, p.withR0(r0), guess, n);
            runs.addAndGet(n[0]);
            if (!(Double.isFinite(x[0]) && x[0] > 0)) {
                x[1] = Double.NaN;
            }
            return x;
        }

        void remember(double r0, double[] m) {
            memo.put(r0, m);
        }

        double[] at(double r0) {
            double[] m = memo.get(r0);
            if (m != null) {
                return m;
            }
            var near = memo.floorEntry(r0);
            var above = memo.ceilingEntry(r0);
            if (near == null || (above != null && above.getKey() - r0 < r0 - near.getKey())) {
                near = above;
            }
            double guess = near != null && Double.isFinite(near.getValue()[0]) && near.getValue()[0] > 0
                    ? near.getValue()[0] : 1;
            m = compute(r0, guess);
            memo.put(r0, m);
            return m;
        }

        double deviance(double r0) {
            return at(r0)[1];
        }

        int runs() {
            return runs.get();
        }
    }

    /**
     * Brent's minimisation (golden section with parabolic steps) of the profile deviance on [lo, hi], starting
     * from the grid's best point {@code x} with deviance {@code fx}.
     */
    private static double brent(Profile prof, double lo, double hi, double x, double fx) {
        final double cgold = 0.3819660112501051;
        double a = lo;
        double b = hi;
        double w = x;
        double v = x;
        double fw = fx;
        double fv = fx;
        double d = 0;
        double e = 0;
        for (int iter = 0; iter < 60; iter++) {
            double xm = (a + b) / 2;
            double tol1 = R0_TOL / 2 + 1e-10 * Math.abs(x);
            double tol2 = 2 * tol1;
            if (Math.abs(x - xm) <= tol2 - (b - a) / 2) {
                break;
            }
            boolean golden = true;
            if (Math.abs(e) > tol1) {
                double r = (x - w) * (fx - fv);
                double q = (x - v) * (fx - fw);
                double pp = (x - v) * q - (x - w) * r;
                q = 2 * (q - r);
                if (q > 0) {
                    pp = -pp;
                }
                q = Math.abs(q);
                double etemp = e;
                e = d;
                if (!(Math.abs(pp) >= Math.abs(0.5 * q * etemp) || pp <= q * (a - x) || pp >= q * (b - x))) {
                    d = pp / q;
                    double u = x + d;
                    if (u - a < tol2 || b - u < tol2) {
                        d = xm - x >= 0 ? tol1 : -tol1;
                    }
                    golden = false;
                }
            }
            if (golden) {
                e = x >= xm ? a - x : b - x;
                d = cgold * e;
            }
            double u = Math.abs(d) >= tol1 ? x + d : x + (d >= 0 ? tol1 : -tol1);
            double fu = nanHigh(prof.deviance(u));
            if (fu <= fx) {
                if (u >= x) {
                    a = x;
                } else {
                    b = x;
                }
                v = w;
                fv = fw;
                w = x;
                fw = fx;
                x = u;
                fx = fu;
            } else {
                if (u < x) {
                    a = u;
                } else {
                    b = u;
                }
                if (fu <= fw || w == x) {
                    v = w;
                    fv = fw;
                    w = u;
                    fw = fu;
                } else if (fu <= fv || v == x || v == w) {
                    v = u;
                    fv = fu;
                }
            }
        }
        return x;
    }

    private static double nanHigh(double v) {
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }

    /**
     * The R0 where the profile crosses {@code level} between {@code out} (at or above it) and {@code in} (below it),
     * by the Illinois method; {@code fallback} (the minimum, below the level) replaces {@code in} when {@code in}'s
     * deviance is not below the level.
     */
    private static double crossing(Profile prof, double out, double in, double fallback, double level) {
        double fo = nanHigh(prof.deviance(out)) - level;
        double fi = nanHigh(prof.deviance(in)) - level;
        if (!(fi < 0)) {
            in = fallback;
            fi = nanHigh(prof.deviance(in)) - level;
        }
        if (Double.isInfinite(fo)) {
            return bisect(prof, in, out, level);
        }
        int side = 0;
        for (int k = 0; k < 60 && Math.abs(out - in) > R0_TOL; k++) {
            double c = (in * fo - out * fi) / (fo - fi);
            if (!(c > Math.min(in, out) && c < Math.max(in, out))) {
                c = (in + out) / 2;
            }
            double fc = nanHigh(prof.deviance(c)) - level;
            if (Double.isInfinite(fc)) {
                return bisect(prof, in, c, level);
            }
            if (fc >= 0) {
                out = c;
                fo = fc;
                if (side == 1) {
                    fi /= 2;
                }
                side = 1;
            } else {
                in = c;
                fi = fc;
                if (side == -1) {
                    fo /= 2;
                }
                side = -1;
            }
        }
        return (in + out) / 2;
    }

    private static double bisect(Profile prof, double in, double out, double level) {
        for (int k = 0; k < 60 && Math.abs(out - in) > R0_TOL; k++) {
            double mid = (in + out) / 2;
            if (nanHigh(prof.deviance(mid)) < level) {
                in = mid;
            } else {
                out = mid;
            }
        }
        return (in + out) / 2;
    }

    /** The R0 between {@code from} (inside) and {@code limit} where the profile crosses {@code level}. */
    private static double bound(Profile prof, double from, double limit, double level) {
        if (nanHigh(prof.deviance(limit)) < level) {
            return limit < from ? Math.max(0, limit) : limit;
        }
        return crossing(prof, limit, from, from, level);
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
        SeirState s0 = startState(t, p, infected);
        TravelSchedule sched = t.schedule().with(p);
        SeirRun run = MetapopulationSeir.deterministic(sched, p, t.population(), s0, false);
        int n = t.population().length;
        double[] f = t.delay().pmf();
        int first = sched.startDay();
        int last = Math.min(t.lastDay(), first + run.days() - 1);
        double[] before = t.prior() == null ? null : t.prior().before();
        double factor = t.prior() == null ? 0 : infected / t.prior().state().infected();
        double dev = 0;
        double sy = 0;
        double sm = 0;
        double pearson = 0;
        int pc = 0;
        int cells = 0;
        double a = t.ascertainment();
        double[] inc = run.incidence();
        double[] mus = new double[n];
        for (int day = first; day <= last; day++) {
            int sim = day - first;
            java.util.Arrays.fill(mus, 0);
            for (int l = 0; l < f.length && l <= sim; l++) {
                double fl = f[l];
                if (fl > 0) {
                    int base = (sim - l) * n;
                    for (int k = 0; k < n; k++) {
                        mus[k] += fl * inc[base + k];
                    }
                }
            }
            if (before != null) {
                for (int l = sim + 1; l < f.length && day - l >= 0; l++) {
                    double fl = f[l] * factor;
                    if (fl > 0) {
                        int base = (day - l) * n;
                        for (int k = 0; k < n; k++) {
                            mus[k] += fl * before[base + k];
                        }
                    }
                }
            }
            for (int k = 0; k < n; k++) {
                double mu = mus[k] * a;
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
