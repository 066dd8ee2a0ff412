package org.epiflow.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a flow query asks for.
 *
 * @param days        the day range; volumes are summed over it
 * @param topN        keep only the N largest flows (0 = all)
 * @param minVolume   drop flows whose (summed) volume is below this
 * @param selection   selected region indexes (into the dataset's region table); empty = no selection
 * @param direction   which flows of the selection to keep
 * @param provinces   roll regions up to provinces before anything else
 */
public record FlowSpec(DayRange days, int topN, long minVolume, int[] selection, Direction direction,
                       boolean provinces) {
    public FlowSpec {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(direction, "direction");
        if (topN < 0) {
            throw new IllegalArgumentException("topN must not be negative");
        }
        selection = selection == null ? new int[0] : selection.clone();
        Arrays.sort(selection);
    }

    /** All flows of one day, region level. */
    public static FlowSpec day(int day) {
        return new FlowSpec(DayRange.of(day), 0, 0, new int[0], Direction.ALL, false);
    }

    public static FlowSpec range(DayRange days) {
        return new FlowSpec(days, 0, 0, new int[0], Direction.ALL, false);
    }

    public FlowSpec withDays(DayRange d) {
        return new FlowSpec(d, topN, minVolume, selection, direction, provinces);
    }

    public FlowSpec withDay(int day) {
        return withDays(DayRange.of(day));
    }

    public FlowSpec withTopN(int n) {
        return new FlowSpec(days, n, minVolume, selection, direction, provinces);
    }

    public FlowSpec withMinVolume(long v) {
        return new FlowSpec(days, topN, v, selection, direction, provinces);
    }

    public FlowSpec withSelection(Direction dir, int... regionIndexes) {
        return new FlowSpec(days, topN, minVolume, regionIndexes, dir, provinces);
    }

    public FlowSpec withProvinces(boolean p) {
        return new FlowSpec(days, topN, minVolume, selection, direction, p);
    }

    @Override
    public int[] selection() {
        return selection.clone();
    }

    int[] selectionUnsafe() {
        return selection;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowSpec s && s.days.equals(days) && s.topN == topN && s.minVolume == minVolume
                && Arrays.equals(s.selection, selection) && s.direction == direction && s.provinces == provinces;
    }

    @Override
    public int hashCode() {
        return Objects.hash(days, topN, minVolume, Arrays.hashCode(selection), direction, provinces);
    }

    @Override
    public String toString() {
        return "FlowSpec[days=" + days + ", topN=" + topN + ", min=" + minVolume + ", selection="
                + Arrays.toString(selection) + ", " + direction + (provinces ? ", provinces" : "") + "]";
    }
}
