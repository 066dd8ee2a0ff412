package org.epiflow.data.compare;

import org.epiflow.data.DayRange;
import org.epiflow.data.FlowNodes;
import org.epiflow.data.LocationTotals;
import org.epiflow.model.FlowTable;

import java.util.Arrays;

/**
 * Trips per (origin node, destination node) summed over a range of days, with the number of days on which the
 * pair had at least one published cell. An open-addressing table of primitive keys; internal trips (origin and
 * destination the same node) are left out.
 */
final class PairSums {
    private final int nodes;
    private int[] keys;
    private long[] trips;
    private int[] days;
    private int[] lastDay;
    private int size;
    /** Per-node totals of the rows summed (only from {@link #of}): in, out, inside. */
    private long[] in;
    private long[] out;
    private long[] internal;

    private PairSums(int nodes, int expected) {
        this.nodes = nodes;
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new int[cap];
        Arrays.fill(keys, -1);
        trips = new long[cap];
        days = new int[cap];
        lastDay = new int[cap];
    }

    /** Sums the rows of {@code range} of a flow table, regions mapped to nodes by {@code nodes}. */
    static PairSums of(FlowTable flows, FlowNodes nodes, DayRange range) {
        int[] nodeOf = new int[nodes.regionCount()];
        for (int r = 0; r < nodeOf.length; r++) {
            nodeOf[r] = nodes.nodeOfRegion(r);
        }
        int first = flows.firstRow(range.first());
        int end = flows.endRow(range.last());
        PairSums s = new PairSums(nodes.size(), Math.max(16, (end - first) / Math.max(1, range.days() / 2)));
        long[] in = new long[nodes.size()], out = new long[nodes.size()], inside = new long[nodes.size()];
        for (int day = range.first(); day <= range.last(); day++) {
            for (int r = flows.firstRow(day); r < flows.endRow(day); r++) {
                int o = nodeOf[flows.origin(r)], d = nodeOf[flows.destination(r)];
                long v = flows.trips(r);
                if (o != d) {
                    s.add(o * s.nodes + d, v, day);
                    out[o] += v;
                    in[d] += v;
                } else {
                    inside[o] += v;
                }
            }
        }
        s.in = in;
        s.out = out;
        s.internal = inside;
        return s;
    }

    /** The location totals of the rows summed, as {@link org.epiflow.data.FlowQuery} counts them. */
    LocationTotals totals(FlowNodes nodes, int k) {
        if (in == null) {
            throw new IllegalStateException("totals of mapped sums");
        }
        return LocationTotals.of(nodes, in.clone(), out.clone(), internal.clone(), k);
    }

    int nodeCount() {
        return nodes;
    }

    /**
     * These sums over other nodes: node {@code i} becomes {@code to[i]} of {@code n} (left out when negative); pairs
     * falling into one node are left out, pairs falling onto one pair summed (trips and days). Returns this when
     * the mapping is the identity.
     */
    PairSums mappedTo(int[] to, int n) {
        boolean identity = n == nodes && to.length == nodes;
        for (int i = 0; identity && i < to.length; i++) {
            identity = to[i] == i;
        }
        if (identity) {
            return this;
        }
        PairSums m = new PairSums(n, Math.max(16, size));
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != -1) {
                int o = to[keys[i] / nodes], d = to[keys[i] % nodes];
                if (o >= 0 && d >= 0 && o != d) {
                    m.merge(o * n + d, trips[i], days[i]);
                }
            }
        }
        return m;
    }

    private void merge(int key, long v, int d) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = (key * 0x9E3779B1) >>> 7 & mask;
        while (keys[slot] != -1 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == -1) {
            keys[slot] = key;
            size++;
        }
        trips[slot] += v;
        days[slot] += d;
    }

    /** The slot of a pair, or -1 when absent (for {@link #tripsAt}, {@link #daysAt}). */
    int slotOf(int origin, int destination) {
        return find(origin * nodes + destination);
    }

    long tripsAt(int slot) {
        return trips[slot];
    }

    int daysAt(int slot) {
        return days[slot];
    }

    private void add(int key, long v, int day) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = (key * 0x9E3779B1) >>> 7 & mask;
        while (true) {
            int k = keys[slot];
            if (k == key) {
                trips[slot] += v;
                if (lastDay[slot] != day) {
                    lastDay[slot] = day;
                    days[slot]++;
                }
                return;
            }
            if (k == -1) {
                keys[slot] = key;
                trips[slot] = v;
                days[slot] = 1;
                lastDay[slot] = day;
                size++;
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        int[] ok = keys;
        long[] ot = trips;
        int[] od = days, ol = lastDay;
        keys = new int[ok.length * 2];
        Arrays.fill(keys, -1);
        trips = new long[ok.length * 2];
        days = new int[ok.length * 2];
        lastDay = new int[ok.length * 2];
        size = 0;
        int mask = keys.length - 1;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != -1) {
                int slot = (ok[i] * 0x9E3779B1) >>> 7 & mask;
                while (keys[slot] != -1) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = ok[i];
                trips[slot] = ot[i];
                days[slot] = od[i];
                lastDay[slot] = ol[i];
                size++;
            }
        }
    }

    /** Calls {@code visitor} for every pair present. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != -1) {
                visitor.pair(keys[i] / nodes, keys[i] % nodes, trips[i], days[i]);
            }
        }
    }

    /** Trips of a pair (0 when absent) and, through {@link #daysOf}, its days with a published cell. */
    long tripsOf(int origin, int destination) {
        int slot = find(origin * nodes + destination);
        return slot < 0 ? 0 : trips[slot];
    }

    int daysOf(int origin, int destination) {
        int slot = find(origin * nodes + destination);
        return slot < 0 ? 0 : days[slot];
    }

    private int find(int key) {
        int mask = keys.length - 1;
        int slot = (key * 0x9E3779B1) >>> 7 & mask;
        while (true) {
            int k = keys[slot];
            if (k == key) {
                return slot;
            }
            if (k == -1) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    interface Visitor {
        void pair(int origin, int destination, long trips, int days);
    }
}
