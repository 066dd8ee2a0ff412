package org.epiflow.ui.map;

import org.epiflow.data.Direction;
import org.epiflow.data.FlowQuery;
import org.epiflow.data.compare.Comparison;
import org.epiflow.data.compare.ComparisonException;
import org.epiflow.map.FlowValues;
import org.epiflow.map.MapComparison;
import org.epiflow.map.SymbolMeasure;
import org.epiflow.data.FlowSet;
import org.epiflow.data.FlowSpec;
import org.epiflow.map.FastMapRenderer;
import org.epiflow.map.MapLayer;
import org.epiflow.map.MapScene;
import org.epiflow.model.AggregateDataset;

/**
 * Runs flow queries and draws frames; used by one render task at a time (the view-model never starts a frame before
 * the previous one was shown), so its query buffers and renderer need no locking.
 */
public final class MapRenderWorker implements AutoCloseable {
    private final FastMapRenderer renderer = new FastMapRenderer();
    private FlowQuery query;
    private FlowSpec lastSpec;
    private FlowSet lastFlows;

    private ComparisonKey lastKey;
    private Comparison lastComparison;

    /** What a {@link Comparison} is computed from (one is kept, so panning and zooming reuse it). */
    private record ComparisonKey(AggregateDataset data, org.epiflow.data.DayRange days, AggregateDataset baselineData,
                                 org.epiflow.data.compare.BaselinePeriod baseline,
                                 java.util.List<org.epiflow.data.RegionGroup> groups, boolean provinces,
                                 boolean perCapita) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ComparisonKey k && k.data == data && k.baselineData == baselineData
                    && k.days.equals(days) && java.util.Objects.equals(k.baseline, baseline)
                    && k.groups.equals(groups) && k.provinces == provinces && k.perCapita == perCapita;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(System.identityHashCode(data), days, baseline, groups, provinces, perCapita);
        }
    }

    /** Queries (reusing the last answer when nothing changed) and draws one frame. */
    public RenderedFrame render(RenderRequest r) {
        FlowSet flows = null;
        MapComparison comparison = null;
        if (r.data() != null && r.spec() != null) {
            BaselineRequest base = r.baseline();
            boolean active = base != null && base.active();
            if (!active && r.groups().isEmpty()) {
                flows = flows(r.data(), r.spec());
            } else {
                Comparison c = comparison(r, base, active);
                flows = c.flows(r.spec());
                if (active) {
                    comparison = MapComparison.of(c, base.measure(), filter(c, r.spec()), r.spec().topN(),
                            SymbolMeasure.TOTAL, r.spec().direction() == Direction.INCOMING
                                    && r.spec().selection().length > 0);
                }
            }
        }
        MapScene.Builder b = MapScene.builder(r.basemap(), r.viewport()).style(r.style()).language(r.language())
                .selected(r.selected()).flows(flows).heatmap(r.heatmap());
        if (comparison != null) {
            b.comparison(comparison);
        }
        if (!r.showFlows()) {
            java.util.Set<MapLayer> layers = java.util.EnumSet.allOf(MapLayer.class);
            layers.remove(MapLayer.FLOWS);
            layers.remove(MapLayer.SYMBOLS);
            b.layers(layers);
        }
        if (r.lockedScale() != null) {
            b.scale(r.lockedScale());
        }
        MapScene scene = b.build();
        int[] px = renderer.render(scene, r.quality());
        // the frame's flows are the period's own (totals and spec for tooltips); with a comparison the scene draws
        // its arcs (scene.flows())
        return new RenderedFrame(px, r.viewport().width(), r.viewport().height(), scene, flows);
    }

    private Comparison comparison(RenderRequest r, BaselineRequest base, boolean active) {
        ComparisonKey key = new ComparisonKey(r.data(), r.spec().days(), active ? base.baselineData() : null,
                active ? base.baseline() : null, r.groups(), r.spec().provinces(), active && base.perCapita());
        if (!key.equals(lastKey)) {
            try {
                lastComparison = Comparison.of(key.data(), key.days(), key.baselineData(), key.baseline(),
                        key.groups(), key.provinces(), key.perCapita());
            } catch (ComparisonException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            lastKey = key;
        }
        return lastComparison;
    }

    /** The selection's direction on the comparison's nodes (a group stands for its members). */
    private static FlowValues.PairFilter filter(Comparison c, FlowSpec spec) {
        int[] sel = spec.selection();
        if (sel.length == 0 || spec.direction() == Direction.ALL) {
            return FlowValues.PairFilter.ALL;
        }
        boolean[] on = new boolean[c.nodes().size()];
        for (int reg : sel) {
            on[c.nodes().nodeOfRegion(reg)] = true;
        }
        Direction d = spec.direction();
        return (a, z) -> switch (d) {
            case ALL -> true;
            case INCOMING -> on[z];
            case OUTGOING -> on[a];
            case BOTH -> on[a] || on[z];
            case BETWEEN -> on[a] && on[z];
        };
    }

    private FlowSet flows(AggregateDataset data, FlowSpec spec) {
        if (query == null || query.dataset() != data) {
            query = new FlowQuery(data);
            lastSpec = null;
        }
        if (!spec.equals(lastSpec)) {
            lastFlows = query.run(spec);
            lastSpec = spec;
        }
        return lastFlows;
    }

    @Override
    public void close() {
        renderer.close();
    }
}
