package org.epiflow.model;

import java.util.Arrays;

/**
 * Daily resident counts per region, column-wise (6 bytes a row plus 4 bytes a day), ordered by day then region.
 * Immutable once built.
 */
public final class ResidentTable {
    private final Period period;
    private final int[] dayStart;
    private final short[] region;
    private final int[] residents;

    private ResidentTable(Period period, int[] dayStart, short[] region, int[] residents) {
        this.period = period;
        this.dayStart = dayStart;
        this.region = region;
        this.residents = residents;
    }

    public Period period() {
        return period;
    }

    public int rowCount() {
        return residents.length;
    }

    public int firstRow(int day) {
        return dayStart[day];
    }

    public int endRow(int day) {
        return dayStart[day + 1];
    }

    public int region(int row) {
        return region[row];
    }

    public int residents(int row) {
        return residents[row];
    }

    public long heapBytes() {
        return 4L * dayStart.length + 2L * region.length + 4L * residents.length;
    }

    public static Builder builder(Period period, int expectedRows) {
        return new Builder(period, expectedRows);
    }

    /** Appends rows in (day, region) order; refuses anything out of order or duplicated. */
    public static final class Builder {
        private final Period period;
        private final int[] dayStart;
        private short[] region;
        private int[] residents;
        private int size;
        private int lastDay;
        private int lastRegion = -1;

        private Builder(Period period, int expectedRows) {
            this.period = period;
            this.dayStart = new int[period.days() + 1];
            int cap = Math.max(expectedRows, 16);
            this.region = new short[cap];
            this.residents = new int[cap];
        }

        /** Adds a row; returns {@code null} when accepted, otherwise why not. */
        public String add(int day, int regionIndex, int count) {
            if (day < lastDay || day >= period.days()) {
                return day < lastDay ? "out of order" : "outside the period";
            }
            if (day == lastDay && size > 0 && regionIndex <= lastRegion) {
                return regionIndex == lastRegion ? "duplicate" : "out of order";
            }
            while (lastDay < day) {
                dayStart[++lastDay] = size;
            }
            if (size == residents.length) {
                int cap = residents.length + (residents.length >> 1);
                region = Arrays.copyOf(region, cap);
                residents = Arrays.copyOf(residents, cap);
            }
            region[size] = (short) regionIndex;
            residents[size] = count;
            size++;
            lastRegion = regionIndex;
            return null;
        }

        public ResidentTable build() {
            for (int d = lastDay + 1; d < dayStart.length; d++) {
                dayStart[d] = size;
            }
            boolean exact = size == residents.length;
            return new ResidentTable(period, dayStart, exact ? region : Arrays.copyOf(region, size),
                    exact ? residents : Arrays.copyOf(residents, size));
        }
    }
}
