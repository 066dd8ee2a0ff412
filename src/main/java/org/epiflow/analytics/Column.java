package org.epiflow.analytics;

import java.util.Objects;

/**
 * One figure a model reports for every region.
 *
 * @param name        machine name (CSV header, JSON key), lower_snake_case
 * @param description what it means, with its unit
 * @param flowDerived true when the figure re-publishes trip counts of the bundle (a sum of published cells): such
 *                    figures are withheld when they fall between 0 and the bundle's k
 */
public record Column(String name, String description, boolean flowDerived) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    /** A model output (probability, expectation, distance): published as it is. */
    public static Column of(String name, String description) {
        return new Column(name, description, false);
    }

    /** A figure made of the bundle's trip counts: subject to the k rule. */
    public static Column trips(String name, String description) {
        return new Column(name, description, true);
    }
}
