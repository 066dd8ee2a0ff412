package org.epiflow.ui.session;

import org.epiflow.bundle.OpenedBundle;
import org.epiflow.data.DayRange;
import org.epiflow.data.Direction;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.map.FastMapRenderer;
import org.epiflow.map.MapViewport;
import org.epiflow.model.Period;
import org.epiflow.ui.time.TimelineViewModel;

import java.time.temporal.ChronoUnit;
import java.util.List;

/** What a saved view is made of, taken from the workstation's view-models and put back into them. */
final class ViewCapture {
    private ViewCapture() {
    }

    /** The current view as a saved-view definition. */
    static ViewDefinition capture(WorkspaceSession.Views views, ViewDefinition.Heatmap heatmap) {
        OpenedBundle b = views.open().currentProperty().get();
        ViewDefinition.Bundle bundle = null;
        ViewDefinition.Dates dates = null;
        if (b != null) {
            bundle = new ViewDefinition.Bundle(b.data().info().bundleId(), b.fingerprint(),
                    b.file().toAbsolutePath().normalize().toString());
            Period p = views.timeline().periodProperty().get();
            DayRange d = views.timeline().days();
            if (p != null && d != null) {
                dates = new ViewDefinition.Dates(views.timeline().modeProperty().get().name(),
                        views.timeline().granularityProperty().get().name(), p.day(d.first()), p.day(d.last()));
            }
        }
        var f = views.map().filters();
        MapViewport vp = views.map().viewportProperty().get();
        ViewDefinition.Extent extent = vp == null ? null : new ViewDefinition.Extent(
                ViewDefinition.Extent.ALBERS_CHINA, vp.centerX(), vp.centerY(), vp.metresPerPixel(), vp.width(),
                vp.height());
        List<String> codes = views.selection().codes();
        boolean flows = views.map().flowsVisibleProperty().get();
        return ViewDefinition.of(bundle, dates,
                new ViewDefinition.Filters(f.topNProperty().get(), f.minVolumeProperty().get(),
                        f.directionProperty().get().name(), f.lockScaleProperty().get(),
                        f.autoProvincesProperty().get()),
                new ViewDefinition.Layers(f.provincesProperty().get(), flows,
                        views.map().heatmapProperty().get() != null, flows, true), extent,
                codes, heatmap)
                .withPresentation(views.map().themeProperty().get() == org.epiflow.ui.prefs.Theme.DARK ? "dark"
                        : "light", null, null, null);
    }

    /** Shows a view: filters, layers, dates, extent, selection (the bundle must be the current one). */
    static void apply(WorkspaceSession.Views views, ViewDefinition v) {
        var f = views.map().filters();
        f.provincesProperty().set(v.layers().provinces());
        f.topNProperty().set(v.filters().topN());
        f.minVolumeProperty().set(v.filters().minVolume());
        f.directionProperty().set(Direction.valueOf(v.filters().direction()));
        TimelineViewModel t = views.timeline();
        Period p = t.periodProperty().get();
        if (v.dates() != null && p != null) {
            t.playingProperty().set(false);
            t.modeProperty().set(TimelineViewModel.Mode.valueOf(v.dates().mode()));
            t.granularityProperty().set(TimelineViewModel.Granularity.valueOf(v.dates().granularity()));
            int last = Math.max(0, p.days() - 1);
            int s = (int) Math.max(0, Math.min(last, ChronoUnit.DAYS.between(p.start(), v.dates().start())));
            int e = (int) Math.max(0, Math.min(last, ChronoUnit.DAYS.between(p.start(), v.dates().end())));
            t.endProperty().set(Math.max(e, s));
            t.startProperty().set(s);
            t.endProperty().set(Math.max(e, s));
        }
        if (v.extent() != null) {
            MapViewport cur = views.map().viewportProperty().get();
            int w = cur != null ? cur.width() : Math.max(1, v.extent().width());
            int h = cur != null ? cur.height() : Math.max(1, v.extent().height());
            double mpp = Math.max(MapViewport.MIN_METRES_PER_PIXEL, Math.min(MapViewport.MAX_METRES_PER_PIXEL,
                    v.extent().metresPerPixel()));
            views.map().viewportProperty().set(new MapViewport(w, h, v.extent().centerX(), v.extent().centerY(),
                    mpp));
        }
        views.selection().selectAll(v.selectedRegions());
        f.lockScaleProperty().set(v.filters().lockScale());
        f.autoProvincesProperty().set(v.filters().autoProvincesOn());
        views.map().flowsVisibleProperty().set(v.shows("flows"));
        views.map().requestRender(FastMapRenderer.Quality.FULL);
    }
}
