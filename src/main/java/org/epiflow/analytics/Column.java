package org.epiflow.analytics;

import java.util.Objects;

/**
 * One figure a model reports for every region, with what a map of it needs to be read the right way.
 *
 * @param name        machine name (CSV header, JSON key), lower_snake_case
 * @param description what it means, with its unit (English, for the JSON output and docs)
 * @param flowDerived true when the figure re-publishes trip counts of the bundle (a sum of published cells): such
 *                    figures are withheld when they fall between 0 and the bundle's k
 * @param rollUp      how the figure combines over a province
 * @param scale       the colour scheme that fits: sequential (low to high) or diverging around {@code centre}
 * @param centre      the neutral value of a diverging figure (1 for a ratio, 0 for a residual); NaN otherwise
 * @param exposure    whether a higher value means more exposed ({@link Exposure#HIGHER}), a lower one
 *                    ({@link Exposure#LOWER}: distances, days, ranks), or neither ({@link Exposure#NEUTRAL})
 * @param digits      significant digits the figure needs on screen (probabilities close to 1 need more)
 */
public record Column(String name, String description, boolean flowDerived, RollUp rollUp, Scale scale, double centre,
                     Exposure exposure, int digits) {
    /** Sequential or diverging colours. */
    public enum Scale { SEQUENTIAL, DIVERGING }

    /** Which end of the figure is the exposed one. */
    public enum Exposure { HIGHER, LOWER, NEUTRAL }

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(rollUp, "rollUp");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(exposure, "exposure");
    }

    /** A model output (probability, expectation, distance): published as it is; summed over provinces. */
    public static Column of(String name, String description) {
        return new Column(name, description, false, RollUp.SUM, Scale.SEQUENTIAL, Double.NaN, Exposure.HIGHER, 3);
    }

    /** A figure made of the bundle's trip counts: subject to the k rule; summed over provinces. */
    public static Column trips(String name, String description) {
        return new Column(name, description, true, RollUp.SUM, Scale.SEQUENTIAL, Double.NaN, Exposure.HIGHER, 3);
    }

    /** The same column with another roll-up rule. */
    public Column rollUp(RollUp r) {
        return new Column(name, description, flowDerived, r, scale, centre, exposure, digits);
    }

    /** The same column read the other way: lower values are more exposed (distances, days, ranks). */
    public Column lowerIsExposed() {
        return new Column(name, description, flowDerived, rollUp, scale, centre, Exposure.LOWER, digits);
    }

    /** The same column as a descriptive figure (population, observed counts): neither end is "exposed". */
    public Column neutral() {
        return new Column(name, description, flowDerived, rollUp, scale, centre, Exposure.NEUTRAL, digits);
    }

    /** The same column on a diverging scheme centred on {@code value}. */
    public Column diverging(double value) {
        return new Column(name, description, flowDerived, rollUp, Scale.DIVERGING, value, exposure, digits);
    }

    /** The same column shown with {@code n} significant digits. */
    public Column digits(int n) {
        return new Column(name, description, flowDerived, rollUp, scale, centre, exposure, n);
    }

    /** Message key of the column's name on screen, {@code analytics.column.<name>}. */
    public String labelKey() {
        return "analytics.column." + name;
    }
}
