package org.epiflow.analytics;

import org.epiflow.model.FlowTable;

import java.util.Arrays;

/**
 * Trips between regions grouped by origin (compressed sparse rows): those of one day of a {@link FlowTable}, or
 * their sum or mean over a window of days. Trips from a region to itself are dropped (they carry no spread).
 * Immutable.
 */
public final class SparseFlows {
    private final int regions;
    private final int[] start;
    private final int[] destination;
    private final double[] trips;

    public SparseFlows(int regions, int[] start, int[] destination, double[] trips) {
        if (start.length != regions + 1 || destination.length != trips.length || start[regions] != trips.length) {
            throw new IllegalArgumentException("inconsistent sparse rows");
        }
        this.regions = regions;
        this.start = start;
        this.destination = destination;
        this.trips = trips;
    }

    /** The trips of one day of {@code flows}. */
    public static SparseFlows ofDay(FlowTable flows, int regions, int day) {
        return window(flows, regions, day, day + 1, false);
    }

    /**
     * Trips summed (or averaged, when {@code mean}) over days {@code from} (inclusive) to {@code to} (exclusive),
     * clamped to the table's period.
     */
    public static SparseFlows window(FlowTable flows, int regions, int from, int to, boolean mean) {
        int a = Math.max(0, from);
        int b = Math.min(flows.dayCount(), to);
        int days = Math.max(0, b - a);
        int[] cursor = new int[days];
        for (int d = 0; d < days; d++) {
            cursor[d] = flows.firstRow(a + d);
        }
        double[] acc = new double[regions];
        boolean[] touched = new boolean[regions];
        int[] list = new int[regions];
        int[] start = new int[regions + 1];
        int[] dest = new int[16];
        double[] val = new double[16];
        int size = 0;
        for (int o = 0; o < regions; o++) {
            int count = 0;
            for (int d = 0; d < days; d++) {
                int end = flows.endRow(a + d);
                int r = cursor[d];
                while (r < end && flows.origin(r) < o) {
                    r++;
                }
                while (r < end && flows.origin(r) == o) {
                    int t = flows.destination(r);
                    if (t != o) {
                        if (!touched[t]) {
                            touched[t] = true;
                            list[count++] = t;
                        }
                        acc[t] += flows.trips(r);
                    }
                    r++;
                }
                cursor[d] = r;
            }
            Arrays.sort(list, 0, count);
            if (size + count > dest.length) {
                int cap = Math.max(dest.length * 2, size + count);
                dest = Arrays.copyOf(dest, cap);
                val = Arrays.copyOf(val, cap);
            }
            for (int i = 0; i < count; i++) {
                int t = list[i];
                dest[size] = t;
                val[size] = mean ? acc[t] / days : acc[t];
                size++;
                acc[t] = 0;
                touched[t] = false;
            }
            start[o + 1] = size;
        }
        return new SparseFlows(regions, start, Arrays.copyOf(dest, size), Arrays.copyOf(val, size));
    }

    /** Number of regions (rows). */
    public int regions() {
        return regions;
    }

    /** Number of origin–destination pairs with trips. */
    public int pairs() {
        return trips.length;
    }

    /** First entry of origin {@code o}. */
    public int start(int o) {
        return start[o];
    }

    /** One past the last entry of origin {@code o}. */
    public int end(int o) {
        return start[o + 1];
    }

    public int destination(int entry) {
        return destination[entry];
    }

    public double trips(int entry) {
        return trips[entry];
    }

    /** Total trips leaving {@code o}. */
    public double outflow(int o) {
        double s = 0;
        for (int e = start[o]; e < start[o + 1]; e++) {
            s += trips[e];
        }
        return s;
    }

    /** Trips from {@code o} to {@code d} (0 when none). */
    public double trips(int o, int d) {
        int i = entry(o, d);
        return i >= 0 ? trips[i] : 0;
    }

    /** The entry of pair o→d, or -1 when no trips go from o to d. */
    public int entry(int o, int d) {
        int i = Arrays.binarySearch(destination, start[o], start[o + 1], d);
        return i >= 0 ? i : -1;
    }

    /** Total trips arriving in each region. */
    public double[] inflows() {
        double[] in = new double[regions];
        for (int e = 0; e < trips.length; e++) {
            in[destination[e]] += trips[e];
        }
        return in;
    }
}
