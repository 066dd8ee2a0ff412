package org.epiflow.data.demo;

import org.epiflow.model.Period;
import org.epiflow.model.RegionTable;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/** A count per day and region (cases or infections), held densely; immutable once made. */
public final class DailyCounts {
    private final Period period;
    private final RegionTable regions;
    private final int[][] counts;

    DailyCounts(Period period, RegionTable regions, int[][] counts) {
        this.period = period;
        this.regions = regions;
        this.counts = counts;
    }

    public Period period() {
        return period;
    }

    public RegionTable regions() {
        return regions;
    }

    /** The count on day index {@code day} in region index {@code region}. */
    public int get(int day, int region) {
        return counts[day][region];
    }

    public long total() {
        long sum = 0;
        for (int[] day : counts) {
            for (int c : day) {
                sum += c;
            }
        }
        return sum;
    }

    public long totalOn(int day) {
        return Arrays.stream(counts[day]).asLongStream().sum();
    }

    public long totalFor(int region) {
        long sum = 0;
        for (int[] day : counts) {
            sum += day[region];
        }
        return sum;
    }

    /** The first day index with a count above 0 in {@code region}, or -1 if none. */
    public int firstDay(int region) {
        for (int d = 0; d < counts.length; d++) {
            if (counts[d][region] > 0) {
                return d;
            }
        }
        return -1;
    }

    /** Number of (day, region) cells above 0: the rows of the CSV. */
    public int nonZeroCells() {
        int n = 0;
        for (int[] day : counts) {
            for (int c : day) {
                if (c > 0) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Writes {@code date,region,<column>} rows for cells above 0, sorted by date then region code (the region
     * table is sorted by code), with {@code \n} line endings.
     */
    public void writeCsv(Writer out, String column) throws IOException {
        out.write("date,region," + column + "\n");
        for (int d = 0; d < counts.length; d++) {
            String date = period.day(d).toString();
            for (int i = 0; i < counts[d].length; i++) {
                if (counts[d][i] > 0) {
                    out.write(date + "," + regions.get(i).code() + "," + counts[d][i] + "\n");
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DailyCounts c && period.equals(c.period) && Arrays.deepEquals(counts, c.counts)
                && regions.all().equals(c.regions.all());
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }
}
