package org.epiflow.model;

import java.util.Arrays;

/**
 * Daily trips between regions, held column-wise in primitive arrays (8 bytes a row plus 4 bytes a day).
 * Rows are ordered by day, then origin, then destination; {@link #firstRow(int)} and {@link #endRow(int)} give the
 * rows of one day. Regions are indexes into the bundle's {@link RegionTable}. Immutable once built.
 */
public final class FlowTable {
    private final Period period;
    private final int[] dayStart;
    private final short[] origin;
    private final short[] destination;
    private final int[] trips;

    private FlowTable(Period period, int[] dayStart, short[] origin, short[] destination, int[] trips) {
        this.period = period;
        this.dayStart = dayStart;
        this.origin = origin;
        this.destination = destination;
        this.trips = trips;
    }

    public Period period() {
        return period;
    }

    public int rowCount() {
        return trips.length;
    }

    public int dayCount() {
        return dayStart.length - 1;
    }

    /** First row of day {@code day} (0 = the period's first day). */
    public int firstRow(int day) {
        return dayStart[day];
    }

    /** One past the last row of day {@code day}. */
    public int endRow(int day) {
        return dayStart[day + 1];
    }

    public int origin(int row) {
        return origin[row];
    }

    public int destination(int row) {
        return destination[row];
    }

    public int trips(int row) {
        return trips[row];
    }

    /** The day index of a row (binary search over the day offsets). */
    public int dayOf(int row) {
        int i = Arrays.binarySearch(dayStart, row);
        if (i >= 0) {
            while (i + 1 < dayStart.length && dayStart[i + 1] == row) {
                i++;
            }
            return i;
        }
        return -i - 2;
    }

    /** Sum of all trips on one day. */
    public long totalTrips(int day) {
        long sum = 0;
        for (int r = dayStart[day]; r < dayStart[day + 1]; r++) {
            sum += trips[r];
        }
        return sum;
    }

    /** Sum of all trips in the table. */
    public long totalTrips() {
        long sum = 0;
        for (int t : trips) {
            sum += t;
        }
        return sum;
    }

    /** Heap bytes held by this table's arrays (for the memory benchmark). */
    public long heapBytes() {
        return 4L * dayStart.length + 2L * origin.length + 2L * destination.length + 4L * trips.length;
    }

    public static Builder builder(Period period, int expectedRows) {
        return new Builder(period, expectedRows);
    }

    /** Appends rows in (day, origin, destination) order; refuses anything out of order or duplicated. */
    public static final class Builder {
        private final Period period;
        private final int[] dayStart;
        private short[] origin;
        private short[] destination;
        private int[] trips;
        private int size;
        private int lastDay;
        private int lastOrigin = -1;
        private int lastDestination = -1;

        private Builder(Period period, int expectedRows) {
            this.period = period;
            this.dayStart = new int[period.days() + 1];
            int cap = Math.max(expectedRows, 16);
            this.origin = new short[cap];
            this.destination = new short[cap];
            this.trips = new int[cap];
        }

        /**
         * Adds a row.
         *
         * @return {@code null} when accepted, otherwise why not ("out of order" or "duplicate")
         */
        public String add(int day, int originIndex, int destinationIndex, int tripCount) {
            if (day < lastDay || day >= period.days()) {
                return day < lastDay ? "out of order" : "outside the period";
            }
            if (day == lastDay && size > 0) {
                int cmp = originIndex != lastOrigin ? Integer.compare(originIndex, lastOrigin)
                        : Integer.compare(destinationIndex, lastDestination);
                if (cmp == 0) {
                    return "duplicate";
                }
                if (cmp < 0) {
                    return "out of order";
                }
            }
            while (lastDay < day) {
                dayStart[++lastDay] = size;
            }
            if (size == trips.length) {
                grow();
            }
            origin[size] = (short) originIndex;
            destination[size] = (short) destinationIndex;
            trips[size] = tripCount;
            size++;
            lastOrigin = originIndex;
            lastDestination = destinationIndex;
            return null;
        }

        private void grow() {
            int cap = Math.max(16, trips.length + (trips.length >> 1));
            origin = Arrays.copyOf(origin, cap);
            destination = Arrays.copyOf(destination, cap);
            trips = Arrays.copyOf(trips, cap);
        }

        public int size() {
            return size;
        }

        public FlowTable build() {
            for (int d = lastDay + 1; d < dayStart.length; d++) {
                dayStart[d] = size;
            }
            boolean exact = size == trips.length;
            return new FlowTable(period, dayStart, exact ? origin : Arrays.copyOf(origin, size),
                    exact ? destination : Arrays.copyOf(destination, size), exact ? trips : Arrays.copyOf(trips, size));
        }
    }
}
