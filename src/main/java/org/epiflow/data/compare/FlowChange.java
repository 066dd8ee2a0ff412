package org.epiflow.data.compare;

import org.epiflow.data.Suppressed;

import java.util.OptionalDouble;

/**
 * One origin–destination pair in a period and in its baseline. A sum covers only the days on which the pair had a
 * published cell (at least k trips); {@link #includesUnpublished()} says when some day of either side had none, so
 * the figure is a lower bound and must be marked. A side with no published day at all is "not published", never 0.
 *
 * @param origin        origin node
 * @param destination   destination node
 * @param trips         trips in the period (published cells)
 * @param tripsDays     days of the period with a published cell of this pair
 * @param baselineTrips trips in the baseline (published cells)
 * @param baselineDays  days of the baseline with a published cell
 * @param days          days in each of the two periods
 * @param k             the suppression threshold (the larger of the two bundles')
 */
public record FlowChange(int origin, int destination, long trips, int tripsDays, long baselineTrips,
                         int baselineDays, int days, int k) {

    /** Whether the period has any published figure for this pair. */
    public boolean periodPublished() {
        return tripsDays > 0;
    }

    /** Whether the baseline has any published figure for this pair. */
    public boolean baselinePublished() {
        return baselineDays > 0;
    }

    /** Whether a day of the period or of the baseline had no published cell for this pair. */
    public boolean includesUnpublished() {
        return tripsDays < days || baselineDays < days;
    }

    /**
     * Period minus baseline, suppressed like any derived figure when its size is below k, or when either side is
     * below k ({@link Suppressed#change}).
     */
    public Suppressed change() {
        return Suppressed.change(trips, baselineTrips, k);
    }

    /** The change in percent of the baseline; empty when the baseline is not published or the change suppressed. */
    public OptionalDouble changePercent() {
        if (!baselinePublished() || baselineTrips == 0 || change().suppressed()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * (trips - baselineTrips) / baselineTrips);
    }

    /** The raw difference, for ordering inside the model only (never shown when {@link #change()} is suppressed). */
    long rawChange() {
        return trips - baselineTrips;
    }
}
