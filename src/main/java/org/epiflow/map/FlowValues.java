package org.epiflow.map;

import org.epiflow.data.FlowNodes;
import org.epiflow.data.FlowSet;
import org.epiflow.data.compare.FlowDifference;
import org.epiflow.data.compare.PerCapita;

import java.util.OptionalDouble;

/**
 * What each arc of a comparison or per-capita map shows: a signed value (trips, baseline trips, change, change in
 * percent — per 1,000 residents when asked), whether it may be shown ({@link State}), and whether its inputs
 * include an unpublished cell ({@link #marked}: drawn dashed, said in the legend). {@link #arcs()} is the flow set
 * the scene draws — the same origin–destination pairs, largest magnitude first, whose "volume" is the magnitude that
 * sets the arc's width, in units of 1/{@value #UNITS} (so per-capita fractions keep their precision); use
 * {@link #value(int)} for what a tooltip or table says, never {@code arcs().volume(i)}. Immutable.
 */
public final class FlowValues {
    /** Magnitudes are stored in units of 1/UNITS in {@link #arcs()}. */
    public static final int UNITS = 1000;

    /** Whether a figure may be shown. */
    public enum State {
        /** The value is published (a sum of published cells, or a change of at least k). */
        SHOWN,
        /** A side the measure needs has no published cell (all below k): "not published", never 0. */
        NOT_PUBLISHED,
        /** A change smaller than k, which the k rule does not let us show ("< k"). */
        SUPPRESSED
    }

    private final FlowSet arcs;
    private final double[] value;
    private final State[] state;
    private final boolean[] marked;
    private final FlowMeasure measure;
    private final boolean perCapita;
    private final int k;

    private FlowValues(FlowSet arcs, double[] value, State[] state, boolean[] marked, FlowMeasure measure,
                       boolean perCapita, int k) {
        this.arcs = arcs;
        this.value = value;
        this.state = state;
        this.marked = marked;
        this.measure = measure;
        this.perCapita = perCapita;
        this.k = k;
    }

    /** Which pairs to keep (the selection's direction, "between" the selected places, …). */
    @FunctionalInterface
    public interface PairFilter {
        PairFilter ALL = (o, d) -> true;

        boolean keep(int origin, int destination);
    }

    /** Rows before ordering: primitive columns (a map step goes over tens of thousands of pairs). */
    private static final class Rows {
        int n;
        int[] o, d;
        double[] value, magnitude;
        State[] state;
        boolean[] marked;

        Rows(int cap) {
            o = new int[cap];
            d = new int[cap];
            value = new double[cap];
            magnitude = new double[cap];
            state = new State[cap];
            marked = new boolean[cap];
        }

        void add(int origin, int destination, double v, double mag, State st, boolean mark) {
            o[n] = origin;
            d[n] = destination;
            value[n] = v;
            magnitude[n] = mag;
            state[n] = st;
            marked[n++] = mark;
        }

        /** Row a before row b: larger magnitude, then shown before not shown, then by pair. */
        int compare(int a, int b) {
            int c = Double.compare(magnitude[b], magnitude[a]);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(state[a].ordinal(), state[b].ordinal());
            if (c != 0) {
                return c;
            }
            c = Integer.compare(o[a], o[b]);
            return c != 0 ? c : Integer.compare(d[a], d[b]);
        }

        /** The {@code k}-th smallest of {@code a} (0-based; reorders {@code a}): quickselect, linear on average. */
        static double select(double[] a, int k) {
            int lo = 0, hi = a.length - 1;
            java.util.concurrent.ThreadLocalRandom rnd = java.util.concurrent.ThreadLocalRandom.current();
            while (lo < hi) {
                double pivot = a[lo + rnd.nextInt(hi - lo + 1)];
                int i = lo, j = hi;
                while (i <= j) {
                    while (a[i] < pivot) {
                        i++;
                    }
                    while (a[j] > pivot) {
                        j--;
                    }
                    if (i <= j) {
                        double t = a[i];
                        a[i++] = a[j];
                        a[j--] = t;
                    }
                }
                if (k <= j) {
                    hi = j;
                } else if (k >= i) {
                    lo = i;
                } else {
                    return a[k];
                }
            }
            return a[k];
        }

