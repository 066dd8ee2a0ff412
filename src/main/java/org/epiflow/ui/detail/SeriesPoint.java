package org.epiflow.ui.detail;

/**
 * One point of the inflow/outflow chart.
 *
 * @param label   the day ("01-25") or week ("01-20") as shown on the axis
 * @param inflow  trips into the place
 * @param outflow trips out of it
 */
public record SeriesPoint(String label, long inflow, long outflow) {
}
