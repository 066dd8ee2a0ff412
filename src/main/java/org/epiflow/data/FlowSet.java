package org.epiflow.data;

/**
 * The answer to a {@link FlowSpec}: flows between distinct nodes (origin ≠ destination), sorted by volume descending
 * (ties by origin, then destination), plus per-node {@link LocationTotals}. Volumes are sums of published cells.
 * Immutable.
 */
public final class FlowSet {
    private final FlowSpec spec;
    private final FlowNodes nodes;
    private final int[] origin;
    private final int[] destination;
    private final long[] volume;
    private final int matchedCount;
    private final long matchedVolume;
    private final LocationTotals totals;
    private final int k;

    FlowSet(FlowSpec spec, FlowNodes nodes, int[] origin, int[] destination, long[] volume, int matchedCount,
            long matchedVolume, LocationTotals totals, int k) {
        this.spec = spec;
        this.nodes = nodes;
        this.origin = origin;
        this.destination = destination;
        this.volume = volume;
        this.matchedCount = matchedCount;
        this.matchedVolume = matchedVolume;
        this.totals = totals;
        this.k = k;
    }

    /** A flow set built from explicit arrays (tests, exports of hand-made data); must already be sorted. */
    public static FlowSet of(FlowNodes nodes, int[] origin, int[] destination, long[] volume, int k) {
        int n = volume.length;
        long sum = 0;
        long[] in = new long[nodes.size()], out = new long[nodes.size()], internal = new long[nodes.size()];
        for (int i = 0; i < n; i++) {
            sum += volume[i];
            out[origin[i]] += volume[i];
            in[destination[i]] += volume[i];
        }
        return new FlowSet(FlowSpec.day(0), nodes, origin.clone(), destination.clone(), volume.clone(), n, sum,
                new LocationTotals(nodes, in, out, internal, k), k);
    }

    public FlowSpec spec() {
        return spec;
    }

    public FlowNodes nodes() {
        return nodes;
    }

    public int size() {
        return volume.length;
    }

    public int origin(int i) {
        return origin[i];
    }

    public int destination(int i) {
        return destination[i];
    }

    public long volume(int i) {
        return volume[i];
    }

    /** Largest volume, or 0 when empty. */
    public long maxVolume() {
        return volume.length == 0 ? 0 : volume[0];
    }

    /** Smallest volume kept, or 0 when empty. */
    public long minVolume() {
        return volume.length == 0 ? 0 : volume[volume.length - 1];
    }

    /** Flows that passed the filters before top-N ("showing 5,000 of 48,213"). */
    public int matchedCount() {
        return matchedCount;
    }

    /** Sum of the volumes of all matched flows (before top-N). */
    public long matchedVolume() {
        return matchedVolume;
    }

    /** Per-node totals over the day range, independent of the selection, top-N and minimum filters. */
    public LocationTotals totals() {
        return totals;
    }

    public int k() {
        return k;
    }

    /** The index of the flow origin → destination in this set, or -1 (linear scan). */
    public int indexOf(int originNode, int destinationNode) {
        for (int i = 0; i < volume.length; i++) {
            if (origin[i] == originNode && destination[i] == destinationNode) {
                return i;
            }
        }
        return -1;
    }
}
