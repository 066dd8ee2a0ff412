package org.epiflow.data.compare;

import org.epiflow.data.Suppressed;

import org.epiflow.data.DayRange;
import org.epiflow.data.FlowNodes;
import org.epiflow.data.LocationTotals;
import org.epiflow.model.AggregateDataset;
import org.epiflow.text.Message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Every origin–destination pair of a period next to its baseline, for the difference map and the comparison table.
 * The baseline may come from another bundle of the same geography: its nodes are matched to the period's by code;
 * a baseline node the period lacks is left out (and counted in {@link #unmatchedBaselineNodes()}).
 */
public final class FlowDifference {
    private final FlowNodes nodes;
    private final int size;
    private final int[] origin;
    private final int[] destination;
    private final long[] trips;
    private final int[] tripsDays;
    private final long[] baselineTrips;
    private final int[] baselineDays;
    private final int days;
    private final int unmatched;
    private final int k;
    private volatile List<FlowChange> sorted;
    private LocationTotals periodTotals;
    private LocationTotals baselineTotals;

    private FlowDifference(FlowNodes nodes, int size, int[] origin, int[] destination, long[] trips, int[] tripsDays,
                           long[] baselineTrips, int[] baselineDays, int days, int unmatched, int k) {
        this.nodes = nodes;
        this.size = size;
        this.origin = origin;
        this.destination = destination;
        this.trips = trips;
        this.tripsDays = tripsDays;
        this.baselineTrips = baselineTrips;
        this.baselineDays = baselineDays;
        this.days = days;
        this.unmatched = unmatched;
        this.k = k;
    }

    /**
     * Compares {@code periodDays} of {@code period} with {@code baselineDays} of {@code baseline}, both mapped to
     * nodes ({@code periodNodes} and {@code baselineNodes}, built by the same rule: regions, provinces or groups).
     * The two ranges must be equally long.
     */
    public static FlowDifference of(AggregateDataset period, FlowNodes periodNodes, DayRange periodDays,
                                    AggregateDataset baseline, FlowNodes baselineNodes, DayRange baselineDays)
            throws ComparisonException {
        if (periodDays.days() != baselineDays.days()) {
            throw new ComparisonException(Message.of("data.compare.rangeLengths", periodDays.days(),
                    baselineDays.days()));
        }
        if (!period.info().geographyLevel().equals(baseline.info().geographyLevel())) {
            throw new ComparisonException(Message.of("data.compare.otherGeography",
                    period.info().geographyLevel(), baseline.info().geographyLevel()));
        }
        int k = Math.max(period.info().k(), baseline.info().k());
        PairSums p = PairSums.of(period.flows(), periodNodes, periodDays);
        PairSums b = PairSums.of(baseline.flows(), baselineNodes, baselineDays);
        int[] toPeriod = new int[baselineNodes.size()];
        int unmatched = 0;
        for (int i = 0; i < toPeriod.length; i++) {
            toPeriod[i] = periodNodes.indexOf(baselineNodes.code(i));
            if (toPeriod[i] < 0) {
                unmatched++;
            }
        }
        // the baseline summed over the period's nodes (unmatched nodes and pairs that fall into one node left out)
        PairSums mapped = b.mappedTo(toPeriod, periodNodes.size());
        int cap = p.size() + mapped.size();
        Builder out = new Builder(cap);
        p.forEach((o, d, t, dd) -> {
            int slot = mapped.slotOf(o, d);
            out.add(o, d, t, dd, slot < 0 ? 0 : mapped.tripsAt(slot), slot < 0 ? 0 : mapped.daysAt(slot));
        });
        mapped.forEach((o, d, t, dd) -> {
            if (p.slotOf(o, d) < 0) {
                out.add(o, d, 0, 0, t, dd);
            }
        });
        FlowDifference diff = new FlowDifference(periodNodes, out.n, out.o, out.d, out.t, out.td, out.bt, out.bd,
                periodDays.days(), unmatched, k);
        // the totals come from the same pass over the rows (what FlowQuery would count)
        diff.periodTotals = p.totals(periodNodes, period.info().k());
        diff.baselineTotals = b.totals(baselineNodes, baseline.info().k());
        return diff;
    }

    /** Growing primitive columns. */
    private static final class Builder {
        int n;
        int[] o, d, td, bd;
        long[] t, bt;

        Builder(int cap) {
            o = new int[cap];
            d = new int[cap];
            td = new int[cap];
            bd = new int[cap];
            t = new long[cap];
            bt = new long[cap];
        }

        void add(int origin, int destination, long trips, int tripsDays, long baseTrips, int baseDays) {
            o[n] = origin;
            d[n] = destination;
            t[n] = trips;
            td[n] = tripsDays;
            bt[n] = baseTrips;
            bd[n++] = baseDays;
        }
    }

    /** The nodes the changes refer to (the period's). */
    public FlowNodes nodes() {
        return nodes;
    }

    /** How many pairs have a published figure on either side. */
    public int size() {
        return size;
    }

    /**
     * Pair {@code i} (0 ≤ i &lt; {@link #size()}) in no particular order — for going over every pair without
     * sorting them; {@link #changes()} has them largest change first.
     */
    public FlowChange at(int i) {
        return new FlowChange(origin[i], destination[i], trips[i], tripsDays[i], baselineTrips[i], baselineDays[i],
                days, k);
    }

    /** Origin node of pair {@code i} (the order of {@link #at}). */
    public int origin(int i) {
        return origin[i];
    }

    public int destination(int i) {
        return destination[i];
    }

    /** Trips of pair {@code i} in the period (published cells). */
    public long trips(int i) {
        return trips[i];
    }

    /** Trips of pair {@code i} in the baseline (published cells). */
    public long baselineTrips(int i) {
        return baselineTrips[i];
    }

    /** Whether the period has a published figure for pair {@code i} ({@link FlowChange#periodPublished}). */
    public boolean periodPublished(int i) {
        return tripsDays[i] > 0;
    }

    /** Whether the baseline has a published figure for pair {@code i}. */
    public boolean baselinePublished(int i) {
        return baselineDays[i] > 0;
    }

    /** Whether a day of either side had no published cell for pair {@code i} ({@link FlowChange#includesUnpublished}). */
    public boolean includesUnpublished(int i) {
        return tripsDays[i] < days || baselineDays[i] < days;
    }

    /** Whether the change of pair {@code i} is below k and so may not be shown ({@link FlowChange#change}). */
    public boolean changeSuppressed(int i) {
        return Suppressed.change(trips[i], baselineTrips[i], k).suppressed();
    }

    /** Every pair with a published figure on either side, largest change first (built when first asked for). */
    public List<FlowChange> changes() {
        List<FlowChange> s = sorted;
        if (s == null) {
            List<FlowChange> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(at(i));
            }
            out.sort(Comparator.comparingLong((FlowChange c) -> -Math.abs(c.rawChange()))
                    .thenComparingInt(FlowChange::origin).thenComparingInt(FlowChange::destination));
            s = sorted = Collections.unmodifiableList(out);
        }
        return s;
    }

    /** The {@code n} largest changes (increase or decrease), for the difference map; 0 means all. */
    public List<FlowChange> top(int n) {
        List<FlowChange> all = changes();
        return n <= 0 || n >= all.size() ? all : all.subList(0, n);
    }

    /** The change of one pair, if either side has a published figure. */
    public java.util.Optional<FlowChange> pair(int origin, int destination) {
        for (int i = 0; i < size; i++) {
            if (this.origin[i] == origin && this.destination[i] == destination) {
                return java.util.Optional.of(at(i));
            }
        }
        return java.util.Optional.empty();
    }

    /** The largest absolute change that may be shown, for a symmetric (locked) diverging scale. */
    public long maxAbsChange() {
        long m = 0;
        for (int i = 0; i < size; i++) {
            long c = Math.abs(trips[i] - baselineTrips[i]);
            if (!changeSuppressed(i)) {   // Suppressed.change: below k is not shown
                m = Math.max(m, c);
            }
        }
        return m;
    }

    /** The period's location totals over its nodes, counted in the same pass as the pairs. */
    public LocationTotals periodTotals() {
        return periodTotals;
    }

    /** The baseline's location totals over the baseline's own nodes (match them by code). */
    public LocationTotals baselineTotals() {
        return baselineTotals;
    }

    public int unmatchedBaselineNodes() {
        return unmatched;
    }

    public int k() {
        return k;
    }
}
