package org.epiflow.data;

import org.epiflow.model.AggregateDataset;
import org.epiflow.model.FlowTable;

import java.util.Arrays;

/**
 * Flow queries over one dataset. Keeps its working buffers between calls, so re-aggregating a day allocates only the
 * result; <b>not thread-safe</b> (use one instance per thread, e.g. one for the view).
 *
 * <p>Re-aggregation is a single pass over the rows of the range: rows are mapped to nodes (regions or provinces),
 * internal trips and per-node totals are counted, the rest summed per (origin, destination) pair in an open-addressing
 * table of primitive keys (skipped for one day at region level, where rows are already unique), filtered by selection
 * and minimum, and the top N kept with a bounded binary heap.
 */
public final class FlowQuery {
    private final AggregateDataset data;
    private final FlowTable flows;
    private final int k;
    private final FlowNodes regionNodes;
    private FlowNodes provinceNodes;

    // reusable buffers
    private int[] hKeys = new int[0];
    private long[] hVals = new long[0];
    private int[] hUsed = new int[0];
    private int hCount;
    private int[] cKey = new int[1024];
    private long[] cVol = new long[1024];
    private int[] heap = new int[1024];
    private boolean[] selected = new boolean[0];

    public FlowQuery(AggregateDataset data) {
        this.data = data;
        this.flows = data.flows();
        this.k = data.info().k();
        this.regionNodes = FlowNodes.regions(data.regions());
    }

    public AggregateDataset dataset() {
        return data;
    }

    public FlowNodes regionNodes() {
        return regionNodes;
    }

    public synchronized FlowNodes provinceNodes() {
        if (provinceNodes == null) {
            provinceNodes = FlowNodes.provinces(data.regions());
        }
        return provinceNodes;
    }

    public FlowNodes nodes(boolean provinces) {
        return provinces ? provinceNodes() : regionNodes;
    }

    /** Runs a query. */
    public FlowSet run(FlowSpec spec) {
        return run(spec, nodes(spec.provinces()));
    }

    /**
     * Runs a query over other nodes built from this dataset's region table (e.g. {@link FlowNodes#grouped}: region
     * groups as one node each); {@code spec.provinces()} is then ignored.
     */
    public FlowSet run(FlowSpec spec, FlowNodes nodes) {
        if (nodes.regionCount() != data.regions().size()) {
            throw new IllegalArgumentException("nodes of another region table");
        }
        DayRange days = spec.days();
        if (days.last() >= flows.dayCount()) {
            throw new IllegalArgumentException("day " + days.last() + " outside the dataset's " + flows.dayCount()
                    + " days");
        }
        int n = nodes.size();
        int[] nodeOf = nodes.nodeOfRegionArray();
        long[] in = new long[n], out = new long[n], internal = new long[n];

        // selection → node flags
        int[] sel = spec.selectionUnsafe();
        Direction dir = sel.length == 0 ? Direction.ALL : spec.direction();
        if (selected.length < n) {
            selected = new boolean[n];
        } else {
            Arrays.fill(selected, 0, n, false);
        }
        for (int r : sel) {
            selected[nodeOf[r]] = true;
        }

        boolean direct = days.isSingleDay() && (nodes == regionNodes || isIdentity(nodeOf));
        int first = flows.firstRow(days.first());
        int end = flows.endRow(days.last());
        int m = 0;
        if (direct) {
            ensureCandidates(end - first);
            for (int r = first; r < end; r++) {
                int o = flows.origin(r), d = flows.destination(r);
                long v = flows.trips(r);
                if (o == d) {
                    internal[o] += v;
                    continue;
                }
                out[o] += v;
                in[d] += v;
                if (keep(dir, o, d)) {
                    cKey[m] = o * n + d;
                    cVol[m++] = v;
                }
            }
        } else {
            hashReset(end - first);
            for (int r = first; r < end; r++) {
                int o = nodeOf[flows.origin(r)], d = nodeOf[flows.destination(r)];
                long v = flows.trips(r);
                if (o == d) {
                    internal[o] += v;
                    continue;
                }
                out[o] += v;
                in[d] += v;
                if (keep(dir, o, d)) {
                    hashAdd(o * n + d, v);
                }
            }
            ensureCandidates(hCount);
            for (int i = 0; i < hCount; i++) {
                int slot = hUsed[i];
                cKey[m] = hKeys[slot];
                cVol[m++] = hVals[slot];
            }
        }
        // minimum volume
        long min = spec.minVolume();
        int matched = 0;
        long matchedVolume = 0;
        for (int i = 0; i < m; i++) {
            if (cVol[i] >= min) {
                cKey[matched] = cKey[i];
                cVol[matched++] = cVol[i];
                matchedVolume += cVol[i];
            }
        }
        int keepN = spec.topN() == 0 ? matched : Math.min(spec.topN(), matched);
        int[] oo = new int[keepN], dd = new int[keepN];
        long[] vv = new long[keepN];
        selectTop(matched, keepN, n, oo, dd, vv);
        return new FlowSet(spec, nodes, oo, dd, vv, matched, matchedVolume,
                new LocationTotals(nodes, in, out, internal, k), k);
    }

