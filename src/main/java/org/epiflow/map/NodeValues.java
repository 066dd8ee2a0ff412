package org.epiflow.map;

import org.epiflow.data.FlowNodes;
import org.epiflow.data.LocationTotals;
import org.epiflow.data.Suppressed;
import org.epiflow.data.compare.PerCapita;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What each place's circle (or heatmap region) of a comparison or per-capita map shows: its location total (in, out
 * or both) in the period, in the baseline, the change or the change in percent, per 1,000 residents when asked. A
 * total of 0 means no published cell: "not published", never 0; a change against it is {@link #marked}. Node
 * indexes are the period's; the baseline's totals are matched by node code. Immutable.
 */
public final class NodeValues {
    private final FlowNodes nodes;
    private final double[] value;
    private final FlowValues.State[] state;
    private final boolean[] marked;
    private final FlowMeasure measure;

    private NodeValues(FlowNodes nodes, double[] value, FlowValues.State[] state, boolean[] marked,
                       FlowMeasure measure) {
        this.nodes = nodes;
        this.value = value;
        this.state = state;
        this.marked = marked;
        this.measure = measure;
    }

    /**
     * Location totals of a period against a baseline (null: the period alone, {@code measure} must be
     * {@link FlowMeasure#TRIPS}), as {@code measure}, per 1,000 residents of each place when {@code perCapita} is
     * given.
     */
    public static NodeValues of(LocationTotals period, LocationTotals baseline, SymbolMeasure which,
                                FlowMeasure measure, PerCapita perCapita) {
        if (baseline == null && measure != FlowMeasure.TRIPS) {
            throw new IllegalArgumentException(measure + " needs a baseline");
        }
        FlowNodes n = period.nodes();
        int k = Math.max(period.k(), baseline == null ? 0 : baseline.k());
        long[] base = new long[n.size()];
        if (baseline != null) {
            FlowNodes bn = baseline.nodes();
            for (int b = 0; b < bn.size(); b++) {
                int i = n.indexOf(bn.code(b));
                if (i >= 0) {
                    base[i] += which.of(baseline, b);
                }
            }
        }
        double[] v = new double[n.size()];
        FlowValues.State[] st = new FlowValues.State[n.size()];
        boolean[] m = new boolean[n.size()];
        for (int i = 0; i < n.size(); i++) {
            long p = which.of(period, i), b = base[i];
            FlowValues.State s = FlowValues.State.SHOWN;
            double x;
            switch (measure) {
                case TRIPS -> {
                    x = p;
                    s = p > 0 ? s : FlowValues.State.NOT_PUBLISHED;
                }
                case BASELINE -> {
                    x = b;
                    // a baseline bundle with a lower k: its sums below the comparison's k are not shown either
                    s = b <= 0 ? FlowValues.State.NOT_PUBLISHED : b < k ? FlowValues.State.SUPPRESSED : s;
                }
                case CHANGE -> {
                    Suppressed c = Suppressed.change(p, b, k);
                    x = p - b;
                    s = p == 0 && b == 0 ? FlowValues.State.NOT_PUBLISHED
                            : c.suppressed() ? FlowValues.State.SUPPRESSED : s;
                    m[i] = p == 0 || b == 0;
                }
                case CHANGE_PERCENT -> {
                    Suppressed c = Suppressed.change(p, b, k);
                    x = b == 0 ? 0 : 100.0 * (p - b) / b;
                    s = b == 0 ? FlowValues.State.NOT_PUBLISHED
                            : c.suppressed() ? FlowValues.State.SUPPRESSED : s;
                    m[i] = p == 0;
                }
                default -> throw new IllegalStateException(measure.toString());
            }
            if (perCapita != null && measure != FlowMeasure.CHANGE_PERCENT && s == FlowValues.State.SHOWN) {
                OptionalDouble pc = perCapita.per1000(i, x);
                if (pc.isEmpty()) {
                    s = FlowValues.State.NOT_PUBLISHED;
                } else {
                    x = pc.getAsDouble();
                }
            }
            v[i] = s == FlowValues.State.SHOWN ? x : 0;
            st[i] = s;
        }
        return new NodeValues(n, v, st, m, measure);
    }

    public FlowNodes nodes() {
        return nodes;
    }

    public double value(int node) {
        return value[node];
    }

    public FlowValues.State state(int node) {
        return state[node];
    }

    public boolean marked(int node) {
        return marked[node];
    }

    public FlowMeasure measure() {
        return measure;
    }

    /** The values shown (state {@link FlowValues.State#SHOWN}), for fitting a scale. */
    public double[] shownValues() {
        int n = 0;
        double[] out = new double[value.length];
        for (int i = 0; i < value.length; i++) {
            if (state[i] == FlowValues.State.SHOWN) {
                out[n++] = value[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The largest absolute value shown. */
    public double maxAbs() {
        double m = 0;
        for (int i = 0; i < value.length; i++) {
            if (state[i] == FlowValues.State.SHOWN) {
                m = Math.max(m, Math.abs(value[i]));
            }
        }
        return m;
    }

    /** Shown values by node code (for a heatmap). */
    public Map<String, Double> shownByCode() {
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < value.length; i++) {
            if (state[i] == FlowValues.State.SHOWN) {
                out.put(nodes.code(i), value[i]);
            }
        }
        return out;
    }

    /** Places without a figure, as heatmap marks: hatched "not published" (or change below k). */
    public Map<String, ChoroplethLayer.Mark> marksByCode() {
        Map<String, ChoroplethLayer.Mark> out = new HashMap<>();
        for (int i = 0; i < value.length; i++) {
            if (state[i] != FlowValues.State.SHOWN) {
                out.put(nodes.code(i), ChoroplethLayer.Mark.SUPPRESSED);
            }
        }
        return out;
    }
}