        /**
         * The first {@code topN} rows in order (0 = all): the rows at or above the topN-th largest magnitude are
         * picked first, so only those are sorted.
         */
        int[] ordered(int topN) {
            int keep = topN <= 0 ? n : Math.min(topN, n);
            int candidates = n;
            Integer[] idx;
            if (keep < n) {
                double threshold = select(java.util.Arrays.copyOf(magnitude, n), n - keep);
                candidates = 0;
                for (int i = 0; i < n; i++) {
                    if (magnitude[i] >= threshold) {
                        candidates++;
                    }
                }
                idx = new Integer[candidates];
                int j = 0;
                for (int i = 0; i < n; i++) {
                    if (magnitude[i] >= threshold) {
                        idx[j++] = i;
                    }
                }
            } else {
                idx = new Integer[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = i;
                }
            }
            java.util.Arrays.sort(idx, this::compare);
            int[] out = new int[keep];
            for (int i = 0; i < keep; i++) {
                out[i] = idx[i];
            }
            return out;
        }
    }

    /**
     * The pairs of a difference as {@code measure} (per 1,000 residents of the origin — of the destination with
     * {@code inflows} — when {@code perCapita} is given), filtered, the {@code topN} of largest magnitude (0 = all).
     * The width of a change follows the size of the change; of a figure, the figure.
     */
    public static FlowValues compare(FlowDifference d, FlowMeasure measure, PerCapita perCapita, boolean inflows,
                                     PairFilter keep, int topN) {
        Rows rows = new Rows(d.size());
        int k = d.k();
        for (int i = 0; i < d.size(); i++) {
            int o = d.origin(i), z = d.destination(i);
            if (!keep.keep(o, z)) {
                continue;
            }
            int node = inflows ? z : o;
            long change = d.trips(i) - d.baselineTrips(i);
            State st;
            double v;
            double mag;
            switch (measure) {
                case TRIPS -> {
                    st = d.periodPublished(i) ? State.SHOWN : State.NOT_PUBLISHED;
                    v = d.trips(i);
                    mag = v;
                }
                case BASELINE -> {
                    st = d.baselinePublished(i) ? State.SHOWN : State.NOT_PUBLISHED;
                    v = d.baselineTrips(i);
                    mag = v;
                }
                case CHANGE -> {
                    st = d.changeSuppressed(i) ? State.SUPPRESSED : State.SHOWN;
                    v = change;
                    mag = Math.abs(v);
                }
                case CHANGE_PERCENT -> {
                    // as FlowChange.changePercent: no figure without a published, non-zero baseline
                    st = !d.baselinePublished(i) || d.baselineTrips(i) == 0 ? State.NOT_PUBLISHED
                            : d.changeSuppressed(i) ? State.SUPPRESSED : State.SHOWN;
                    v = st == State.SHOWN ? 100.0 * change / d.baselineTrips(i) : 0;
                    mag = Math.abs(change);
                }
                default -> throw new IllegalStateException(measure.toString());
            }
            if (perCapita != null && measure != FlowMeasure.CHANGE_PERCENT) {
                OptionalDouble pc = perCapita.per1000(node, v);
                if (pc.isEmpty()) {
                    st = State.NOT_PUBLISHED;
                    v = 0;
                } else {
                    v = pc.getAsDouble();
                }
                mag = Math.abs(v);
            }
            if (st != State.SHOWN) {
                v = 0;
                mag = 0;
            }
            rows.add(o, z, v, mag, st, measure.diverging() && d.includesUnpublished(i));
        }
        return build(d.nodes(), rows, measure, perCapita != null, k, topN);
    }

