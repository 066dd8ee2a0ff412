package org.epiflow.ui.map;

import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.epiflow.data.DayRange;
import org.epiflow.data.FlowSet;
import org.epiflow.data.FlowSpec;
import org.epiflow.map.BasemapGeometry;
import org.epiflow.map.FastMapRenderer.Quality;
import org.epiflow.map.Language;
import org.epiflow.map.Legend;
import org.epiflow.map.MapHitTester;
import org.epiflow.map.MapStyle;
import org.epiflow.map.MapViewport;
import org.epiflow.model.AggregateDataset;
import org.epiflow.text.Typography;
import org.epiflow.ui.i18n.Figures;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.Theme;
import org.epiflow.ui.util.TaskCallbacks;
import org.epiflow.ui.util.TaskExecutor;

import java.util.Set;

/**
 * State of the map: dataset, days, filters, selection, viewport, theme; draws frames in the background, at most one
 * at a time (changes made meanwhile are folded into the next frame), and answers hover and click.
 */
public final class MapViewModel {
    private final Messages messages;
    private final TaskExecutor executor;
    private final MapRenderWorker worker;
    private final FlowFilters filters = new FlowFilters();
    private final RegionSelection selection;
    private final ObjectProperty<AggregateDataset> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<DayRange> days = new SimpleObjectProperty<>();
    private final ObjectProperty<BasemapGeometry> basemap = new SimpleObjectProperty<>();
    private final ObjectProperty<MapViewport> viewport = new SimpleObjectProperty<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ReadOnlyObjectWrapper<RenderedFrame> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Legend> legend = new ReadOnlyObjectWrapper<>();
    private final org.epiflow.ui.i18n.LocalText summary;
    private final StringProperty hovered = new SimpleStringProperty("");
    private final StringProperty hoverText = new SimpleStringProperty("");
    private final ObjectProperty<java.util.function.Function<String, String>> hoverDetail =
            new SimpleObjectProperty<>();
    private final BooleanProperty rendering = new SimpleBooleanProperty();
    private final ObjectProperty<org.epiflow.map.ChoroplethLayer> heatmap = new SimpleObjectProperty<>();
    private final BooleanProperty flowsVisible = new SimpleBooleanProperty(true);
    private org.epiflow.map.FlowScale lockedScale;
    private final ObjectProperty<org.epiflow.map.FlowScale> sharedScale = new SimpleObjectProperty<>();
    private final ObjectProperty<BaselineRequest> baseline = new SimpleObjectProperty<>();
    private java.util.function.Consumer<Quality> onViewChanged = q -> { };
    private boolean inFlight;
    private Quality pending;
    private boolean zoomToSelectionPending;
    private double hoverX = Double.NaN;
    private double hoverY = Double.NaN;

    public MapViewModel(Messages messages, TaskExecutor executor, MapRenderWorker worker, RegionSelection selection) {
        this.messages = messages;
        this.summary = messages.text();
        this.executor = executor;
        this.worker = worker;
        this.selection = selection;
        InvalidationListener redraw = o -> requestRender(Quality.FULL);
        for (var dep : filters.dependencies()) {
            dep.addListener(redraw);
        }
        dataset.addListener((o, a, b) -> {
            lockedScale = null;
            filters.lockScaleProperty().set(false);
            requestRender(Quality.FULL);
        });
        filters.lockScaleProperty().addListener((o, a, on) -> {
            RenderedFrame f = frame.get();
            lockedScale = on && f != null ? f.scene().scale().lock() : null;
        });
        // rolling up keeps the selection, as its province; rolling back keeps the province
        filters.provincesProperty().addListener((o, a, on) -> {
            if (on && !selection.isEmpty()) {
                selection.selectAll(selection.codes().stream().map(selection::provinceOf).toList());
            }
        });
        basemap.addListener((o, a, b) -> selection.basemapProperty().set(b == null ? null : b.basemap()));
        days.addListener(redraw);
        basemap.addListener(redraw);
        theme.addListener(redraw);
        selection.codesProperty().addListener(redraw);
        selection.codesProperty().addListener((o, a, b) -> {
            if (b == null || b.isEmpty()) {
                zoomToSelectionPending = false;
            }
        });
        heatmap.addListener(redraw);
        flowsVisible.addListener(redraw);
        sharedScale.addListener(redraw);
        baseline.addListener(redraw);
        selection.groupsProperty().addListener(redraw);
        // names, legend and summary in the new language
        messages.localeProperty().addListener(o -> {
            hovered.set("");
            hoverText.set("");
            requestRender(Quality.FULL);
        });
    }

