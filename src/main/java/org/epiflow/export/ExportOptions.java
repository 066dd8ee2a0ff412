package org.epiflow.export;

import org.epiflow.data.Direction;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.map.FlowScale;
import org.epiflow.map.Language;
import org.epiflow.map.MapStyle;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the user chose in the export dialog (or on the command line). Fluent setters; defaults: PDF, A4 landscape at
 * 300 dpi, Chinese, flows + symbols + labels, top 5,000 flows, light style, no marking.
 */
public final class ExportOptions {
    private ExportFormat format = ExportFormat.PDF;
    private PageSpec page = PageSpec.paper(Paper.A4, true, 300);
    private Language language = Language.ZH;
    private Set<ExportLayer> layers = EnumSet.copyOf(ExportLayer.DEFAULT);
    private String title;
    private String subtitle;
    private String marking = "";
    private int topN = 5000;
    private long minVolume;
    private java.util.List<String> focusRegions = java.util.List.of();
    private Direction direction = Direction.BOTH;
    private boolean provinces;
    private MapExtent extent;
    private ExportHeatmap heatmap;
    private FlowScale flowScale;
    private MapStyle style = MapStyle.light();
    private int frameDelayMillis = 600;
    private TableKind table;
    private ExportBaseline baseline;
    private boolean perCapita;
    private java.util.List<org.epiflow.data.RegionGroup> groups = java.util.List.of();

    /** Which table a CSV/XLSX export holds. */
    public enum TableKind {
        /** The flows of the date (or summed over the period), largest first. */
        FLOWS,
        /** Regions ranked by total trips, with in, out, internal and net. */
        RANKING,
        /** The partners of the focus region (in, out, total, net). */
        PARTNERS
    }

    /** An independent copy (the exporter adapts a copy to the format, never the caller's options). */
    public ExportOptions copy() {
        ExportOptions c = new ExportOptions();
        c.format = format;
        c.page = page;
        c.language = language;
        c.layers = EnumSet.copyOf(layers.isEmpty() ? EnumSet.noneOf(ExportLayer.class) : layers);
        c.title = title;
        c.subtitle = subtitle;
        c.marking = marking;
        c.topN = topN;
        c.minVolume = minVolume;
        c.focusRegions = focusRegions;
        c.direction = direction;
        c.provinces = provinces;
        c.extent = extent;
        c.heatmap = heatmap;
        c.flowScale = flowScale;
        c.style = style;
        c.frameDelayMillis = frameDelayMillis;
        c.table = table;
        c.baseline = baseline;
        c.perCapita = perCapita;
        c.groups = groups;
        return c;
    }

    public ExportFormat format() {
        return format;
    }

    public ExportOptions format(ExportFormat f) {
        this.format = Objects.requireNonNull(f);
        return this;
    }

    public PageSpec page() {
        return page;
    }

    public ExportOptions page(PageSpec p) {
        this.page = Objects.requireNonNull(p);
        return this;
    }

    public Language language() {
        return language;
    }

    public ExportOptions language(Language l) {
        this.language = Objects.requireNonNull(l);
        return this;
    }

    public Set<ExportLayer> layers() {
        return layers.isEmpty() ? EnumSet.noneOf(ExportLayer.class) : EnumSet.copyOf(layers);
    }

    public ExportOptions layers(Set<ExportLayer> l) {
        this.layers = l.isEmpty() ? EnumSet.noneOf(ExportLayer.class) : EnumSet.copyOf(l);
        return this;
    }

    /** The title, or null for the default ("城际出行流向 2020-01-23" / "Inter-city trips, 2020-01-23"). */
    public String title() {
        return title;
    }

    public ExportOptions title(String t) {
        this.title = t;
        return this;
    }

    public String subtitle() {
        return subtitle;
    }

    public ExportOptions subtitle(String s) {
        this.subtitle = s;
        return this;
    }

    /** The handling marking, e.g. "内部资料 仅限疫情防控使用" (empty = none). */
    public String marking() {
        return marking;
    }

    public ExportOptions marking(String m) {
        this.marking = m == null ? "" : m;
        return this;
    }

    public int topN() {
        return topN;
    }

