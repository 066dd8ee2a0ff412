package org.epiflow.map;

import org.epiflow.data.FlowNodes;
import org.epiflow.data.FlowSet;
import org.epiflow.data.compare.FlowChange;
import org.epiflow.data.compare.FlowDifference;
import org.epiflow.data.compare.PerCapita;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    private record Row(int o, int d, double value, double magnitude, State state, boolean marked) {
    }

    /**
     * The pairs of a difference as {@code measure} (per 1,000 residents of the origin — of the destination with
     * {@code inflows} — when {@code perCapita} is given), filtered, the {@code topN} of largest magnitude (0 = all).
     * The width of a change follows the size of the change; of a figure, the figure.
     */
    public static FlowValues compare(FlowDifference d, FlowMeasure measure, PerCapita perCapita, boolean inflows,
                                     PairFilter keep, int topN) {
        List<Row> rows = new ArrayList<>();
        int k = d.k();
        for (FlowChange c : d.changes()) {
            if (!keep.keep(c.origin(), c.destination())) {
                continue;
            }
            int node = inflows ? c.destination() : c.origin();
            State st;
            double v;
            double mag;
            switch (measure) {
                case TRIPS -> {
                    st = c.periodPublished() ? State.SHOWN : State.NOT_PUBLISHED;
                    v = c.trips();
                    mag = v;
                }
                case BASELINE -> {
                    st = c.baselinePublished() ? State.SHOWN : State.NOT_PUBLISHED;
                    v = c.baselineTrips();
                    mag = v;
                }
                case CHANGE -> {
                    st = c.change().suppressed() ? State.SUPPRESSED : State.SHOWN;
                    v = c.trips() - c.baselineTrips();
                    mag = Math.abs(v);
                }
                case CHANGE_PERCENT -> {
                    OptionalDouble p = c.changePercent();
                    st = !c.baselinePublished() ? State.NOT_PUBLISHED
                            : c.change().suppressed() ? State.SUPPRESSED : State.SHOWN;
                    v = p.orElse(0);
                    mag = Math.abs(c.trips() - c.baselineTrips());
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
            rows.add(new Row(c.origin(), c.destination(), v, mag, st,
                    measure.diverging() && c.includesUnpublished()));
        }
        return build(d.nodes(), rows, measure, perCapita != null, k, topN);
    }

    /** The flows of a set per 1,000 residents (of the origin; of the destination with {@code inflows}). */
    public static FlowValues perCapita(FlowSet s, PerCapita perCapita, boolean inflows) {
        return perCapita(s, perCapita, inflows, 0);
    }

    /** As {@link #perCapita(FlowSet, PerCapita, boolean)}, the {@code topN} largest per-capita flows (0 = all). */
    public static FlowValues perCapita(FlowSet s, PerCapita perCapita, boolean inflows, int topN) {
        List<Row> rows = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            int o = s.origin(i), d = s.destination(i);
            OptionalDouble v = perCapita.per1000(inflows ? d : o, s.volume(i));
            rows.add(v.isPresent() ? new Row(o, d, v.getAsDouble(), v.getAsDouble(), State.SHOWN, false)
                    : new Row(o, d, 0, 0, State.NOT_PUBLISHED, false));
        }
        return build(s.nodes(), rows, FlowMeasure.TRIPS, true, s.k(), topN);
    }

    private static FlowValues build(FlowNodes nodes, List<Row> rows, FlowMeasure measure, boolean perCapita, int k,
                                    int topN) {
        // shown values by magnitude, then the ones without a figure (drawn thinnest), stable by pair
        rows.sort(Comparator.comparingDouble((Row r) -> -r.magnitude).thenComparingInt(r -> r.state.ordinal())
                .thenComparingInt(Row::o).thenComparingInt(Row::d));
        int n = topN <= 0 ? rows.size() : Math.min(topN, rows.size());
        int[] o = new int[n], d = new int[n];
        long[] vol = new long[n];
        double[] v = new double[n];
        State[] st = new State[n];
        boolean[] m = new boolean[n];
        long floor = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            if (r.state == State.SHOWN) {
                floor = Math.min(floor, Math.max(1, Math.round(r.magnitude * UNITS)));
            }
        }
        floor = floor == Long.MAX_VALUE ? 1 : floor;
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            o[i] = r.o;
            d[i] = r.d;
            // an arc without a figure is drawn at the thinnest width of those with one (never as "zero")
            vol[i] = r.state == State.SHOWN ? Math.max(1, Math.round(r.magnitude * UNITS)) : floor;
            v[i] = r.value;
            st[i] = r.state;
            m[i] = r.marked;
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