    /** Whether nodes are the regions one to one (another instance of the region nodes, e.g. a comparison's). */
    private static boolean isIdentity(int[] nodeOf) {
        for (int i = 0; i < nodeOf.length; i++) {
            if (nodeOf[i] != i) {
                return false;
            }
        }
        return true;
    }

    private boolean keep(Direction dir, int o, int d) {
        return switch (dir) {
            case ALL -> true;
            case INCOMING -> selected[d];
            case OUTGOING -> selected[o];
            case BOTH -> selected[o] || selected[d];
            case BETWEEN -> selected[o] && selected[d];
        };
    }

    /** Keeps the top {@code keepN} of the first {@code m} candidates, written in descending order. */
    private void selectTop(int m, int keepN, int n, int[] oo, int[] dd, long[] vv) {
        if (keepN == 0) {
            return;
        }
        if (heap.length < keepN) {
            heap = new int[keepN];
        }
        int size = 0;
        for (int i = 0; i < m; i++) {
            if (size < keepN) {
                heap[size] = i;
                siftUp(size++);
            } else if (less(heap[0], i)) {
                heap[0] = i;
                siftDown(0, size);
            }
        }
        // pop smallest first, fill from the back
        for (int out = size - 1; out >= 0; out--) {
            int top = heap[0];
            oo[out] = cKey[top] / n;
            dd[out] = cKey[top] % n;
            vv[out] = cVol[top];
            heap[0] = heap[--size];
            siftDown(0, size);
        }
    }

    /** Heap order: smaller volume first; on equal volume the larger key is "smaller" (so ties sort by key asc). */
    private boolean less(int a, int b) {
        long va = cVol[a], vb = cVol[b];
        return va < vb || (va == vb && cKey[a] > cKey[b]);
    }

    private void siftUp(int i) {
        int x = heap[i];
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!less(x, heap[p])) {
                break;
            }
            heap[i] = heap[p];
            i = p;
        }
        heap[i] = x;
    }

    private void siftDown(int i, int size) {
        int x = heap[i];
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && less(heap[c + 1], heap[c])) {
                c++;
            }
            if (!less(heap[c], x)) {
                break;
            }
            heap[i] = heap[c];
            i = c;
        }
        heap[i] = x;
    }

    private void ensureCandidates(int m) {
        if (cKey.length < m) {
            int cap = Math.max(m, cKey.length * 2);
            cKey = new int[cap];
            cVol = new long[cap];
        }
    }

    private void hashReset(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        if (hKeys.length < cap) {
            hKeys = new int[cap];
            hVals = new long[cap];
            hUsed = new int[cap];
            Arrays.fill(hKeys, -1);
        } else {
            for (int i = 0; i < hCount; i++) {
                hKeys[hUsed[i]] = -1;
            }
        }
        hCount = 0;
    }

    private void hashAdd(int key, long v) {
        int mask = hKeys.length - 1;
        int slot = (key * 0x9E3779B1) >>> 7 & mask;
        while (true) {
            int kk = hKeys[slot];
            if (kk == key) {
                hVals[slot] += v;
                return;
            }
            if (kk == -1) {
                hKeys[slot] = key;
                hVals[slot] = v;
                hUsed[hCount++] = slot;
                return;
            }
            slot = (slot + 1) & mask;
        }
    }
}
