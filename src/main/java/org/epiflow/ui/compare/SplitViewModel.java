package org.epiflow.ui.compare;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.map.FastMapRenderer.Quality;
import org.epiflow.map.FlowScale;
import org.epiflow.ui.i18n.LocalText;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.BaselineRequest;
import org.epiflow.ui.map.MapRenderWorker;
import org.epiflow.ui.map.MapViewModel;
import org.epiflow.ui.map.RegionSelection;
import org.epiflow.ui.map.RenderedFrame;
import org.epiflow.ui.util.TaskExecutor;

import java.util.List;

/**
 * The split view: the period's map and, beside it, the baseline's — its own map model, drawing the baseline bundle
 * at the baseline's days with the same filters, style, groups and per-capita setting. The two pan and zoom together
 * ({@link MapViewModel#follow}), share the selection (by code: the baseline may be another bundle) and one flow scale
 * covering both (so equal widths mean equal trips), and play together (the baseline's days follow the period's).
 */
public final class SplitViewModel implements AutoCloseable {
    private final MapRenderWorker worker = new MapRenderWorker();
    private final RegionSelection selection = new RegionSelection();
    private final MapViewModel period;
    private final MapViewModel baseline;
    private final ComparisonViewModel comparison;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper();
    private final LocalText periodTitle;
    private final LocalText baselineTitle;
    private boolean syncing;

    public SplitViewModel(Messages messages, TaskExecutor executor, MapViewModel period, ComparisonViewModel cmp) {
        this.period = period;
        this.comparison = cmp;
        this.baseline = new MapViewModel(messages, executor, worker, selection);
        this.periodTitle = messages.text();
        this.baselineTitle = messages.text();
        var a = period.filters();
        var b = baseline.filters();
        b.topNProperty().bindBidirectional(a.topNProperty());
        b.minVolumeProperty().bindBidirectional(a.minVolumeProperty());
        b.directionProperty().bindBidirectional(a.directionProperty());
        b.provincesProperty().bindBidirectional(a.provincesProperty());
        b.autoProvincesProperty().bindBidirectional(a.autoProvincesProperty());
        baseline.themeProperty().bind(period.themeProperty());
        baseline.basemapProperty().bind(period.basemapProperty());
        baseline.flowsVisibleProperty().bind(period.flowsVisibleProperty());
        selection.groupsProperty().bind(period.selection().groupsProperty());
        // the selection, by code, both ways
        period.selection().codesProperty().addListener((o, x, codes) -> copy(codes, selection));
        selection.codesProperty().addListener((o, x, codes) -> copy(codes, period.selection()));
        // pan and zoom together
        period.setOnViewChanged(q -> {
            if (shown.get()) {
                baseline.follow(period.viewportProperty().get(), q);
            }
        });
        baseline.setOnViewChanged(q -> {
            if (shown.get()) {
                period.follow(baseline.viewportProperty().get(), q);
            }
        });
        // the right-hand map's first size (its canvas is laid out after the split is shown): the left one's place
        baseline.viewportProperty().addListener((o, was, now) -> {
            if (was == null && now != null && shown.get()) {
                baseline.follow(period.viewportProperty().get(), Quality.FULL);
            }
        });
        // one scale for both
        period.frameProperty().addListener((o, x, f) -> shareScale());
        baseline.frameProperty().addListener((o, x, f) -> shareScale());
        for (var dep : new javafx.beans.Observable[] {cmp.splitProperty(), cmp.requestProperty(),
                cmp.alignedProperty()}) {
            dep.addListener(o -> update());
        }
        messages.localeProperty().addListener(o -> update());
        update();
    }

    private void copy(List<String> codes, RegionSelection to) {
        if (syncing || codes.equals(to.codes())) {
            return;
        }
        syncing = true;
        try {
            to.selectAll(codes);
        } finally {
            syncing = false;
        }
    }

    private void update() {
        var b = comparison.alignedProperty().get();
        BaselineRequest r = comparison.requestProperty().get();
        boolean on = comparison.splitProperty().get() && b != null && r != null;
        OpenedBundle base = comparison.effectiveBaselineBundle();
        if (on && base != null) {
            selection.datasetProperty().set(base.data());
            baseline.datasetProperty().set(base.data());
            baseline.daysProperty().set(r.baselineDays());
            // each side shows its own trips (per 1,000 residents when asked)
            baseline.baselineProperty().set(r.perCapita() ? perCapitaOnly(r) : null);
            copy(period.selection().codes(), selection);
            periodTitle.show("compare.split.period", b.period().start(), b.period().end());
            baselineTitle.show("compare.split.baseline", b.baseline().start(), b.baseline().end(),
                    org.epiflow.text.Message.of(b.alignment().messageKey()));
        } else {
            baseline.datasetProperty().set(null);
            baseline.sharedScaleProperty().set(null);
            period.sharedScaleProperty().set(null);
            periodTitle.clear();
            baselineTitle.clear();
        }
        boolean was = shown.get();
        shown.set(on);
        if (on && !was) {
            baseline.follow(period.viewportProperty().get(), Quality.FULL);
        }
    }

    static BaselineRequest perCapitaOnly(BaselineRequest r) {
        return new BaselineRequest(null, null, null, org.epiflow.map.FlowMeasure.TRIPS, true);
    }

    /** Both maps on the scale that covers the flows of both (computed from their own flows, so it settles). */
    private void shareScale() {
        if (!shown.get()) {
            return;
        }
        RenderedFrame a = period.frameProperty().get(), b = baseline.frameProperty().get();
        if (a == null || b == null || a.flows() == null || b.flows() == null || a.flows().size() == 0
                || b.flows().size() == 0) {
            return;
        }
        FlowScale.Type type = a.scene().scale().type();
        FlowScale fa = FlowScale.auto(a.flows(), type), fb = FlowScale.auto(b.flows(), type);
        FlowScale both = FlowScale.locked(Math.min(fa.min(), fb.min()), Math.max(fa.max(), fb.max()), type);
        FlowScale cur = period.sharedScaleProperty().get();
        if (cur == null || cur.min() != both.min() || cur.max() != both.max()) {
            period.sharedScaleProperty().set(both);
            baseline.sharedScaleProperty().set(both);
        }
    }

    /** Whether the two maps are shown side by side. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The baseline's map model (the right-hand map). */
    public MapViewModel baseline() {
        return baseline;
    }

    /** "Period 24 Jan – 30 Jan 2020" over the left map, or empty. */
    public LocalText periodTitleProperty() {
        return periodTitle;
    }

    /** "Baseline 17 Jan – 23 Jan 2020, by date" over the right map, or empty. */
    public LocalText baselineTitleProperty() {
        return baselineTitle;
    }

    @Override
    public void close() {
        worker.close();
    }
}
