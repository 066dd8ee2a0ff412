package org.epiflow.analytics;

import org.epiflow.model.Period;

/**
 * The days a run uses, as indexes into the bundle's period: trips (exposure) of days {@code fromDay..toDay} and
 * case reports up to {@code asOfDay}.
 *
 * @param fromDay first day of the travel (exposure) window
 * @param toDay   last day of the travel window, inclusive
 * @param asOfDay last day of case reports used
 */
public record DayWindow(int fromDay, int toDay, int asOfDay) {
    public DayWindow {
        if (fromDay < 0 || toDay < fromDay || asOfDay < 0) {
            throw new IllegalArgumentException("the window must run forwards: " + fromDay + ".." + toDay);
        }
    }

    /** Trips and cases up to {@code asOf}, from the first day. */
    public static DayWindow upTo(int asOf) {
        return new DayWindow(0, asOf, asOf);
    }

    /** Days of the travel window. */
    public int days() {
        return toDay - fromDay + 1;
    }

    /** {@code yyyy-MM-dd – yyyy-MM-dd} of the travel window. */
    public String travel(Period p) {
        return p.day(fromDay) + " – " + p.day(toDay);
    }
}
