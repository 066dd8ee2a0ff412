package org.epiflow.map;

import org.epiflow.data.FlowSet;
import org.epiflow.data.LocationTotals;
import org.epiflow.map.geo.LevelOfDetail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one map picture shows, independent of how it is drawn: viewport, style, language, visible layers,
 * the flows with their scale, location totals and labels. {@link #paint(MapPainter)} draws it through any backend;
 * {@link FastMapRenderer} draws the same scene into a pixel buffer for the screen. Immutable (derived geometry is
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

    private volatile FlowGeometry flowGeometry;
    private volatile List<LabelPlacer.Placed> labels;
    private volatile TextMetrics labelMetrics;

    private MapScene(Builder b) {
        this.basemap = b.basemap;
        this.viewport = Objects.requireNonNull(b.viewport, "viewport");
        this.style = b.style;
        this.language = b.language;
        this.layers = EnumSet.copyOf(b.layers);
        this.flows = b.flows;
        this.positions = b.flows == null ? null
                : b.positions != null && b.positions.nodes() == b.flows.nodes() ? b.positions
                : NodePositions.resolve(b.flows.nodes(), b.basemap == null ? null : b.basemap.basemap());
        this.scale = b.scale != null ? b.scale
                : b.flows != null ? FlowScale.auto(b.flows, FlowScale.Type.SQRT) : FlowScale.locked(1, 1,
                FlowScale.Type.SQRT);
        this.symbolMeasure = b.symbolMeasure;
        this.symbolMax = b.symbolMax;
        this.selected = Set.copyOf(b.selected);
        this.heatmap = b.heatmap;
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
        return b;
    }

    /** Same scene on another viewport. */
    public MapScene withViewport(MapViewport v) {
        return toBuilder().viewport(v).build();
    }

    /** Same scene with other flows; the scale is refitted unless it is locked. */
    public MapScene withFlows(FlowSet f) {
        return toBuilder().flows(f).scale(scale.update(f)).build();
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
                    : FlowGeometry.build(flows, positions, viewport, style.flow(), scale);
            flowGeometry = g;
        }
        return g;
    }

    /** The legend for this scene's scale, style and language. */
    public Legend legend() {
        long maxTotal = flows == null ? 0 : symbolDomain(flows.totals());
        return Legend.of(scale, style.flow(), maxTotal, style.maxSymbolRadius(), style.symbolFill(),
                flows == null ? 1 : flows.k(), language, flows == null || flows.spec().days().isSingleDay(),
                basemap == null ? null : basemap.basemap().officialSource().orElse(null));
    }

    private long symbolDomain(LocationTotals t) {
        if (symbolMax > 0) {
            return symbolMax;
        }
        long m = 0;
        for (int i = 0; i < t.size(); i++) {
            m = Math.max(m, symbolMeasure.of(t, i));
        }
        return m;
    }

    /**
     * The location-total circles to draw, largest first (so small ones stay visible on top): triples of screen x, y,
     * radius.
     */
    public double[] symbols() {
        if (flows == null || !shows(MapLayer.SYMBOLS)) {
            return new double[0];
        }
        LocationTotals t = flows.totals();
        long max = symbolDomain(t);
        if (max <= 0) {
            return new double[0];
        }
        List<double[]> list = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            long v = symbolMeasure.of(t, i);
            if (v <= 0) {
                continue;
            }
            double r = style.maxSymbolRadius() * Math.sqrt(Math.min(1.0, (double) v / max));
            if (r < 0.75) {
                continue;
            }
            double x = viewport.toScreenX(positions.x(i)), y = viewport.toScreenY(positions.y(i));
            if (x + r < 0 || y + r < 0 || x - r > viewport.width() || y - r > viewport.height()) {
                continue;
            }
            list.add(new double[] {x, y, r});
        }
        list.sort((a, b) -> Double.compare(b[2], a[2]));
        double[] out = new double[list.size() * 3];
        for (int i = 0; i < list.size(); i++) {
            System.arraycopy(list.get(i), 0, out, 3 * i, 3);
        }
        return out;
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

    /** At most this many places (largest totals) are offered as label candidates. */
    public static final int MAX_PLACE_LABELS = 60;

    private long nthLargest(LocationTotals t, int n) {
        long[] v = new long[t.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = symbolMeasure.of(t, i);
        }
        java.util.Arrays.sort(v);
        return v.length <= n ? Long.MIN_VALUE : Math.max(1, v[v.length - n]);
    }

    /** Label candidates: places with the largest totals first, then region names by area. */
    public List<LabelPlacer.Candidate> labelCandidates() {
        List<LabelPlacer.Candidate> out = new ArrayList<>();
        if (flows != null) {
            LocationTotals t = flows.totals();
            long max = Math.max(1, symbolDomain(t));
            long floor = nthLargest(t, MAX_PLACE_LABELS);
            for (int i = 0; i < t.size(); i++) {
                long v = symbolMeasure.of(t, i);
                if (v < floor) {
                    continue;
                }
                if (v <= 0) {
                    continue;
                }
                double x = viewport.toScreenX(positions.x(i)), y = viewport.toScreenY(positions.y(i));
                if (x < 0 || y < 0 || x > viewport.width() || y > viewport.height()) {
                    continue;
                }
                double r = shows(MapLayer.SYMBOLS) ? style.maxSymbolRadius() * Math.sqrt(Math.min(1.0,
                        (double) v / max)) : 2;
                out.add(new LabelPlacer.Candidate(positions.name(i, language), x, y, r, 1e6 + (double) v / max * 1e6,
                        style.placeLabel(), false, positions.nodes().code(i)));
            }
        }
        if (basemap != null) {
            LevelOfDetail lod = levelOfDetail();
            List<BasemapGeometry.Shape> shapes = lod == LevelOfDetail.NATIONAL ? basemap.provinces(lod)
                    : basemap.prefectures(lod);
            double mpp2 = viewport.metresPerPixel() * viewport.metresPerPixel();
            for (BasemapGeometry.Shape s : shapes) {
                double x = viewport.toScreenX(s.labelX()), y = viewport.toScreenY(s.labelY());
                double px = s.area() / mpp2;
                if (px < 2500 || x < 0 || y < 0 || x > viewport.width() || y > viewport.height()) {
                    continue;
                }
                out.add(new LabelPlacer.Candidate(language.pick(s.nameZh(), s.nameEn(), s.code()), x, y, 0,
                        Math.min(1e6 - 1, px / 1000), style.regionLabel(), true, s.code()));
            }
        }
        return out;
    }

    /** Draws the whole scene through a backend, back to front. */
    public void paint(MapPainter p) {
        p.begin(viewport.width(), viewport.height(), style.background());
        paintBasemap(p);
        paintFlows(p);
        paintSymbols(p);
        paintLabels(p, p instanceof TextMetrics m ? m : TextMetrics.ESTIMATE);
        p.end();
    }

    /** Background, countries, prefectures, province borders. */
    public void paintBasemap(MapPainter p) {
        MapPath path = new MapPath();
        p.beginLayer("background");
        p.fill(path.reset().moveTo(0, 0).lineTo(viewport.width(), 0).lineTo(viewport.width(), viewport.height())
                .lineTo(0, viewport.height()).close(), style.background());
        p.endLayer();
        if (basemap == null) {
            return;
        }
        double step = 0.7;
        LevelOfDetail lod = levelOfDetail();
        if (shows(MapLayer.COUNTRIES)) {
            p.beginLayer("countries");
            path.reset();
            for (BasemapGeometry.Shape s : basemap.countries()) {
                BasemapGeometry.toPath(s, viewport, step, path);
            }
            if (!path.isEmpty()) {
                p.fill(path, style.countryFill());
                p.stroke(path, style.countryBorder(), 0.6);
            }
            p.endLayer();
        }
        if (shows(MapLayer.PREFECTURES)) {
            p.beginLayer("prefectures");
            path.reset();
            MapPath sel = new MapPath();
            for (BasemapGeometry.Shape s : basemap.prefectures(lod)) {
                BasemapGeometry.toPath(s, viewport, step, selected.contains(s.code()) ? sel : path);
            }
            if (!path.isEmpty()) {
                p.fill(path, style.landFill());
            }
            if (!sel.isEmpty()) {
                p.fill(sel, style.selectedFill());
            }
            path.reset();
            for (BasemapGeometry.Shape s : basemap.prefectures(lod)) {
                BasemapGeometry.toPath(s, viewport, step, path);
            }
            if (!path.isEmpty()) {
                p.stroke(path, style.prefectureBorder(), style.prefectureBorderWidth());
            }
            p.endLayer();
        }
        if (heatmap != null) {
            heatmap.paint(this, p);
            if (!selected.isEmpty()) {
                p.beginLayer("heatmap-selection");
                path.reset();
                for (List<BasemapGeometry.Shape> shapes : List.of(basemap.prefectures(lod), basemap.provinces(lod))) {
                    for (BasemapGeometry.Shape s : shapes) {
                        if (selected.contains(s.code())) {
                            BasemapGeometry.toPath(s, viewport, step, path);
                        }
                    }
                }
                if (!path.isEmpty()) {
                    p.stroke(path, style.selectedFill() | 0xFF000000, 3);
                    p.stroke(path, 0xFF202020, 1);
                }
                p.endLayer();
            }
        }
        if (shows(MapLayer.PROVINCES)) {
            p.beginLayer("provinces");
            path.reset();
            for (BasemapGeometry.Shape s : basemap.provinces(lod)) {
                BasemapGeometry.toPath(s, viewport, step, path);
            }
            if (!path.isEmpty()) {
                if (!shows(MapLayer.PREFECTURES)) {
                    p.fill(path, style.landFill());
                }
                p.stroke(path, style.provinceBorder(), style.provinceBorderWidth());
            }
            p.endLayer();
        }
    }

    /** The flow arcs: filled tapered outlines, hairlines as 1-pixel strokes with alpha × width. */
    public void paintFlows(MapPainter p) {
        FlowGeometry g = flowGeometry();
        if (g.arcCount() == 0) {
            return;
        }
        p.beginLayer("flows");
        MapPath path = new MapPath();
        for (int a = 0; a < g.arcCount(); a++) {
            if (g.isHairline(a)) {
                double w = 2 * g.halfWidth(g.start(a));
                p.stroke(g.centerLine(a, path), Argb.withAlpha(g.color(a), w), 1.0);
            } else {
                p.fill(g.outline(a, path), g.color(a));
            }
        }
        p.endLayer();
    }

    public void paintSymbols(MapPainter p) {
        double[] s = symbols();
        if (s.length == 0) {
            return;
        }
        p.beginLayer("symbols");
        for (int i = 0; i < s.length; i += 3) {
            p.fillCircle(s[i], s[i + 1], s[i + 2], style.symbolFill());
            p.strokeCircle(s[i], s[i + 1], s[i + 2], style.symbolOutline(), 1);
        }
        p.endLayer();
    }

    public void paintLabels(MapPainter p, TextMetrics metrics) {
        List<LabelPlacer.Placed> l = labels(metrics);
        if (l.isEmpty()) {
            return;
        }
        p.beginLayer("labels");
        for (LabelPlacer.Placed x : l) {
            p.text(x.text(), x.x(), x.baseline(), x.style());
        }
        p.endLayer();
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

        public MapScene build() {
            return new MapScene(this);
        }
    }
}
