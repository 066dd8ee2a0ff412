package org.epiflow.analytics.seir;

/**
 * Parameters of the metapopulation SEIR, in whole-day steps.
 *
 * @param r0                 basic reproduction number; β = R0 / infectiousDays (geometric infectious stay)
 * @param latentDays         mean latent period (days, ≥ 1): an exposed person becomes infectious with probability
 *                           1/latentDays a day
 * @param infectiousDays     mean infectious period (days, ≥ 1): recovery probability 1/infectiousDays a day
 * @param travelReduction    share of trips removed from {@code reductionFromDay} on (0 = none, 1 = all)
 * @param contactReduction   share of transmission removed from {@code reductionFromDay} on (distancing; 0 = none)
 * @param reductionFromDay   first day (index into the bundle's period) the reductions apply;
 *                           {@link Integer#MAX_VALUE} for never
 */
public record SeirParameters(double r0, double latentDays, double infectiousDays, double travelReduction,
                             double contactReduction, int reductionFromDay) {
    /** Defaults: R0 2.5, latent 4 days, infectious 5 days, no reduction. */
    public static final SeirParameters DEFAULTS = new SeirParameters(2.5, 4, 5, 0, 0, Integer.MAX_VALUE);

    public SeirParameters {
        if (!(r0 >= 0) || Double.isInfinite(r0)) {
            throw new IllegalArgumentException("R0 must be a non-negative number: " + r0);
        }
        if (!(latentDays >= 1) || !(infectiousDays >= 1)) {
            throw new IllegalArgumentException("latent and infectious periods must be at least 1 day");
        }
        if (!(travelReduction >= 0 && travelReduction <= 1) || !(contactReduction >= 0 && contactReduction <= 1)) {
            throw new IllegalArgumentException("reductions are shares between 0 and 1");
        }
    }

    /** Transmission rate β per day. */
    public double beta() {
        return r0 / infectiousDays;
    }

    /** The same parameters with another R0. */
    public SeirParameters withR0(double value) {
        return new SeirParameters(value, latentDays, infectiousDays, travelReduction, contactReduction,
                reductionFromDay);
    }

    /** Travel multiplier on bundle day {@code day}. */
    public double travelFactor(int day) {
        return day >= reductionFromDay ? 1 - travelReduction : 1;
    }

    /** Transmission multiplier on bundle day {@code day}. */
    public double contactFactor(int day) {
        return day >= reductionFromDay ? 1 - contactReduction : 1;
    }
}
