package org.epiflow.map;

import org.epiflow.data.FlowSet;
import org.epiflow.data.LocationTotals;
import org.epiflow.map.geo.LevelOfDetail;
import org.epiflow.map.layer.LabelLayer;
import org.epiflow.map.layer.SceneLayer;
import org.epiflow.map.layer.SceneLayers;
import org.epiflow.map.layer.SymbolLayer;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one map picture shows, independent of how it is drawn: viewport, style, language, visible layers,
 * the flows with their scale, location totals and labels, the heatmap and the selection. {@link #paint(MapPainter)}
 * has its {@link SceneLayer}s (in the order of {@link SceneLayers#standard()}) draw it through any backend;
 * {@link FastMapRenderer} draws the same layers into a pixel buffer for the screen. Immutable (derived geometry is
 * computed lazily and cached); change it with the {@code with…} methods, which keep what they can (node positions,
 * basemap geometry).
 */
public final class MapScene {
    private final BasemapGeometry basemap;
    private final MapViewport viewport;
    private final MapStyle style;
    private final Language language;
    private final Set<MapLayer> layers;
    private final FlowSet flows;
    private final NodePositions positions;
    private final FlowScale scale;
    private final SymbolMeasure symbolMeasure;
    private final long symbolMax;
    private final Set<String> selected;
    private final ChoroplethLayer heatmap;
    private final MapComparison comparison;

    private final List<SceneLayer> sceneLayers;

    private volatile FlowGeometry flowGeometry;
    private volatile double[] symbols;
    private volatile long autoSymbolMax = -1;
    private volatile List<LabelPlacer.Placed> labels;
    private volatile TextMetrics labelMetrics;

    private MapScene(Builder b) {
        this.basemap = b.basemap;
        this.viewport = Objects.requireNonNull(b.viewport, "viewport");
        this.style = b.style;
        this.language = b.language;
        this.layers = EnumSet.copyOf(b.layers);
        this.comparison = b.comparison;
        if (b.comparison != null) {
            b.flows = b.comparison.flows().arcs();
        }
        this.flows = b.flows;
        this.positions = b.flows == null ? null
                : b.positions != null && b.positions.nodes() == b.flows.nodes() ? b.positions
                : NodePositions.resolve(b.flows.nodes(), b.basemap == null ? null : b.basemap.basemap());
        // an unlocked scale fits the flows on this screen; a locked one is kept as it is
        FlowScale.Type type = b.scale != null ? b.scale.type() : FlowScale.Type.SQRT;
        this.scale = b.scale != null && b.scale.isLocked() ? b.scale : b.flows != null
                ? FlowScale.inView(b.flows, positions, viewport, type) : FlowScale.locked(1, 1, type);
        this.symbolMeasure = b.symbolMeasure;
        this.symbolMax = b.symbolMax;
        this.selected = Set.copyOf(b.selected);
        this.heatmap = b.heatmap;
        this.sceneLayers = List.copyOf(b.sceneLayers);
    }

    public static Builder builder(BasemapGeometry basemap, MapViewport viewport) {
        return new Builder(basemap, viewport);
    }

    public Builder toBuilder() {
        Builder b = new Builder(basemap, viewport);
        b.style = style;
        b.language = language;
        b.layers = EnumSet.copyOf(layers);
        b.flows = flows;
        b.positions = positions;
        b.scale = scale;
        b.symbolMeasure = symbolMeasure;
        b.symbolMax = symbolMax;
        b.selected = selected;
        b.heatmap = heatmap;
        b.comparison = comparison;
        b.sceneLayers = sceneLayers;
        return b;
    }

    /** Same scene on another viewport. */
    public MapScene withViewport(MapViewport v) {
        return toBuilder().viewport(v).build();
    }

    /** Same scene with other flows (and no comparison); the scale is refitted unless it is locked. */
    public MapScene withFlows(FlowSet f) {
        return toBuilder().comparison(null).flows(f).scale(scale.update(f)).build();
    }

    /** Same scene showing another comparison (a time-slider step); the scale is refitted unless it is locked. */
    public MapScene withComparison(MapComparison c) {
        return toBuilder().comparison(c).scale(c == null ? scale : scale.update(c.flows().arcs())).build();
    }

    /**
     * The comparison or per-capita view shown, or null. When set, {@link #flows()} are its arcs
     * ({@link FlowValues#arcs()}): their volumes size the arcs; what an arc shows is {@link FlowValues#value}.
     */
    public MapComparison comparison() {
        return comparison;
    }

    public BasemapGeometry basemap() {
        return basemap;
    }

    public MapViewport viewport() {
        return viewport;
    }

    public MapStyle style() {
        return style;
    }

    public Language language() {
        return language;
    }

    public Set<MapLayer> layers() {
        return EnumSet.copyOf(layers);
    }

    public boolean shows(MapLayer l) {
        return layers.contains(l);
    }

    /** The flows shown, or null. */
    public FlowSet flows() {
        return flows;
    }

    public NodePositions positions() {
        return positions;
    }

    public FlowScale scale() {
        return scale;
    }

    public Set<String> selected() {
        return selected;
    }

    /** The choropleth painted over the prefectures (part of the cached basemap), or null. */
    public ChoroplethLayer heatmap() {
        return heatmap;
    }

    /** The level of detail of the basemap polygons at this scale. */
    public LevelOfDetail levelOfDetail() {
        return viewport.levelOfDetail();
    }

    /** The screen geometry of the flows (culled, level of detail applied), computed once. */
    public FlowGeometry flowGeometry() {
        FlowGeometry g = flowGeometry;
        if (g == null) {
            g = flows == null || !shows(MapLayer.FLOWS) ? FlowGeometry.empty(viewport.width(), viewport.height())
                    : comparison == null ? FlowGeometry.build(flows, positions, viewport, flowStyle(), scale)
                    : FlowGeometry.build(flows, positions, viewport, flowStyle(), scale,
                    (i, c) -> comparison.arcColor(i, c, style));
            flowGeometry = g;
        }
        return g;
    }

    /**
     * The flow style drawn: the style's, with thinner smallest flows when many are shown
     * ({@link FlowStyle#forCount}), so every flow of a day stays a readable picture rather than a tangle.
     */
    public FlowStyle flowStyle() {
        return style.flow().forCount(flows == null ? 0 : flows.size());
    }

    /** The legend for this scene's scale, style and language. */
    public Legend legend() {
        if (comparison != null) {
            return comparison.legend(this);
        }
        long maxTotal = flows == null ? 0 : symbolMax();
        return Legend.of(scale, flowStyle(), maxTotal, style.maxSymbolRadius(), style.symbolFill(),
                flows == null ? 1 : flows.k(), language, flows == null || flows.spec().days().isSingleDay(),
                basemap == null ? null : basemap.basemap().officialSource().orElse(null));
    }

    /** Which location total sizes the circles. */
    public SymbolMeasure symbolMeasure() {
        return symbolMeasure;
    }

    /** The total drawn with the largest circle: as set on the builder, else the largest total shown (0: none). */
    public long symbolMax() {
        if (symbolMax > 0) {
            return symbolMax;
        }
        long m = autoSymbolMax;
        if (m < 0) {
            m = 0;
            if (flows != null) {
                LocationTotals t = flows.totals();
                for (int i = 0; i < t.size(); i++) {
                    m = Math.max(m, symbolMeasure.of(t, i));
                }
            }
            autoSymbolMax = m;
        }
        return m;
    }

    /**
     * The location-total circles to draw, largest first (so small ones stay visible on top): triples of screen x, y,
     * radius. Computed once.
     */
    public double[] symbols() {
        double[] s = symbols;
        if (s == null) {
            s = SymbolLayer.compute(this);
            symbols = s;
        }
        return s.clone();
    }

    /** Labels placed for this scene with the given metrics (cached for the last metrics used). */
    public List<LabelPlacer.Placed> labels(TextMetrics metrics) {
        List<LabelPlacer.Placed> l = labels;
        if (l == null || labelMetrics != metrics) {
            l = shows(MapLayer.LABELS) ? LabelPlacer.place(labelCandidates(), metrics, viewport.width(),
                    viewport.height()) : List.of();
            labels = l;
            labelMetrics = metrics;
        }
        return l;
    }

    /** Label candidates: places with the largest totals first, then region names by area. */
    public List<LabelPlacer.Candidate> labelCandidates() {
        return LabelLayer.candidates(this);
    }

    /** The layers this scene draws, back to front (whether each shows anything: {@link SceneLayer#shows}). */
    public List<SceneLayer> sceneLayers() {
        return sceneLayers;
    }

    /** Draws the whole scene through a backend: {@code begin}, every layer back to front, {@code end}. */
    public void paint(MapPainter p) {
        p.begin(viewport.width(), viewport.height(), style.background());
        paintLayers(p);
        p.end();
    }

    /** Draws every layer that shows something, back to front, without {@code begin} / {@code end} (e.g. in a frame). */
    public void paintLayers(MapPainter p) {
        for (SceneLayer l : sceneLayers) {
            if (l.shows(this)) {
                l.paint(this, p);
            }
        }
    }

    /** What the cached basemap image depends on (viewport, style, layers, selection). */
    Object basemapKey() {
        return List.of(viewport, style, EnumSet.copyOf(layers), selected, basemap == null ? "" : basemap,
                heatmap == null ? "" : heatmap);
    }

    /** Builds scenes. */
    public static final class Builder {
        private final BasemapGeometry basemap;
        private MapViewport viewport;
        private MapStyle style = MapStyle.light();
        private Language language = Language.ZH;
        private Set<MapLayer> layers = EnumSet.allOf(MapLayer.class);
        private FlowSet flows;
        private NodePositions positions;
        private FlowScale scale;
        private SymbolMeasure symbolMeasure = SymbolMeasure.TOTAL;
        private long symbolMax;
        private Set<String> selected = Set.of();
        private ChoroplethLayer heatmap;
        private MapComparison comparison;
        private List<SceneLayer> sceneLayers = SceneLayers.standard();

        private Builder(BasemapGeometry basemap, MapViewport viewport) {
            this.basemap = basemap;
            this.viewport = viewport;
        }

        public Builder viewport(MapViewport v) {
            this.viewport = v;
            return this;
        }

        public Builder style(MapStyle s) {
            this.style = s;
            return this;
        }

        public Builder language(Language l) {
            this.language = l;
            return this;
        }

        public Builder layers(Set<MapLayer> l) {
            this.layers = l.isEmpty() ? EnumSet.noneOf(MapLayer.class) : EnumSet.copyOf(l);
            return this;
        }

        public Builder flows(FlowSet f) {
            this.flows = f;
            return this;
        }

        /** Node positions to reuse (ignored unless they belong to the flows' nodes). */
        public Builder positions(NodePositions p) {
            this.positions = p;
            return this;
        }

        /** The flow scale; default: auto (square root) from the flows. */
        public Builder scale(FlowScale s) {
            this.scale = s;
            return this;
        }

        /** Which total sizes the circles, and the total of the largest circle (0 = auto). */
        public Builder symbols(SymbolMeasure m, long max) {
            this.symbolMeasure = m;
            this.symbolMax = max;
            return this;
        }

        /** Region codes highlighted on the basemap. */
        public Builder selected(Set<String> codes) {
            this.selected = codes;
            return this;
        }

        /** A choropleth drawn over the prefectures, below province borders and flows; null for none. */
        public Builder heatmap(ChoroplethLayer h) {
            this.heatmap = h;
            return this;
        }

        /**
         * A comparison (period against baseline) or per-capita view: its arcs replace {@link #flows}; arcs, circles
         * and the legend show its measure. Null for plain trips.
         */
        public Builder comparison(MapComparison c) {
            this.comparison = c;
            return this;
        }

        /** The layers drawn, back to front (default: {@link SceneLayers#standard()}). */
        public Builder sceneLayers(List<SceneLayer> l) {
            this.sceneLayers = List.copyOf(l);
            return this;
        }

        public MapScene build() {
            return new MapScene(this);
        }
    }
}
