package org.epiflow.analytics.compare;

import org.epiflow.analytics.Column;

/**
 * What the change of a column means, from the kind of figure it is ({@link Column#quantity()}): the unit of the
 * change (a probability's change is in percentage points, a percentage rate's too), whether a change in percent of
 * the baseline means anything (not for a score around 0, a day or a rank), whether the baseline's figure is a day to
 * move into the period's frame, and whether the figure can be shown per 1,000 residents (counts only).
 *
 * @param column the column
 */
public record ChangeRule(Column column) {
    /** The rule of a column. */
    public static ChangeRule of(Column c) {
        return new ChangeRule(c);
    }

    public Column.Quantity quantity() {
        return column.quantity();
    }

    /**
     * Period minus baseline in the change's unit: for a probability, percentage points ((p − p₀) × 100); for the
     * rest, the column's own unit. NaN when either is NaN.
     */
    public double change(double value, double baseline) {
        double d = value - baseline;
        return quantity() == Column.Quantity.PROBABILITY ? d * 100 : d;
    }

    /** Whether a change in percent of the baseline is defined (counts, rates, probabilities, ratios, distances). */
    public boolean hasPercent() {
        return switch (quantity()) {
            case SCORE, DAY, RANK -> false;
            default -> true;
        };
    }

    /** Whether the baseline's figures are days of its bundle, to be counted from the period's days instead. */
    public boolean isDay() {
        return quantity() == Column.Quantity.DAY;
    }

    /** Whether the column is a count, the only kind shown per 1,000 residents. */
    public boolean perCapita() {
        return quantity() == Column.Quantity.COUNT;
    }

    /** Whether the change is in percentage points (a probability, or a rate in percent). */
    public boolean percentagePoints() {
        return quantity() == Column.Quantity.PROBABILITY
                || quantity() == Column.Quantity.RATE && column.rollUp().scale() == 100;
    }

    /**
     * Message key of the change's unit for a legend or a column header: {@code analytics.change.unit.points}
     * (percentage points), {@code .days}, {@code .places}, or {@code .same} (in the column's own unit).
     */
    public String unitKey() {
        if (percentagePoints()) {
            return "analytics.change.unit.points";
        }
        return switch (quantity()) {
            case DAY -> "analytics.change.unit.days";
            case RANK -> "analytics.change.unit.places";
            default -> "analytics.change.unit.same";
        };
    }
}
