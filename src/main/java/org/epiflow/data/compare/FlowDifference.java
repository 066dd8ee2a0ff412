package org.epiflow.data.compare;

import org.epiflow.data.DayRange;
import org.epiflow.data.FlowNodes;
import org.epiflow.model.AggregateDataset;
import org.epiflow.text.Message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

/**
 * Every origin–destination pair of a period next to its baseline, for the difference map and the comparison table.
 * The baseline may come from another bundle of the same geography: its nodes are matched to the period's by code;
 * a baseline node the period lacks is left out (and counted in {@link #unmatchedBaselineNodes()}).
 */
public final class FlowDifference {
    private final FlowNodes nodes;
    private final List<FlowChange> changes;
    private final int unmatched;
    private final int k;

    private FlowDifference(FlowNodes nodes, List<FlowChange> changes, int unmatched, int k) {
        this.nodes = nodes;
        this.changes = changes;
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
        int days = periodDays.days();
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
        int n = periodNodes.size();
        List<FlowChange> out = new ArrayList<>(p.size() + b.size() / 4);
        HashMap<Integer, Integer> index = new HashMap<>(p.size() * 2);
        p.forEach((o, d, t, dd) -> {
            index.put(o * n + d, out.size());
            out.add(new FlowChange(o, d, t, dd, 0, 0, days, k));
        });
        // fold the baseline in: pairs already present get their baseline figures, others are added
        b.forEach((o, d, t, dd) -> {
            int po = toPeriod[o], pd = toPeriod[d];
            if (po < 0 || pd < 0 || po == pd) {
                return;
            }
            Integer at = index.get(po * n + pd);
            if (at == null) {
                index.put(po * n + pd, out.size());
                out.add(new FlowChange(po, pd, 0, 0, t, dd, days, k));
            } else {
                FlowChange c = out.get(at);
                out.set(at, new FlowChange(po, pd, c.trips(), c.tripsDays(), c.baselineTrips() + t,
                        c.baselineDays() + dd, days, k));
            }
        });
        out.sort(Comparator.comparingLong((FlowChange c) -> -Math.abs(c.rawChange()))
                .thenComparingInt(FlowChange::origin).thenComparingInt(FlowChange::destination));
        return new FlowDifference(periodNodes, Collections.unmodifiableList(out), unmatched, k);
    }

    /** The nodes the changes refer to (the period's). */
    public FlowNodes nodes() {
        return nodes;
    }

    /** Every pair with a published figure on either side, largest change first. */
    public List<FlowChange> changes() {
        return changes;
    }

    /** The {@code n} largest changes (increase or decrease), for the difference map; 0 means all. */
    public List<FlowChange> top(int n) {
        return n <= 0 || n >= changes.size() ? changes : changes.subList(0, n);
    }

    /** The change of one pair, if either side has a published figure. */
    public java.util.Optional<FlowChange> pair(int origin, int destination) {
        for (FlowChange c : changes) {
            if (c.origin() == origin && c.destination() == destination) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    /** The largest absolute change that may be shown, for a symmetric (locked) diverging scale. */
    public long maxAbsChange() {
        long m = 0;
        for (FlowChange c : changes) {
            if (!c.change().suppressed()) {
                m = Math.max(m, Math.abs(c.rawChange()));
            }
        }
        return m;
    }

    public int unmatchedBaselineNodes() {
        return unmatched;
    }

    public int k() {
        return k;
    }
}
