package org.epiflow.data.demo;

import org.epiflow.model.Period;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The demo's <em>true</em> daily trips (before any suppression) and the residents they imply.
 *
 * <p>Expected trips on pair p on day t:
 * {@code λ_p(t) = ρ(t) · [T_p · w(t) + X_p · e(t) + B_p · r(t)]} with T_p the gravity baseline, w the weekly
 * rhythm, X_p the festival migrants leaving along p and e(t) the exodus profile, B_p the migrants due back along
 * p and r(t) the return profile, ρ(t) the travel-restriction level (see {@link DemoCalendar},
 * {@link MobilityModel}). The count is {@code Poisson(λ_p(t) · exp(σZ − σ²/2))}, Z standard normal,
 * σ = {@value #NOISE_SIGMA}: day-to-day noise on top of counting noise.
 *
 * <p>Residents of region i at the end of day t: {@code R_i(t) = P_i + Σ_{s≤t} (inflow_i(s) − outflow_i(s))},
 * clamped at 0. Ordinary travel is symmetric on average, so only the festival moves residents much; since the
 * return wave is cut by the restrictions, the hubs end the period with fewer residents than they started with.
 */
public final class Mobility {
    static final double NOISE_SIGMA = 0.12;

    private final MobilityModel model;
    private final Period period;
    private final int[][] trips;
    private final long[][] residents;

    private Mobility(MobilityModel model, Period period, int[][] trips, long[][] residents) {
        this.model = model;
        this.period = period;
        this.trips = trips;
        this.residents = residents;
    }

    /** Draws every day's trips for every pair of the model. */
    public static Mobility generate(MobilityModel model, Period period, SplittableRandom rnd) {
        int days = period.days();
        int pairs = model.pairCount();
        int n = model.regions().size();
        int[][] trips = new int[days][pairs];
        long[][] residents = new long[days][n];
        long[] present = new long[n];
        for (int i = 0; i < n; i++) {
            present[i] = model.regions().get(i).population();
        }
        for (int d = 0; d < days; d++) {
            LocalDate day = period.day(d);
            double w = DemoCalendar.weekday(day);
            double e = DemoCalendar.exodus(day);
            double r = DemoCalendar.returnWave(day);
            double rho = DemoCalendar.restriction(day);
            for (int p = 0; p < pairs; p++) {
                double lambda = rho * (model.baseline(p) * w + model.exodus(p) * e + model.returning(p) * r);
                double z = Sampling.normal(rnd);
                double noisy = lambda * StrictMath.exp(NOISE_SIGMA * z - NOISE_SIGMA * NOISE_SIGMA / 2);
                int count = (int) Math.min(Integer.MAX_VALUE, Sampling.poisson(rnd, noisy));
                trips[d][p] = count;
                present[model.origin(p)] -= count;
                present[model.destination(p)] += count;
            }
            for (int i = 0; i < n; i++) {
                residents[d][i] = Math.max(0, present[i]);
            }
        }
        return new Mobility(model, period, trips, residents);
    }

    public MobilityModel model() {
        return model;
    }

    public Period period() {
        return period;
    }

    public int days() {
        return trips.length;
    }

    /** True trips on pair {@code pair} (see {@link MobilityModel#origin(int)}) on day index {@code day}. */
    public int trips(int day, int pair) {
        return trips[day][pair];
    }

    /** Residents of region {@code region} at the end of day {@code day}. */
    public long residents(int day, int region) {
        return residents[day][region];
    }

    /** Residents at the start of day {@code day} (the population on day 0). */
    public long residentsAtStart(int day, int region) {
        return day == 0 ? model.regions().get(region).population() : residents[day - 1][region];
    }

    /** All true trips into a region over the whole period. */
    public long totalInflow(int region) {
        long sum = 0;
        for (int[] day : trips) {
            for (int p = 0; p < day.length; p++) {
                if (model.destination(p) == region) {
                    sum += day[p];
                }
            }
        }
        return sum;
    }
}
