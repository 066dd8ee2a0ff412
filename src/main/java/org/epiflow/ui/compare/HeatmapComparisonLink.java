package org.epiflow.ui.compare;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.ui.risk.HeatmapBaseline;
import org.epiflow.ui.risk.HeatmapComparisonRun;
import org.epiflow.ui.risk.HeatmapViewModel;

/**
 * Carries the Compare panel's settings to the risk heatmap: while the map compares with a baseline, the heatmap's
 * run is compared with the same model run over its travel window moved as the flows' baseline is (same offset,
 * alignment and bundle); what it shows (baseline, change, change in percent) and per capita are the very settings
 * the flows use, so the panel's switches and the heatmap's stay one.
 */
public final class HeatmapComparisonLink {
    private HeatmapComparisonLink() {
    }

    /** Links {@code cmp} to the heatmap and its baseline run (for the life of the window's view-models). */
    public static void link(ComparisonViewModel cmp, HeatmapComparisonRun baselineRun, HeatmapViewModel heatmap) {
        ObjectBinding<HeatmapBaseline> spec = Bindings.createObjectBinding(() -> baseline(cmp),
                cmp.enabledProperty(), cmp.offsetDaysProperty(), cmp.alignmentProperty(),
                cmp.baselineBundleProperty(), cmp.currentProperty());
        baselineRun.baselineProperty().bind(spec);
        heatmap.baselineProperty().bind(spec);
        heatmap.comparisonProperty().bind(baselineRun.comparisonProperty());
        heatmap.showsProperty().bindBidirectional(cmp.measureProperty());
        heatmap.perCapitaProperty().bindBidirectional(cmp.perCapitaProperty());
    }

    /** The heatmap's baseline for the panel's settings, or null while the map compares nothing. */
    static HeatmapBaseline baseline(ComparisonViewModel cmp) {
        OpenedBundle current = cmp.currentProperty().get();
        if (!cmp.enabledProperty().get() || current == null) {
            return null;
        }
        OpenedBundle other = cmp.baselineBundleProperty().get();
        if (other == null || other == current) {
            return HeatmapBaseline.of(cmp.offsetDaysProperty().get(), cmp.alignmentProperty().get());
        }
        return new HeatmapBaseline(cmp.offsetDaysProperty().get(), cmp.alignmentProperty().get(), other.data(),
                other.data().info().bundleId(), other.fingerprint());
    }
}