    /** The flows of a set per 1,000 residents (of the origin; of the destination with {@code inflows}). */
    public static FlowValues perCapita(FlowSet s, PerCapita perCapita, boolean inflows) {
        return perCapita(s, perCapita, inflows, 0);
    }

    /** As {@link #perCapita(FlowSet, PerCapita, boolean)}, the {@code topN} largest per-capita flows (0 = all). */
    public static FlowValues perCapita(FlowSet s, PerCapita perCapita, boolean inflows, int topN) {
        Rows rows = new Rows(s.size());
        for (int i = 0; i < s.size(); i++) {
            int o = s.origin(i), d = s.destination(i);
            OptionalDouble v = perCapita.per1000(inflows ? d : o, s.volume(i));
            if (v.isPresent()) {
                rows.add(o, d, v.getAsDouble(), v.getAsDouble(), State.SHOWN, false);
            } else {
                rows.add(o, d, 0, 0, State.NOT_PUBLISHED, false);
            }
        }
        return build(s.nodes(), rows, FlowMeasure.TRIPS, true, s.k(), topN);
    }

    private static FlowValues build(FlowNodes nodes, Rows rows, FlowMeasure measure, boolean perCapita, int k,
                                    int topN) {
        // shown values by magnitude, then the ones without a figure (drawn thinnest), stable by pair
        int[] order = rows.ordered(topN);
        int n = order.length;
        int[] o = new int[n], d = new int[n];
        long[] vol = new long[n];
        double[] v = new double[n];
        State[] st = new State[n];
        boolean[] m = new boolean[n];
        long floor = Long.MAX_VALUE;
        for (int r : order) {
            if (rows.state[r] == State.SHOWN) {
                floor = Math.min(floor, Math.max(1, Math.round(rows.magnitude[r] * UNITS)));
            }
        }
        floor = floor == Long.MAX_VALUE ? 1 : floor;
        for (int i = 0; i < n; i++) {
            int r = order[i];
            o[i] = rows.o[r];
            d[i] = rows.d[r];
            // an arc without a figure is drawn at the thinnest width of those with one (never as "zero")
            vol[i] = rows.state[r] == State.SHOWN ? Math.max(1, Math.round(rows.magnitude[r] * UNITS)) : floor;
            v[i] = rows.value[r];
            st[i] = rows.state[r];
            m[i] = rows.marked[r];
        }
        // keep the flow set sorted by volume (the floor may tie with the smallest shown)
        return new FlowValues(FlowSet.of(nodes, o, d, vol, k), v, st, m, measure, perCapita, k);
    }

    /** The arcs to draw: pairs in order of magnitude, "volume" = magnitude × {@value #UNITS}. */
    public FlowSet arcs() {
        return arcs;
    }

    public int size() {
        return value.length;
    }

    /** The value shown for arc {@code i} (meaningless unless {@link #state} is {@link State#SHOWN}). */
    public double value(int i) {
        return value[i];
    }

    public State state(int i) {
        return state[i];
    }

    /** Whether the change of arc {@code i} was computed from inputs that include an unpublished cell. */
    public boolean marked(int i) {
        return marked[i];
    }

    /** Whether any arc is marked. */
    public boolean anyMarked() {
        for (boolean b : marked) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /** Whether any arc has the state. */
    public boolean any(State s) {
        for (State x : state) {
            if (x == s) {
                return true;
            }
        }
        return false;
    }

    public FlowMeasure measure() {
        return measure;
    }

    public boolean perCapita() {
        return perCapita;
    }

    public int k() {
        return k;
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

    /** The largest absolute value shown (for a locked symmetric scale). */
    public double maxAbs() {
        double m = 0;
        for (int i = 0; i < value.length; i++) {
            if (state[i] == State.SHOWN) {
                m = Math.max(m, Math.abs(value[i]));
            }
        }
        return m;
    }
}
