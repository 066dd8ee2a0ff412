package org.epiflow.ui.risk;

import org.epiflow.analytics.compare.RiskBaseline;
import org.epiflow.data.compare.Alignment;
import org.epiflow.data.compare.BaselinePeriod;
import org.epiflow.data.compare.ComparisonException;
import org.epiflow.export.ExportBaseline;
import org.epiflow.map.FlowMeasure;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Period;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The baseline a risk heatmap is compared with, as the Compare panel sets it for the flows: the run's travel window
 * moved by the same number of days as the flows' baseline ({@code offsetDays}), lined up the same way, read from the
 * same bundle. So a run over the week after the restriction, with the flows compared with "a week earlier", is
 * compared with the same model run over the week before.
 *
 * @param offsetDays  days from the period's first day to the baseline's first day as asked (negative: earlier)
 * @param alignment   by date, weekday or days from the Lunar New Year
 * @param data        the baseline bundle's tables, or null for the run's own bundle
 * @param bundleId    the other bundle's id (null: the run's bundle)
 * @param fingerprint the other bundle's short fingerprint (null: the run's bundle)
 */
public record HeatmapBaseline(int offsetDays, Alignment alignment, AggregateDataset data, String bundleId,
                              String fingerprint) {
    public HeatmapBaseline {
        Objects.requireNonNull(alignment, "alignment");
    }

    /** A baseline in the run's own bundle. */
    public static HeatmapBaseline of(int offsetDays, Alignment alignment) {
        return new HeatmapBaseline(offsetDays, alignment, null, null, null);
    }

    /** The baseline as asked for a run: its travel window moved by {@link #offsetDays()}. */
    public Period requested(RiskRun run) {
        Period p = RiskBaseline.travelPeriod(run.outcome());
        return new Period(p.start().plusDays(offsetDays), p.end().plusDays(offsetDays));
    }

    /** The baseline lined up with a run's travel window. */
    public BaselinePeriod align(RiskRun run) throws ComparisonException {
        return BaselinePeriod.align(RiskBaseline.travelPeriod(run.outcome()), requested(run), alignment);
    }

    /** The same baseline as an export states it (for the legend's note and the page footer). */
    public ExportBaseline forExport(RiskRun run, FlowMeasure measure) {
        Period r = requested(run);
        LocalDate from = r.start(), to = r.end();
        return new ExportBaseline(from, to, alignment, measure, data, bundleId, fingerprint);
    }
}
