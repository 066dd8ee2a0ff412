package org.epiflow.cli;

import org.epiflow.data.RegionGroup;
import org.epiflow.data.compare.Alignment;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.export.ExportBaseline;
import org.epiflow.export.ExportOptions;
import org.epiflow.map.FlowMeasure;
import org.epiflow.text.Message;

import java.util.List;

/**
 * The comparison options of {@code epiflow export} ({@code --baseline-from/--baseline-to}, {@code --baseline-bundle},
 * {@code --align}, {@code --measure}, {@code --per-capita}, {@code --group}), checked before anything is opened and
 * applied over a saved view's comparison (flags win). Refusals are usage errors (exit 2) in the run's language.
 */
final class ComparisonOptions {
    private ComparisonOptions() {
    }

    static void apply(ExportCommand c, ExportOptions o, ViewDefinition view) throws CliException {
        int usage = ExportCommand.USAGE;
        ViewDefinition.Comparison saved = view == null ? null : view.comparison();
        if ((c.baselineFrom == null) != (c.baselineTo == null)) {
            throw new CliException(Message.of("cli.export.baselineTogether"), usage);
        }
        boolean baseline = c.baselineFrom != null || (saved != null && saved.baselineFrom() != null);
        if (!baseline && c.align != null) {
            throw new CliException(Message.of("cli.export.needsBaseline", "--align"), usage);
        }
        if (!baseline && c.measure != null) {
            throw new CliException(Message.of("cli.export.needsBaseline", "--measure"), usage);
        }
        if (!baseline && c.baselineBundle != null) {
            throw new CliException(Message.of("cli.export.needsBaseline", "--baseline-bundle"), usage);
        }
        if (c.baselineFrom != null && c.baselineTo.isBefore(c.baselineFrom)) {
            throw new CliException(Message.of("cli.export.baselineOrder", c.baselineFrom, c.baselineTo), usage);
        }
        Alignment a = saved != null && saved.alignment() != null
                ? Alignment.fromCliName(saved.alignment()).orElse(Alignment.DATE) : Alignment.DATE;
        if (c.align != null) {
            a = Alignment.fromCliName(c.align).orElseThrow(() -> new CliException(Message.of("cli.export.badAlign",
                    c.align), usage));
        }
        FlowMeasure m = saved != null && saved.measure() != null
                ? FlowMeasure.fromId(saved.measure()).orElse(FlowMeasure.CHANGE) : FlowMeasure.CHANGE;
        if (c.measure != null) {
            m = FlowMeasure.fromId(c.measure).orElseThrow(() -> new CliException(Message.of("cli.export.badMeasure",
                    c.measure), usage));
        }
        if (baseline) {
            java.time.LocalDate from = c.baselineFrom != null ? c.baselineFrom : saved.baselineFrom();
            java.time.LocalDate to = c.baselineFrom != null ? c.baselineTo : saved.baselineTo();
            o.baseline(ExportBaseline.of(from, to, a).withMeasure(m));
        }
        o.perCapita(c.perCapita || (saved != null && saved.perCapita()));
        o.groups(GroupOptions.parse(c.groups, saved == null ? List.of() : saved.groups().stream()
                .map(g -> new RegionGroup(g.name(), g.codes())).toList()));
    }
}
