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
 * @param quantity    what kind of figure it is, which says what a change of it means (compared with a baseline) and
 *                    whether it can be shown per 1,000 residents
 */
public record Column(String name, String description, boolean flowDerived, RollUp rollUp, Scale scale, double centre,
                     Exposure exposure, int digits, Quantity quantity) {
    /** Sequential or diverging colours. */
    public enum Scale { SEQUENTIAL, DIVERGING }

    /** Which end of the figure is the exposed one. */
    public enum Exposure { HIGHER, LOWER, NEUTRAL }

    /**
     * What kind of figure a column is. Set from the roll-up rule and the scale where they say it (a probability rule
     * makes a probability, a rate rule a rate, a diverging scale around 0 a score), else declared by the model.
     */
    public enum Quantity {
        /** A number of trips, cases, infections or arrivals (expected or observed). */
        COUNT,
        /** The residents themselves (the denominator of every rate). */
        POPULATION,
        /** A count per residents ({@link RollUp.Kind#RATE}): per 100,000, or a percentage. */
        RATE,
        /** A probability between 0 and 1. */
        PROBABILITY,
        /** A ratio around 1. */
        RATIO,
        /** A signed score around 0 (a standardised residual). */
        SCORE,
        /** A distance along the network, or a number of steps. */
        DISTANCE,
        /** A day, counted from the bundle's first day. */
        DAY,
        /** A place in an order (1 = first). */
        RANK
    }

    public Column {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(rollUp, "rollUp");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(exposure, "exposure");
    }

    /** A model output (probability, expectation, distance): published as it is; summed over provinces. */
    public static Column of(String name, String description) {
        return new Column(name, description, false, RollUp.SUM, Scale.SEQUENTIAL, Double.NaN, Exposure.HIGHER, 3,
                Quantity.COUNT);
    }

    /** A figure made of the bundle's trip counts: subject to the k rule; summed over provinces. */
    public static Column trips(String name, String description) {
        return new Column(name, description, true, RollUp.SUM, Scale.SEQUENTIAL, Double.NaN, Exposure.HIGHER, 3,
                Quantity.COUNT);
    }

    /** The same column with another roll-up rule. */
    public Column rollUp(RollUp r) {
        Quantity q = quantity != Quantity.COUNT ? quantity : switch (r.kind()) {
            case PROBABILITY, PRODUCT -> Quantity.PROBABILITY;
            case RATE -> Quantity.RATE;
            case RATIO -> Quantity.RATIO;
            default -> quantity;
        };
        return new Column(name, description, flowDerived, r, scale, centre, exposure, digits, q);
    }

    /** The same column read the other way: lower values are more exposed (distances, days, ranks). */
    public Column lowerIsExposed() {
        return new Column(name, description, flowDerived, rollUp, scale, centre, Exposure.LOWER, digits, quantity);
    }

    /** The same column as a descriptive figure (population, observed counts): neither end is "exposed". */
    public Column neutral() {
        return new Column(name, description, flowDerived, rollUp, scale, centre, Exposure.NEUTRAL, digits, quantity);
    }

    /** The same column on a diverging scheme centred on {@code value}. */
    public Column diverging(double value) {
        Quantity q = quantity == Quantity.COUNT && value == 0 ? Quantity.SCORE : quantity;
        return new Column(name, description, flowDerived, rollUp, Scale.DIVERGING, value, exposure, digits, q);
    }

    /** The same column shown with {@code n} significant digits. */
    public Column digits(int n) {
        return new Column(name, description, flowDerived, rollUp, scale, centre, exposure, n, quantity);
    }

    /** The same column declared as another kind of figure (a day, a rank, a distance, the population). */
    public Column quantity(Quantity q) {
        return new Column(name, description, flowDerived, rollUp, scale, centre, exposure, digits, q);
    }

    /** Message key of the column's name on screen, {@code analytics.column.<name>}. */
    public String labelKey() {
        return "analytics.column." + name;
    }
}
