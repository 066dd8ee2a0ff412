package org.epiflow.analytics.importation;

/**
 * Settings of the importation-risk model.
 *
 * @param fromDay          first day of the travel window (index into the bundle's period)
 * @param toDay            last day of the window, inclusive (the "as of" day)
 * @param bothDirections   also count residents of j who travel to an infected region i and come back (trips j→i)
 * @param infectiousWindow days a reported case counts as infectious (I_i(t) = cases of the last so many days)
 * @param ascertainment    share of infections that are reported (I is divided by it), 0 &lt; a ≤ 1
 */
public record ImportationParameters(int fromDay, int toDay, boolean bothDirections, int infectiousWindow,
                                    double ascertainment) {
    /** Default infectious window, days. */
    public static final int DEFAULT_WINDOW = 7;

    public ImportationParameters {
        if (fromDay < 0 || toDay < fromDay) {
            throw new IllegalArgumentException("the travel window must run forwards: " + fromDay + ".." + toDay);
        }
        if (infectiousWindow < 1) {
            throw new IllegalArgumentException("the infectious window must be at least 1 day");
        }
        if (!(ascertainment > 0 && ascertainment <= 1)) {
            throw new IllegalArgumentException("ascertainment must be in (0, 1]: " + ascertainment);
        }
    }

    /** The whole window up to {@code asOf}, one direction, 7-day infectious window, full ascertainment. */
    public static ImportationParameters upTo(int asOf) {
        return new ImportationParameters(0, asOf, false, DEFAULT_WINDOW, 1.0);
    }
}
