package org.epiflow.ui.map;

import org.epiflow.data.FlowQuery;
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

    /** Queries (reusing the last answer when nothing changed) and draws one frame. */
    public RenderedFrame render(RenderRequest r) {
        FlowSet flows = null;
        if (r.data() != null && r.spec() != null) {
            flows = flows(r.data(), r.spec());
        }
        MapScene.Builder b = MapScene.builder(r.basemap(), r.viewport()).style(r.style()).language(r.language())
                .selected(r.selected()).flows(flows).heatmap(r.heatmap());
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
        return new RenderedFrame(px, r.viewport().width(), r.viewport().height(), scene, flows);
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
