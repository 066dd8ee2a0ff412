package org.epiflow.export;

import org.epiflow.data.compare.Alignment;
import org.epiflow.map.FlowMeasure;
import org.epiflow.model.AggregateDataset;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The baseline an export compares its dates with: the requested range, how it is aligned, what the map shows
 * (change by default) and, for a baseline from another bundle, that bundle's verified tables and traceability facts.
 *
 * @param from        first day of the baseline as asked
 * @param to          last day as asked
 * @param alignment   how it lines up with the period
 * @param measure     what maps show (tables always have every column)
 * @param data        the baseline bundle's tables, or null: the exported bundle itself
 * @param bundleId    the baseline bundle's id (null: the exported bundle)
 * @param fingerprint the baseline bundle's short fingerprint (null: the exported bundle)
 */
public record ExportBaseline(LocalDate from, LocalDate to, Alignment alignment, FlowMeasure measure,
                             AggregateDataset data, String bundleId, String fingerprint) {
    public ExportBaseline {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        alignment = alignment == null ? Alignment.DATE : alignment;
        measure = measure == null ? FlowMeasure.CHANGE : measure;
    }

    /** A baseline in the same bundle. */
    public static ExportBaseline of(LocalDate from, LocalDate to, Alignment alignment) {
        return new ExportBaseline(from, to, alignment, FlowMeasure.CHANGE, null, null, null);
    }

    public ExportBaseline withMeasure(FlowMeasure m) {
        return new ExportBaseline(from, to, alignment, m, data, bundleId, fingerprint);
    }

    /** The same baseline read from another bundle. */
    public ExportBaseline fromBundle(AggregateDataset d, String id, String fp) {
        return new ExportBaseline(from, to, alignment, measure, d, id, fp);
    }
}
