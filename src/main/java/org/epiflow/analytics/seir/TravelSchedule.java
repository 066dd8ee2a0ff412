package org.epiflow.analytics.seir;

import org.epiflow.analytics.SparseFlows;
import org.epiflow.model.FlowTable;

/**
 * Daily probabilities of leaving along each trip pair for a simulation of {@code days} days starting on bundle day
 * {@code startDay}: {@code p_ij(t) = trips_ij(t) / N_i} (scaled down so they sum to at most 1 per origin). Days
 * inside the bundle's period use that day's trips; days after it repeat the mean of its last
 * {@value #PROFILE_DAYS} days. The travel reduction is a per-day factor applied when simulating.
 */
public final class TravelSchedule {
    /** Days averaged for the travel profile after the bundle's period. */
    public static final int PROFILE_DAYS = 7;

    /** One day's leaving probabilities, by origin (compressed rows with cumulative sums for sampling). */
    static final class Step {
        final int[] start;
        final int[] destination;
        final double[] p;
        final double[] cumulative;
        final double[] out;

        Step(SparseFlows f, double[] population) {
            int n = f.regions();
            start = new int[n + 1];
            destination = new int[f.pairs()];
            p = new double[f.pairs()];
            cumulative = new double[f.pairs()];
            out = new double[n];
            for (int o = 0; o < n; o++) {
                start[o + 1] = f.end(o);
                double sum = 0;
                for (int e = f.start(o); e < f.end(o); e++) {
                    destination[e] = f.destination(e);
                    p[e] = population[o] > 0 ? f.trips(e) / population[o] : 0;
                    sum += p[e];
                }
                double scale = sum > 1 ? 1 / sum : 1;
                double c = 0;
                for (int e = f.start(o); e < f.end(o); e++) {
                    p[e] *= scale;
                    c += p[e];
                    cumulative[e] = c;
                }
                out[o] = c;
            }
        }
    }

    private final int startDay;
    private final int days;
    private final Step[] byDay;
    private final double[] travelFactor;
    private final double[] contactFactor;

    private TravelSchedule(int startDay, int days, Step[] byDay, double[] travelFactor, double[] contactFactor) {
        this.startDay = startDay;
        this.days = days;
        this.byDay = byDay;
        this.travelFactor = travelFactor;
        this.contactFactor = contactFactor;
    }

    /**
     * Builds the schedule.
     *
     * @param population N_i, the denominators of the leaving probabilities
     */
    public static TravelSchedule of(FlowTable flows, int regions, double[] population, int startDay, int days,
                                    SeirParameters params) {
        int periodDays = flows.dayCount();
        Step[] steps = new Step[days];
        Step profile = null;
        double[] tf = new double[days];
        double[] cf = new double[days];
        for (int s = 0; s < days; s++) {
            int day = startDay + s;
            if (day < periodDays) {
                steps[s] = new Step(SparseFlows.ofDay(flows, regions, day), population);
            } else {
                if (profile == null) {
                    profile = new Step(SparseFlows.window(flows, regions, periodDays - PROFILE_DAYS, periodDays,
                            true), population);
                }
                steps[s] = profile;
            }
            tf[s] = params.travelFactor(day);
            cf[s] = params.contactFactor(day);
        }
        return new TravelSchedule(startDay, days, steps, tf, cf);
    }

    /** The same trips with other reductions (no copy of the trip data). */
    public TravelSchedule with(SeirParameters params) {
        double[] tf = new double[days];
        double[] cf = new double[days];
        for (int s = 0; s < days; s++) {
            tf[s] = params.travelFactor(startDay + s);
            cf[s] = params.contactFactor(startDay + s);
        }
        return new TravelSchedule(startDay, days, byDay, tf, cf);
    }

    public int startDay() {
        return startDay;
    }

    public int days() {
        return days;
    }

    Step step(int s) {
        return byDay[s];
    }

    double travelFactor(int s) {
        return travelFactor[s];
    }

    double contactFactor(int s) {
        return contactFactor[s];
    }
}