    /**
     * Sets the screen size. The first size shows all of China, and so does every later one while the view is still
     * the whole-China fit (the window and its side columns settle their sizes after the first layout: without this
     * the east coast, where most flows are, started cut off). Once the user pans, zooms or opens a view, a new size
     * keeps the centre and the scale.
     */
    public void resize(int width, int height) {
        if (width < 2 || height < 2) {
            return;
        }
        MapViewport v = viewport.get();
        if (v == null || v == wholeChina) {
            wholeChina = MapViewport.china(width, height);
            viewport.set(wholeChina);
        } else {
            viewport.set(v.withSize(width, height));
        }
        requestRender(Quality.FULL);
    }

    /** The viewport of the last whole-China fit (while it is the one shown, a resize fits again). */
    private MapViewport wholeChina;

    public void pan(double dx, double dy) {
        MapViewport v = viewport.get();
        if (v != null) {
            viewport.set(v.pan(dx, dy));
            requestRender(Quality.INTERACTIVE);
            onViewChanged.accept(Quality.INTERACTIVE);
        }
    }

    /** Zooms about a screen point ({@code factor} &gt; 1 = in). */
    public void zoom(double factor, double sx, double sy) {
        MapViewport v = viewport.get();
        if (v != null) {
            viewport.set(v.zoomAbout(factor, sx, sy));
            requestRender(Quality.INTERACTIVE);
            onViewChanged.accept(Quality.INTERACTIVE);
        }
    }

    public void zoom(double factor) {
        MapViewport v = viewport.get();
        if (v != null) {
            zoom(factor, v.width() / 2.0, v.height() / 2.0);
        }
    }

    /** Ends a gesture: draws once more at full quality. */
    public void settle() {
        requestRender(Quality.FULL);
        onViewChanged.accept(Quality.FULL);
    }

    /**
     * Called after the user moved this map (pan, zoom, fit; the quality of the frame asked for), so that a map shown
     * beside it can {@link #follow} — the split view's synchronised pan and zoom.
     */
    public void setOnViewChanged(java.util.function.Consumer<Quality> listener) {
        onViewChanged = listener == null ? q -> { } : listener;
    }

    /** Shows the same place and scale as {@code other} (keeping this map's size), without telling its listener. */
    public void follow(MapViewport other, Quality q) {
        MapViewport v = viewport.get();
        if (other == null || v == null) {
            return;
        }
        viewport.set(new MapViewport(v.width(), v.height(), other.centerX(), other.centerY(),
                other.metresPerPixel()));
        requestRender(q);
    }

    /** Shows all of China. */
    public void zoomToFit() {
        MapViewport v = viewport.get();
        if (v != null) {
            wholeChina = MapViewport.china(v.width(), v.height());
            viewport.set(wholeChina);
            requestRender(Quality.FULL);
            onViewChanged.accept(Quality.FULL);
        }
    }

    /**
     * Shows the selected place with its partners: the region's polygon and the far ends of the flows drawn to and
     * from it. The flows of a new selection are drawn first (in the background), so the zoom may follow a frame later.
     */
    public void zoomToSelection() {
        if (viewport.get() == null || selection.isEmpty()) {
            return;
        }
        RenderedFrame f = frame.get();
        if (f != null && showsSelection(f)) {
            fitSelection(f);
        } else {
            zoomToSelectionPending = true;
        }
    }

    /** Whether a frame's flows are those of the current selection. */
    private boolean showsSelection(RenderedFrame f) {
        return f.flows() != null && f.scene().selected().equals(Set.copyOf(selection.codes()))
                && java.util.Arrays.equals(f.flows().spec().selection(), selection.allRegionIndexes());
    }

    private void fitSelection(RenderedFrame f) {
        var env = PlaceGeometry.withPartners(f, basemap.get(), selection.code(), selection.regionIndexes());
        if (!env.isNull()) {
            viewport.set(viewport.get().zoomToFit(env, 40));
            requestRender(Quality.FULL);
            onViewChanged.accept(Quality.FULL);
        }
    }

    /** The place code under a screen point, or empty. */
    public String codeAt(double sx, double sy) {
        RenderedFrame f = frame.get();
        if (f == null) {
            return "";
        }
        return MapHitTester.regionCodeAt(f.scene(), sx, sy).orElse("");
    }

