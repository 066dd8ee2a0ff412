package org.epiflow.analytics.cases;

import org.epiflow.model.Period;
import org.epiflow.model.RegionTable;

import java.util.Arrays;

/**
 * New reported cases per day and region over a bundle's period, day-major in one {@code int} array. Days after the
 * last reported date hold 0 and are not "known zero": see {@link #lastReportedDay()}. Immutable.
 */
public final class CaseTable {
    private final Period period;
    private final RegionTable regions;
    private final int[] daily;
    private final int lastReportedDay;

    /**
     * @param daily           new cases, {@code daily[day * regions.size() + region]}, none negative
     * @param lastReportedDay the last day index the data covers (-1 when empty)
     */
    public CaseTable(Period period, RegionTable regions, int[] daily, int lastReportedDay) {
        int n = regions.size();
        if (daily.length != period.days() * n) {
            throw new IllegalArgumentException("expected " + period.days() * n + " counts, got " + daily.length);
        }
        for (int v : daily) {
            if (v < 0) {
                throw new IllegalArgumentException("negative count");
            }
        }
        this.period = period;
        this.regions = regions;
        this.daily = daily.clone();
        this.lastReportedDay = lastReportedDay;
    }

    /** An empty table (no case reported anywhere). */
    public static CaseTable empty(Period period, RegionTable regions) {
        return new CaseTable(period, regions, new int[period.days() * regions.size()], -1);
    }

    public Period period() {
        return period;
    }

    public RegionTable regions() {
        return regions;
    }

    public int days() {
        return period.days();
    }

    /** Last day index the reports cover, -1 when there are none. */
    public int lastReportedDay() {
        return lastReportedDay;
    }

    /** New cases on {@code day} in {@code region}. */
    public int daily(int day, int region) {
        return daily[day * regions.size() + region];
    }

    /** Cumulative cases per region up to and including {@code day}. */
    public long[] cumulativeThrough(int day) {
        int n = regions.size();
        long[] c = new long[n];
        for (int d = 0; d <= Math.min(day, period.days() - 1); d++) {
            for (int i = 0; i < n; i++) {
                c[i] += daily[d * n + i];
            }
        }
        return c;
    }

    /** Total cases everywhere. */
    public long total() {
        long s = 0;
        for (int v : daily) {
            s += v;
        }
        return s;
    }

    /** First day index with a case in {@code region}, or -1. */
    public int firstCaseDay(int region) {
        int n = regions.size();
        for (int d = 0; d < period.days(); d++) {
            if (daily[d * n + region] > 0) {
                return d;
            }
        }
        return -1;
    }

    /**
     * Estimated infectious people I_i(t) for every day and region: the cases reported in the last {@code window}
     * days (t − window + 1 … t) divided by the ascertainment (the share of infections reported, 0 &lt; a ≤ 1).
     *
     * @return {@code [day * n + region]}
     */
    public double[] prevalence(int window, double ascertainment) {
        if (window < 1 || !(ascertainment > 0 && ascertainment <= 1)) {
            throw new IllegalArgumentException("window >= 1 and 0 < ascertainment <= 1 required");
        }
        int n = regions.size();
        double[] out = new double[daily.length];
        long[] running = new long[n];
        for (int d = 0; d < period.days(); d++) {
            for (int i = 0; i < n; i++) {
                running[i] += daily[d * n + i];
                if (d - window >= 0) {
                    running[i] -= daily[(d - window) * n + i];
                }
                out[d * n + i] = running[i] / ascertainment;
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaseTable c && c.period.equals(period) && Arrays.equals(c.daily, daily)
                && c.lastReportedDay == lastReportedDay;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(daily);
    }
}
