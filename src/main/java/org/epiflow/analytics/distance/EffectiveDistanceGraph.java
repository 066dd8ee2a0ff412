package org.epiflow.analytics.distance;

import org.epiflow.analytics.SparseFlows;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The effective-distance network of a window of trips: an edge n→m of length {@code 1 − ln P(n→m)}, where
 * {@code P(n→m) = F_nm / Σ_k F_nk} is the share of the trips leaving n that go to m (Brockmann &amp; Helbing's
 * P_mn). Shortest paths by Dijkstra (all lengths are at least 1).
 */
public final class EffectiveDistanceGraph {
    private final SparseFlows flows;
    private final double[] length;

    public EffectiveDistanceGraph(SparseFlows flows) {
        this.flows = flows;
        this.length = new double[flows.pairs()];
        for (int n = 0; n < flows.regions(); n++) {
            double out = flows.outflow(n);
            for (int e = flows.start(n); e < flows.end(n); e++) {
                length[e] = 1 - Math.log(flows.trips(e) / out);
            }
        }
    }

    public int regions() {
        return flows.regions();
    }

    public SparseFlows flows() {
        return flows;
    }

    /** Length of the edge n→m, or +∞ when no trips go from n to m. */
    public double edge(int n, int m) {
        int i = flows.entry(n, m);
        return i >= 0 ? length[i] : Double.POSITIVE_INFINITY;
    }

    /**
     * Shortest effective distances from a set of sources (each at distance 0).
     *
     * @return the distances (+∞ when unreachable), predecessors (-1 at sources and unreachable regions), the source
     *         each path starts from, and the hop counts
     */
    public Paths shortestPaths(int... sources) {
        int n = flows.regions();
        double[] dist = new double[n];
        int[] pred = new int[n];
        int[] origin = new int[n];
        int[] hops = new int[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(pred, -1);
        Arrays.fill(origin, -1);
        MinHeap heap = new MinHeap(Math.max(16, n));
        for (int s : sources) {
            dist[s] = 0;
            origin[s] = s;
            heap.push(0, s);
        }
        boolean[] done = new boolean[n];
        while (!heap.isEmpty()) {
            int u = heap.popNode();
            if (done[u]) {
                continue;
            }
            done[u] = true;
            double du = dist[u];
            for (int e = flows.start(u); e < flows.end(u); e++) {
                int v = flows.destination(e);
                double nd = du + length[e];
                if (nd < dist[v]) {
                    dist[v] = nd;
                    pred[v] = u;
                    origin[v] = origin[u];
                    hops[v] = hops[u] + 1;
                    heap.push(nd, v);
                }
            }
        }
        return new Paths(dist, pred, origin, hops);
    }

    /** Effective distance from every region to every other, {@code [from][to]}, on the common pool's threads. */
    public double[][] allPairs() {
        int n = flows.regions();
        double[][] d = new double[n][];
        IntStream.range(0, n).parallel().forEach(s -> d[s] = shortestPaths(s).distance());
        return d;
    }

    /**
     * Shortest paths from a set of sources.
     *
     * @param distance    effective distance D (+∞ when unreachable)
     * @param predecessor previous region on the path, -1 at a source
     * @param source      the source the path starts from, -1 when unreachable
     * @param hops        edges on the path
     */
    public record Paths(double[] distance, int[] predecessor, int[] source, int[] hops) {
        /** The path from its source to {@code region}, source first; empty when unreachable. */
        public int[] path(int region) {
            if (Double.isInfinite(distance[region])) {
                return new int[0];
            }
            int[] p = new int[hops[region] + 1];
            int at = region;
            for (int i = p.length - 1; i >= 0; i--) {
                p[i] = at;
                at = predecessor[at];
            }
            return p;
        }
    }

    /** A binary min-heap of (key, node) with lazy deletion. */
    private static final class MinHeap {
        private double[] key;
        private int[] node;
        private int size;

        MinHeap(int cap) {
            key = new double[cap];
            node = new int[cap];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(double k, int v) {
            if (size == key.length) {
                key = Arrays.copyOf(key, size * 2);
                node = Arrays.copyOf(node, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (key[parent] <= k) {
                    break;
                }
                key[i] = key[parent];
                node[i] = node[parent];
                i = parent;
            }
            key[i] = k;
            node[i] = v;
        }

        int popNode() {
            int top = node[0];
            size--;
            if (size > 0) {
                double k = key[size];
                int v = node[size];
                int i = 0;
                while (true) {
                    int c = 2 * i + 1;
                    if (c >= size) {
                        break;
                    }
                    if (c + 1 < size && key[c + 1] < key[c]) {
                        c++;
                    }
                    if (key[c] >= k) {
                        break;
                    }
                    key[i] = key[c];
                    node[i] = node[c];
                    i = c;
                }
                key[i] = k;
                node[i] = v;
            }
            return top;
        }
    }
}
