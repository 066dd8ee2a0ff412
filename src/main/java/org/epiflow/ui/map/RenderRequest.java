package org.epiflow.ui.map;

import org.epiflow.data.FlowSpec;
import org.epiflow.map.BasemapGeometry;
import org.epiflow.map.ChoroplethLayer;
import org.epiflow.map.FastMapRenderer;
import org.epiflow.map.FlowScale;
import org.epiflow.map.Language;
import org.epiflow.map.MapStyle;
import org.epiflow.map.MapViewport;
import org.epiflow.model.AggregateDataset;

import java.util.Set;

/**
 * Everything one frame depends on, captured on the UI thread and handed to the render thread.
 *
 * @param data        the dataset shown, or null (basemap only)
 * @param spec        the flow query, or null with {@code data}
 * @param basemap     the projected basemap, or null while it loads
 * @param viewport    the screen
 * @param style       light or dark
 * @param language    of labels and legend
 * @param selected    highlighted region codes
 * @param lockedScale the locked flow scale, or null to fit each frame
 * @param quality     full, or interactive during a gesture
 * @param heatmap     the choropleth over the regions, or null
 * @param showFlows   whether flow arcs (and circles) are drawn
 * @param baseline    the comparison with a baseline and per-capita figures, or null
 * @param groups      region groups drawn as one node each (may be empty)
 */
public record RenderRequest(AggregateDataset data, FlowSpec spec, BasemapGeometry basemap, MapViewport viewport,
                            MapStyle style, Language language, Set<String> selected, FlowScale lockedScale,
                            FastMapRenderer.Quality quality, ChoroplethLayer heatmap, boolean showFlows,
                            BaselineRequest baseline, java.util.List<org.epiflow.data.RegionGroup> groups) {
    public RenderRequest {
        groups = groups == null ? java.util.List.of() : java.util.List.copyOf(groups);
    }

    /** Plain flows: no baseline, no groups. */
    public RenderRequest(AggregateDataset data, FlowSpec spec, BasemapGeometry basemap, MapViewport viewport,
                         MapStyle style, Language language, Set<String> selected, FlowScale lockedScale,
                         FastMapRenderer.Quality quality, ChoroplethLayer heatmap, boolean showFlows) {
        this(data, spec, basemap, viewport, style, language, selected, lockedScale, quality, heatmap, showFlows, null,
                java.util.List.of());
    }

    /** Without a heatmap, flows shown. */
    public RenderRequest(AggregateDataset data, FlowSpec spec, BasemapGeometry basemap, MapViewport viewport,
                         MapStyle style, Language language, Set<String> selected, FlowScale lockedScale,
                         FastMapRenderer.Quality quality) {
        this(data, spec, basemap, viewport, style, language, selected, lockedScale, quality, null, true);
    }
}
