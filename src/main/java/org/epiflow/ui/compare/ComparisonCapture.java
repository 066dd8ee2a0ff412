package org.epiflow.ui.compare;

import org.epiflow.bundle.OpenedBundle;
import org.epiflow.data.RegionGroup;
import org.epiflow.data.compare.Alignment;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.map.FlowMeasure;
import org.epiflow.model.Period;

import java.util.ArrayList;
import java.util.List;

/**
 * The comparison part of a saved view ({@link ViewDefinition.Comparison}): the baseline as asked (first and last
 * day, the bundle it is read from when not the one shown, the alignment), what the map shows, per-capita and the
 * region groups drawn as one node — taken from the panel and put back into it.
 */
public final class ComparisonCapture {
    private final ComparisonViewModel comparison;
    private final RegionGroupsViewModel groups;

    public ComparisonCapture(ComparisonViewModel comparison, RegionGroupsViewModel groups) {
        this.comparison = comparison;
        this.groups = groups;
    }

    /** The panel's settings, or null when it shows nothing of issue 15 (no baseline, per-capita or group). */
    public ViewDefinition.Comparison capture() {
        boolean on = comparison.enabledProperty().get();
        Period asked = on ? comparison.requestedBaseline() : null;
        List<ViewDefinition.Group> shown = groups.onMapProperty().get().stream()
                .map(g -> new ViewDefinition.Group(g.name(), g.codes())).toList();
        if (asked == null && !comparison.perCapitaProperty().get() && shown.isEmpty()) {
            return null;
        }
        OpenedBundle b = comparison.baselineBundleProperty().get();
        ViewDefinition.Bundle bundle = asked == null || b == null ? null : new ViewDefinition.Bundle(
                b.data().info().bundleId(), b.fingerprint(), b.file().toAbsolutePath().normalize().toString());
        return new ViewDefinition.Comparison(asked == null ? null : asked.start(), asked == null ? null : asked.end(),
                bundle, asked == null ? null : comparison.alignmentProperty().get().cliName(),
                asked == null ? null : comparison.measureProperty().get().id(), comparison.perCapitaProperty().get(),
                shown);
    }

    /**
     * Shows a saved view's comparison (null: none). A baseline bundle that is not open is left out and said in the
     * panel; groups the workspace lacks are added to it (checked against the bundle shown, like any new group).
     */
    public void apply(ViewDefinition.Comparison c) {
        if (c == null) {
            comparison.enabledProperty().set(false);
            comparison.perCapitaProperty().set(false);
            groups.showOnly(List.of());
            return;
        }
        List<String> names = new ArrayList<>();
        for (ViewDefinition.Group g : c.groups()) {
            RegionGroup have = groups.groups().stream().filter(x -> x.name().equals(g.name())).findFirst()
                    .orElse(null);
            if (have == null || !have.codes().equals(g.codes())) {
                groups.showOnly(List.of());
                groups.add(g.name(), g.codes());
            }
            names.add(g.name());
        }
        groups.showOnly(names);
        comparison.perCapitaProperty().set(c.perCapita());
        if (c.baselineFrom() == null) {
            comparison.enabledProperty().set(false);
            return;
        }
        OpenedBundle from = null;
        if (c.baselineBundle() != null) {
            from = comparison.bundles().stream().filter(b -> b.data().info().bundleId().equals(c.baselineBundle().id())
                    && (c.baselineBundle().fingerprint() == null
                    || c.baselineBundle().fingerprint().equals(b.fingerprint()))).findFirst().orElse(null);
            if (from == null) {
                comparison.enabledProperty().set(false);
                comparison.problemProperty().set(comparison.messages().get("compare.view.bundleNotOpen",
                        c.baselineBundle().id(), String.valueOf(c.baselineBundle().file())));
                return;
            }
        }
        comparison.baselineBundleProperty().set(from);
        Alignment.fromCliName(c.alignment() == null ? "date" : c.alignment())
                .ifPresent(comparison.alignmentProperty()::set);
        FlowMeasure.fromId(c.measure() == null ? "change" : c.measure()).filter(FlowMeasure::needsBaseline)
                .ifPresent(comparison.measureProperty()::set);
        comparison.enabledProperty().set(true);
        comparison.setBaselineStart(c.baselineFrom());
    }
}