    /** The pointer moved: updates the hovered place and its tooltip text. */
    public void hover(double sx, double sy) {
        hoverX = sx;
        hoverY = sy;
        String c = codeAt(sx, sy);
        if (!c.equals(hovered.get())) {
            hovered.set(c);
            hoverText.set(c.isEmpty() ? "" : withDetail(c, describe(c)));
        }
    }

    /** The hovered place's outline in screen pixels (rings of x, y pairs), empty when none. */
    public java.util.List<double[]> hoverOutline() {
        return PlaceGeometry.outline(viewport.get(), basemap.get(), hovered.get());
    }

    /** A click: selects the place under the pointer, or clears the selection when clicking it again or off-map. */
    public void click(double sx, double sy) {
        click(sx, sy, false);
    }

    /**
     * A click; with {@code add} (Ctrl+click) the place is added to the selection, or taken out of it when already
     * in it, so that several places can be selected (for the flows between them).
     */
    public void click(double sx, double sy, boolean add) {
        String c = codeAt(sx, sy);
        if (add) {
            selection.toggle(c);
        } else {
            selection.select(c.equals(selection.code()) && selection.codes().size() == 1 ? "" : c);
        }
    }

    /** Tooltip text of a place: name and its figures over the days shown. */
    private String withDetail(String code, String text) {
        var d = hoverDetail.get();
        String extra = d == null ? "" : d.apply(code);
        return extra == null || extra.isEmpty() ? text : text + "\n" + extra;
    }

    /** Adds a line to the hover card of a place (the risk heatmap's figure and interval); null for none. */
    public ObjectProperty<java.util.function.Function<String, String>> hoverDetailProperty() {
        return hoverDetail;
    }

    public String describe(String place) {
        RenderedFrame f = frame.get();
        FlowSet flows = f == null ? null : f.flows();
        String code = place;
        AggregateDataset d = dataset.get();
        if (flows != null && flows.nodes().indexOf(code) < 0 && d != null && d.regions().indexOf(code) >= 0) {
            code = flows.nodes().code(flows.nodes().nodeOfRegion(d.regions().indexOf(code)));   // rolled up
        }
        String name = name(code);
        if (flows == null || flows.nodes().indexOf(code) < 0) {
            return messages.get("map.tooltip.noData", name, code);
        }
        int n = flows.nodes().indexOf(code);
        var t = flows.totals();
        var loc = messages.locale();
        String text = messages.get("map.tooltip", name, code, Figures.count(t.incoming(n), t.k(), loc),
                Figures.count(t.outgoing(n), t.k(), loc), Figures.count(t.internal(n), t.k(), loc),
                Figures.net(t.net(n), loc));
        var cmp = f.scene().comparison();
        if (cmp != null && cmp.places() != null && cmp.places().nodes().indexOf(code) >= 0) {
            text += "\n" + ComparisonFigures.place(messages, cmp, cmp.places().nodes().indexOf(code), t.k());
        }
        return text;
    }

    private String name(String code) {
        RenderedFrame f = frame.get();
        if (f != null && f.flows() != null) {
            int n = f.flows().nodes().indexOf(code);
            if (n >= 0 && f.scene().positions() != null) {
                // the scene's names: a province roll-up is named from the basemap, not by its code
                return Typography.forDisplay(f.scene().positions().name(n, language()));
            }
        }
        BasemapGeometry b = basemap.get();
        if (b != null) {
            var lod = org.epiflow.map.geo.LevelOfDetail.DETAIL;
            var r = b.basemap().prefectures(lod).byCode(code).or(() -> b.basemap().provinces(lod).byCode(code));
            if (r.isPresent()) {
                return Typography.forDisplay(language().pick(r.get().nameZh(), r.get().nameEn(), code));
            }
        }
        return code;
    }

    private Language language() {
        return messages.chinese() ? Language.ZH : Language.EN;
    }

    /** Asks for a new frame; coalesces with one being drawn. */
    public void requestRender(Quality q) {
        if (viewport.get() == null) {
            return;
        }
        if (inFlight) {
            pending = pending == Quality.FULL || q == Quality.FULL ? Quality.FULL : Quality.INTERACTIVE;
            return;
        }
        inFlight = true;
        rendering.set(true);
        RenderRequest r = request(q);
        executor.execute(ctx -> worker.render(r), TaskCallbacks.<RenderedFrame>of(this::shown, e -> {
            inFlight = false;
            rendering.set(false);
            summary.show("map.renderFailed", org.epiflow.text.Problems.of(e));
        }));
    }

