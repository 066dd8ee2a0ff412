package org.epiflow.ui.map;

import org.epiflow.data.DayRange;
import org.epiflow.data.compare.BaselinePeriod;
import org.epiflow.map.FlowMeasure;
import org.epiflow.model.AggregateDataset;

/**
 * What the map draws besides the period's flows, captured on the UI thread for one frame: the baseline (null: none)
 * from {@code baselineData} (the bundle shown, or another open bundle of the same geography), the measure, and
 * whether figures are per 1,000 residents.
 *
 * @param baselineData the bundle the baseline is read from (null with no baseline)
 * @param baseline     the aligned baseline, or null (per-capita alone)
 * @param baselineDays the baseline's day indexes in {@code baselineData}, or null
 * @param measure      what arcs, circles and heatmap show
 * @param perCapita    trips per 1,000 residents
 * @param otherBundle  the open bundle the baseline is read from when it is not the one shown, else null (for
 *                     exports, which name it)
 */
public record BaselineRequest(AggregateDataset baselineData, BaselinePeriod baseline, DayRange baselineDays,
                              FlowMeasure measure, boolean perCapita, org.epiflow.bundle.OpenedBundle otherBundle) {
    public BaselineRequest(AggregateDataset baselineData, BaselinePeriod baseline, DayRange baselineDays,
                           FlowMeasure measure, boolean perCapita) {
        this(baselineData, baseline, baselineDays, measure, perCapita, null);
    }

    /** Whether it changes anything about the plain flow map. */
    public boolean active() {
        return baseline != null || perCapita;
    }
}
