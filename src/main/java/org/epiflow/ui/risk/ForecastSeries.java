package org.epiflow.ui.risk;

import java.time.LocalDate;

/**
 * A region's SEIR forecast of cumulative infections per day: quantiles of the ensemble (or the deterministic run in
 * all five when there is no ensemble) and the observed cumulative reported cases where known.
 *
 * @param observed cumulative reported cases per day (NaN after the case data ends), or null without cases
 * @param asOf     index of the as-of day in the series
 */
public record ForecastSeries(String code, String name, LocalDate start, double[] p05, double[] p25, double[] median,
                             double[] p75, double[] p95, double[] observed, int asOf) {
    public int days() {
        return median.length;
    }

    public LocalDate date(int i) {
        return start.plusDays(i);
    }
}