    public ExportOptions topN(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("top N must not be negative");
        }
        this.topN = n;
        return this;
    }

    public long minVolume() {
        return minVolume;
    }

    public ExportOptions minVolume(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("the minimum volume must not be negative");
        }
        this.minVolume = v;
        return this;
    }

    /** The first (with one selected place: the) region code the map focuses on, or null. */
    public String focusRegion() {
        return focusRegions.isEmpty() ? null : focusRegions.get(0);
    }

    /** Focuses on one region (zoom, highlight, its flows only); null or blank: none. */
    public ExportOptions focusRegion(String code) {
        return focusRegions(code == null ? java.util.List.of() : java.util.List.of(code));
    }

    /**
     * Every place the export focuses on (regions, provinces or groups, as selected on the map): highlighted, zoomed
     * to, their flows only — with {@link Direction#BETWEEN}, the flows among them. Empty: none.
     */
    public java.util.List<String> focusRegions() {
        return focusRegions;
    }

    /** Focuses on these places (blank codes dropped, each once, in the order given). */
    public ExportOptions focusRegions(java.util.List<String> codes) {
        java.util.LinkedHashSet<String> kept = new java.util.LinkedHashSet<>();
        for (String c : codes == null ? java.util.List.<String>of() : codes) {
            if (c != null && !c.isBlank()) {
                kept.add(c.trim());
            }
        }
        this.focusRegions = java.util.List.copyOf(kept);
        return this;
    }

    /** Which flows of the focus region are kept (default both directions). */
    public Direction direction() {
        return direction;
    }

    public ExportOptions direction(Direction d) {
        this.direction = Objects.requireNonNull(d);
        return this;
    }

    public boolean provinces() {
        return provinces;
    }

    public ExportOptions provinces(boolean p) {
        this.provinces = p;
        return this;
    }

    /** What part of the map to show, or null (the focus region with its surroundings, else all of China). */
    public MapExtent extent() {
        return extent;
    }

    public ExportOptions extent(MapExtent e) {
        this.extent = e;
        return this;
    }

    /**
     * The heatmap to draw when the heatmap layer is on (the one on screen, or a risk model's), or null: trips per
     * region.
     */
    public ExportHeatmap heatmap() {
        return heatmap;
    }

    public ExportOptions heatmap(ExportHeatmap h) {
        this.heatmap = h;
        return this;
    }

    /** The flow scale to use on every page (the screen's locked scale), or null: fitted to the flows exported. */
    public FlowScale flowScale() {
        return flowScale;
    }

    public ExportOptions flowScale(FlowScale s) {
        this.flowScale = s;
        return this;
    }

    public MapStyle style() {
        return style;
    }

    public ExportOptions style(MapStyle s) {
        this.style = Objects.requireNonNull(s);
        return this;
    }

    /** GIF frame delay in milliseconds. */
    public int frameDelayMillis() {
        return frameDelayMillis;
    }

    public ExportOptions frameDelayMillis(int ms) {
        if (ms < 20 || ms > 60_000) {
            throw new IllegalArgumentException("frame delay must be between 20 ms and 60 s");
        }
        this.frameDelayMillis = ms;
        return this;
    }

    /** The table of a CSV/XLSX export; null = partners with one focus place, else flows. */
    public TableKind table() {
        return table != null ? table : focusRegions.size() == 1 ? TableKind.PARTNERS : TableKind.FLOWS;
    }

    public ExportOptions table(TableKind t) {
        this.table = t;
        return this;
    }

    /** The baseline the dates are compared with, or null. */
    public ExportBaseline baseline() {
        return baseline;
    }

    public ExportOptions baseline(ExportBaseline b) {
        this.baseline = b;
        return this;
    }

    /** Trips per 1,000 residents (of the origin for outflows, of the destination for inflows). */
    public boolean perCapita() {
        return perCapita;
    }

    public ExportOptions perCapita(boolean p) {
        this.perCapita = p;
        return this;
    }

    /** Region groups, each drawn and tabulated as one node named by the group. */
    public java.util.List<org.epiflow.data.RegionGroup> groups() {
        return groups;
    }

    public ExportOptions groups(java.util.List<org.epiflow.data.RegionGroup> g) {
        this.groups = g == null ? java.util.List.of() : java.util.List.copyOf(g);
        return this;
    }

    /** Whether the export needs the comparison model (a baseline, per-capita or groups). */
    public boolean compares() {
        return baseline != null || perCapita || !groups.isEmpty();
    }

    /**
     * Applies a saved view: its extent (the screen's centre and scale, or a lon/lat box), the layers it shows, its
     * filters and roll-up, the selected region, style, language and titles. The view's heatmap and dates are the
     * caller's to resolve (a model run; the dates to export).
     */
    public ExportOptions apply(ViewDefinition v) {
        if (v.extent() != null) {
            ViewDefinition.Extent e = v.extent();
            extent = MapExtent.ofScreen(e.centerX(), e.centerY(), e.metresPerPixel(), e.width(), e.height());
        } else if (v.bbox() != null) {
            ViewDefinition.BBox b = v.bbox();
            extent = MapExtent.lonLat(b.west(), b.south(), b.east(), b.north());
        }
        Set<ExportLayer> l = EnumSet.noneOf(ExportLayer.class);
        for (ExportLayer e : ExportLayer.values()) {
            if (v.shows(e.name().toLowerCase(Locale.ROOT))) {
                l.add(e);
            }
        }
        layers = l;
        ViewDefinition.Filters f = v.filters();
        topN(f.topN());
        minVolume(f.minVolume());
        direction = Direction.valueOf(f.direction());
        // rolled up as the screen was: by hand, or by itself at a scale zoomed out that far with nothing selected
        provinces = v.layers().provinces() || (v.filters().autoProvincesOn() && v.extent() != null
                && org.epiflow.map.MapViewport.autoRolledUp(f.topN(), !v.selectedRegions().isEmpty(),
                v.extent().metresPerPixel()));
        if (!v.selectedRegions().isEmpty()) {
            focusRegions(v.selectedRegions());
        }
        if ("dark".equals(v.style())) {
            style = MapStyle.dark();
        } else if ("light".equals(v.style())) {
            style = MapStyle.light();
        }
        if (v.language() != null) {
            language = v.language().equals("en") ? Language.EN : Language.ZH;
        }
        if (v.title() != null) {
            title = v.title();
        }
        if (v.subtitle() != null) {
            subtitle = v.subtitle();
        }
        return this;
    }
}
