package org.epiflow.data.compare;

import org.epiflow.data.Suppressed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The partners of one node (a region, a province or a region group) in a {@link Comparison}: trips to and from it in
 * the period and, with a baseline, in the baseline, per partner node (groups are one partner). Sums cover published
 * cells only; a side with no published cell is "not published", never 0, and a figure whose days include an
 * unpublished cell (of either direction, in either period) is marked. Largest period total first.
 */
public final class ComparedPartners {
    private ComparedPartners() {
    }

    /**
     * One partner.
     *
     * @param node            the partner's node in {@link Comparison#nodes()}
     * @param in              trips partner → focus in the period (published cells)
     * @param inDays          days of the period with a published partner → focus cell
     * @param out             trips focus → partner in the period
     * @param outDays         days of the period with a published focus → partner cell
     * @param baselineTrips   trips both ways in the baseline (0 without a baseline or none published)
     * @param baselineDays    days with a published cell in the baseline, both directions counted (0: none)
     * @param days            days in the period (and in the baseline)
     * @param hasBaseline     whether the comparison has a baseline
     * @param k               the suppression threshold
     */
    public record Partner(int node, long in, int inDays, long out, int outDays, long baselineTrips,
                          int baselineDays, int days, boolean hasBaseline, int k) {
        /** Trips both ways in the period. */
        public long trips() {
            return in + out;
        }

        /** Whether the period has any published figure for this partner. */
        public boolean published() {
            return inDays + outDays > 0;
        }

        /** Whether the baseline has any published figure for this partner. */
        public boolean baselinePublished() {
            return baselineDays > 0;
        }

        /** In minus out, suppressed below k. */
        public Suppressed net() {
            return Suppressed.derived(in - out, k);
        }

        /** Period minus baseline, suppressed below k. */
        public Suppressed change() {
            return Suppressed.change(trips(), baselineTrips, k);
        }

        /** The change in percent of the baseline; empty without a published baseline or with a suppressed change. */
        public OptionalDouble changePercent() {
            if (!hasBaseline || !baselinePublished() || baselineTrips == 0 || change().suppressed()) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(100.0 * (trips() - baselineTrips) / baselineTrips);
        }

        /**
         * Whether some day of either direction, in the period or the baseline, had no published cell: the figures
         * are then lower bounds.
         */
        public boolean includesUnpublished() {
            return inDays < days || outDays < days || (hasBaseline && baselineDays < 2 * days);
        }
    }

    /**
     * The partners of {@code focus} (a node of {@code c}), {@code limit} 0 = all. Without a baseline the period's
     * pairs are summed here; with one, the comparison's {@link FlowDifference} gives both sides.
     */
    public static List<Partner> of(Comparison c, int focus, int limit) {
        int days = c.days().days();
        boolean base = c.difference() != null;
        int k = base ? c.difference().k() : c.data().info().k();
        Map<Integer, long[]> sums = new HashMap<>();   // partner → {in, inDays, out, outDays, baseline, baseDays}
        if (base) {
            for (FlowChange ch : c.difference().changes()) {
                add(sums, focus, ch.origin(), ch.destination(), ch.trips(), ch.tripsDays(), ch.baselineTrips(),
                        ch.baselineDays());
            }
        } else {
            PairSums.of(c.data().flows(), c.nodes(), c.days()).forEach((o, d, t, dd) ->
                    add(sums, focus, o, d, t, dd, 0, 0));
        }
        List<Partner> out = new ArrayList<>();
        sums.forEach((p, s) -> out.add(new Partner(p, s[0], (int) s[1], s[2], (int) s[3], s[4], (int) s[5], days,
                base, k)));
        out.sort(Comparator.comparingLong(Partner::trips).reversed()
                .thenComparing(Comparator.comparingLong(Partner::baselineTrips).reversed())
                .thenComparingInt(Partner::node));
        return limit > 0 && out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    /** The node a region or group code stands for in {@code c} (a member region gives its group), or −1. */
    public static int node(Comparison c, String code) {
        int n = c.nodes().indexOf(code);
        if (n >= 0) {
            return n;
        }
        int r = c.data().regions().indexOf(code);
        return r < 0 ? -1 : c.nodes().nodeOfRegion(r);
    }

    private static void add(Map<Integer, long[]> sums, int focus, int o, int d, long trips, int tripsDays,
                            long baseline, int baselineDays) {
        if (o == d || (o != focus && d != focus)) {
            return;
        }
        boolean inbound = d == focus;
        long[] s = sums.computeIfAbsent(inbound ? o : d, x -> new long[6]);
        if (tripsDays > 0) {
            s[inbound ? 0 : 2] += trips;
            s[inbound ? 1 : 3] += tripsDays;
        }
        if (baselineDays > 0) {
            s[4] += baseline;
            s[5] += baselineDays;
        }
    }
}
