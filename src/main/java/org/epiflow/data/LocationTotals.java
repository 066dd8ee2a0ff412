package org.epiflow.data;

/**
 * Per node totals over a day range: trips arriving from other nodes, leaving to other nodes, and staying inside
 * (origin = destination, which includes flows between regions of the same province after a roll-up). These are sums of
 * published cells and may be shown; the net flow is a difference and is suppressed below k.
 */
public final class LocationTotals {
    private final FlowNodes nodes;
    private final long[] incoming;
    private final long[] outgoing;
    private final long[] internal;
    private final int k;

    /** Totals from per-node sums (the arrays are kept, not copied: hand over fresh ones). */
    public static LocationTotals of(FlowNodes nodes, long[] incoming, long[] outgoing, long[] internal, int k) {
        if (incoming.length != nodes.size() || outgoing.length != nodes.size() || internal.length != nodes.size()) {
            throw new IllegalArgumentException("one total per node");
        }
        return new LocationTotals(nodes, incoming, outgoing, internal, k);
    }

    LocationTotals(FlowNodes nodes, long[] incoming, long[] outgoing, long[] internal, int k) {
        this.nodes = nodes;
        this.incoming = incoming;
        this.outgoing = outgoing;
        this.internal = internal;
        this.k = k;
    }

    public FlowNodes nodes() {
        return nodes;
    }

    public int size() {
        return incoming.length;
    }

    public long incoming(int node) {
        return incoming[node];
    }

    public long outgoing(int node) {
        return outgoing[node];
    }

    public long internal(int node) {
        return internal[node];
    }

    /** incoming + outgoing + internal. */
    public long total(int node) {
        return incoming[node] + outgoing[node] + internal[node];
    }

    /** incoming − outgoing, suppressed when its absolute value is below k. */
    public Suppressed net(int node) {
        return Suppressed.derived(incoming[node] - outgoing[node], k);
    }

    public int k() {
        return k;
    }

    /** Largest {@link #total(int)} over all nodes (for symbol scales). */
    public long maxTotal() {
        long m = 0;
        for (int i = 0; i < incoming.length; i++) {
            m = Math.max(m, total(i));
        }
        return m;
    }
}
