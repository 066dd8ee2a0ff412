package org.epiflow.map;

import java.util.Locale;
import java.util.Optional;

/**
 * What the arcs, circles and heatmap of a comparison show: the period's trips, the baseline's, the change (period
 * minus baseline) or the change in percent of the baseline. Named as on the command line and in saved views
 * ({@code trips}, {@code baseline}, {@code change}, {@code change_percent}).
 */
public enum FlowMeasure {
    TRIPS, BASELINE, CHANGE, CHANGE_PERCENT;

    /** Whether the values are signed differences, drawn with the diverging scheme centred on zero. */
    public boolean diverging() {
        return this == CHANGE || this == CHANGE_PERCENT;
    }

    /** Whether it needs a baseline. */
    public boolean needsBaseline() {
        return this != TRIPS;
    }

    /** The name in saved views and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The message key of its name for people ({@code map.compare.measure.change}, …). */
    public String messageKey() {
        return "map.compare.measure." + id();
    }

    /** The measure of that {@link #id()} (case-insensitive, {@code -} taken as {@code _}). */
    public static Optional<FlowMeasure> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String s = id.strip().replace('-', '_');
        for (FlowMeasure m : values()) {
            if (m.id().equalsIgnoreCase(s)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
