package org.epiflow.ui.risk;

/**
 * What the heatmap shows: a column of the result, or the SEIR forecast (median cumulative infections) at a chosen
 * date.
 *
 * @param column index into the result's columns, or -1 for the forecast
 * @param name   the column's machine name ({@code forecast} for the forecast)
 */
public record HeatmapMeasure(int column, String name) {
    public static final String FORECAST = "forecast";

    public boolean isForecast() {
        return column < 0;
    }
}
