package org.epiflow.data;

/**
 * An inclusive range of day indexes into a dataset's period (0 = the period's first day).
 *
 * @param first first day index
 * @param last  last day index, inclusive, not before {@code first}
 */
public record DayRange(int first, int last) {
    public DayRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("bad day range " + first + ".." + last);
        }
    }

    public static DayRange of(int day) {
        return new DayRange(day, day);
    }

    public static DayRange of(int first, int last) {
        return new DayRange(first, last);
    }

    public int days() {
        return last - first + 1;
    }

    public boolean isSingleDay() {
        return first == last;
    }
}