    private RenderRequest request(Quality q) {
        AggregateDataset d = dataset.get();
        MapViewport v = viewport.get();
        FlowSpec spec = d == null || days.get() == null ? null : filters.spec(days.get(), selection.allRegionIndexes(),
                v == null ? 0 : v.metresPerPixel());
        return new RenderRequest(d, spec, basemap.get(), viewport.get(),
                theme.get() == Theme.DARK ? MapStyle.dark() : MapStyle.light(), language(),
                Set.copyOf(selection.codes()),
                sharedScale.get() != null ? sharedScale.get() : filters.lockScaleProperty().get() ? lockedScale : null,
                q, heatmap.get(), flowsVisible.get(), baseline.get(), selection.groupsProperty().get());
    }

    private void shown(RenderedFrame f) {
        frame.set(f);
        if (filters.lockScaleProperty().get() && lockedScale == null) {
            lockedScale = f.scene().scale().lock();
        }
        legend.set(f.flows() == null || !flowsVisible.get() ? null : f.scene().legend());
        FlowSet s = f.flows();
        if (s == null) {
            summary.clear();
        } else {
            String key = !s.spec().provinces() ? "map.summary"
                    : filters.provincesProperty().get() ? "map.summary.provinces" : "map.summary.autoProvinces";
            int faint = f.scene().flowGeometry().skippedFaint();
            var cmp = f.scene().comparison();
            org.epiflow.text.Message shown = cmp == null ? org.epiflow.text.Message.of(key, s.size(), s.matchedCount())
                    : org.epiflow.text.Message.of(cmp.baseline() == null ? "map.summary.perCapita" : "map.summary.compare",
                    cmp.flows().size(), org.epiflow.text.Message.of(cmp.measure().messageKey()));
            if (faint != 0) {
                shown = org.epiflow.text.Message.of("map.summary.withFaint", shown, faint);
            }
            if (s.spec().direction() == org.epiflow.data.Direction.BETWEEN && selection.codes().size() < 2) {
                shown = org.epiflow.text.Message.of("map.summary.betweenNeedsTwo", shown);
            }
            summary.show(shown);
        }
        inFlight = false;
        rendering.set(false);
        if (!hovered.get().isEmpty() && !Double.isNaN(hoverX)) {
            // the place under the pointer and its figures as this frame shows them (zoomed, rolled up, another day)
            String c = codeAt(hoverX, hoverY);
            hovered.set(c);
            hoverText.set(c.isEmpty() ? "" : withDetail(c, describe(c)));
        }
        if (zoomToSelectionPending && !selection.isEmpty() && showsSelection(f)) {
            zoomToSelectionPending = false;
            pending = null;
            fitSelection(f);
            return;
        }
        if (pending != null) {
            Quality q = pending;
            pending = null;
            requestRender(q);
        }
    }

    public FlowFilters filters() {
        return filters;
    }

    public RegionSelection selection() {
        return selection;
    }

    public ObjectProperty<AggregateDataset> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<DayRange> daysProperty() {
        return days;
    }

    public ObjectProperty<BasemapGeometry> basemapProperty() {
        return basemap;
    }

    public ObjectProperty<MapViewport> viewportProperty() {
        return viewport;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ReadOnlyObjectProperty<RenderedFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Legend> legendProperty() {
        return legend.getReadOnlyProperty();
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty hoveredProperty() {
        return hovered;
    }

    public StringProperty hoverTextProperty() {
        return hoverText;
    }

    /** The choropleth drawn over the regions (null: none). */
    public ObjectProperty<org.epiflow.map.ChoroplethLayer> heatmapProperty() {
        return heatmap;
    }

    /** Whether the flow arcs and circles are drawn (the heatmap is toggled through {@link #heatmapProperty()}). */
    public BooleanProperty flowsVisibleProperty() {
        return flowsVisible;
    }

    /**
     * A flow scale this map must use (the split view's, shared by the period and the baseline so that equal widths
     * mean equal trips), or null. Overrides the map's own scale lock while set.
     */
    public ObjectProperty<org.epiflow.map.FlowScale> sharedScaleProperty() {
        return sharedScale;
    }

    /** What is drawn besides the plain flows: the comparison with a baseline, per-capita figures; null: none. */
    public ObjectProperty<BaselineRequest> baselineProperty() {
        return baseline;
    }

    public BooleanProperty renderingProperty() {
        return rendering;
    }

    public Messages messages() {
        return messages;
    }
}
