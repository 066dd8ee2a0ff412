package org.epiflow.ui.export;

import org.epiflow.data.DayRange;
import org.epiflow.export.ExportLayer;
import org.epiflow.export.ExportOptions;
import org.epiflow.export.MapExtent;
import org.epiflow.export.MapPages;
import org.epiflow.map.MapStyle;
import org.epiflow.map.MapViewport;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Period;
import org.epiflow.ui.map.MapViewModel;
import org.epiflow.ui.map.RenderedFrame;
import org.epiflow.ui.prefs.Theme;
import org.epiflow.ui.time.TimelineViewModel;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The view on screen, as export options: the layers the map draws, its heatmap, the screen's extent, the flow
 * filters as they apply at the screen's scale (including a roll-up to provinces made automatically when zoomed out,
 * and a locked flow scale), the selected region or province, the theme, and the timeline's day or range. What the
 * user unticks in {@link ContentSettings} is left out.
 */
final class CurrentView {
    private final MapViewModel map;
    private final TimelineViewModel timeline;
    private final CurrentHeatmap heatmap;

    CurrentView(MapViewModel map, TimelineViewModel timeline, CurrentHeatmap heatmap) {
        this.map = map;
        this.timeline = timeline;
        this.heatmap = heatmap;
    }

    /** Fills in what the export shows from the screen. */
    void applyTo(ExportOptions o, ContentSettings what) {
        boolean flowsOnScreen = map.flowsVisibleProperty().get();
        Set<ExportLayer> layers = EnumSet.noneOf(ExportLayer.class);
        if (what.flowsProperty().get() && flowsOnScreen) {
            layers.add(ExportLayer.FLOWS);
        }
        if (what.symbolsProperty().get() && flowsOnScreen) {
            layers.add(ExportLayer.SYMBOLS);
        }
        if (what.labelsProperty().get()) {
            layers.add(ExportLayer.LABELS);
        }
        if (what.heatmapProperty().get() && heatmap.shown()) {
            layers.add(ExportLayer.HEATMAP);
            o.heatmap(heatmap.forPage(o.language()));
        }
        o.layers(layers);
        MapViewport screen = map.viewportProperty().get();
        if (what.filtersProperty().get()) {
            var f = map.filters();
            int[] selection = map.selection().allRegionIndexes();
            o.topN(f.topNProperty().get()).minVolume(f.minVolumeProperty().get())
                    .direction(f.directionProperty().get())
                    .provinces(f.rolledUp(selection, screen == null ? 0 : screen.metresPerPixel()));
            RenderedFrame frame = map.frameProperty().get();
            if (f.lockScaleProperty().get() && frame != null) {
                o.flowScale(frame.scene().scale());
            }
        }
        if (what.selectedRegionProperty().get()) {
            // every place selected (several with the "between" filter), as the map shows them
            o.focusRegions(map.selection().codes().stream().filter(this::focusable).toList());
        }
        if (what.currentExtentProperty().get() && screen != null) {
            o.extent(MapExtent.of(screen));
        }
        // issue 15: the comparison, per-capita and groups the map shows (the split view's left map: its own trips)
        var cmp = map.baselineProperty().get();
        if (cmp != null && cmp.baseline() != null) {
            var b = org.epiflow.export.ExportBaseline.of(cmp.baseline().requested().start(),
                    cmp.baseline().requested().end(), cmp.baseline().alignment()).withMeasure(cmp.measure());
            if (cmp.otherBundle() != null) {
                b = b.fromBundle(cmp.otherBundle().data(), cmp.otherBundle().data().info().bundleId(),
                        cmp.otherBundle().fingerprint());
            }
            o.baseline(b);
        }
        o.perCapita(cmp != null && cmp.perCapita());
        o.groups(map.selection().groupsProperty().get());
        if (map.themeProperty().get() == Theme.DARK) {
            o.style(MapStyle.dark());
        }
    }

    /**
     * Whether a selected code can be focused on: a region of the bundle, a province with regions in it, or a region
     * group shown on the map.
     */
    private boolean focusable(String code) {
        AggregateDataset data = map.datasetProperty().get();
        return code != null && !code.isEmpty() && data != null && (MapPages.focusIndexes(data, code).length > 0
                || map.selection().groupsProperty().get().stream().anyMatch(g -> g.name().equals(code)));
    }

    /** The first and last date exported: the timeline's first day, or its range; null when nothing is shown. */
    LocalDate[] period(ContentSettings.Dates dates) {
        Period p = timeline.periodProperty().get();
        DayRange r = timeline.days();
        if (p == null || r == null) {
            return null;
        }
        LocalDate from = p.day(r.first());
        LocalDate to = dates == ContentSettings.Dates.DAY ? from : p.day(r.last());
        return new LocalDate[] {from, to};
    }
}
