package org.epiflow.analytics;

import java.util.Objects;

/**
 * How a column's figures combine when regions are rolled up into a larger area (prefectures into provinces). Each
 * {@link Column} declares its rule, so the app's heatmap, the ranking and batch exports combine alike
 * ({@link ProvinceRollUp}).
 *
 * @param kind        the rule
 * @param numerator   for {@link Kind#RATE} and {@link Kind#RATIO}: the column summed on top
 * @param denominator for {@link Kind#RATE} and {@link Kind#RATIO}: the column summed below
 * @param scale       for {@link Kind#RATE}: the multiplier (10⁵ for "per 100,000", 100 for a percentage)
 * @param offset      for {@link Kind#RATIO}: added to both sums ((ΣO + 1) / (ΣE + 1))
 */
public record RollUp(Kind kind, String numerator, String denominator, double scale, double offset) {
    /** The rules. */
    public enum Kind {
        /** Counts: the sum. */
        SUM,
        /** Probabilities of at least one event, independent across regions: 1 − ∏(1 − p). */
        PROBABILITY,
        /** Distances, days and ranks where the nearest or earliest region decides: the minimum. */
        MIN,
        /** Indices flagging the most unusual region: the maximum. */
        MAX,
        /** Rates: recomputed from the summed numerator and denominator, times the scale. */
        RATE,
        /** Ratios: recomputed from the summed numerator and denominator (with the offset on both). */
        RATIO,
        /** Probabilities of no event, independent across regions: ∏ q. */
        PRODUCT,
        /** No meaningful combination: no value at the larger level. */
        NONE
    }

    public RollUp {
        Objects.requireNonNull(kind, "kind");
        numerator = numerator == null ? "" : numerator;
        denominator = denominator == null ? "" : denominator;
        if ((kind == Kind.RATE || kind == Kind.RATIO) && (numerator.isEmpty() || denominator.isEmpty())) {
            throw new IllegalArgumentException(kind + " needs a numerator and a denominator column");
        }
    }

    public static final RollUp SUM = new RollUp(Kind.SUM, "", "", 1, 0);
    public static final RollUp PROBABILITY = new RollUp(Kind.PROBABILITY, "", "", 1, 0);
    public static final RollUp MIN = new RollUp(Kind.MIN, "", "", 1, 0);
    public static final RollUp MAX = new RollUp(Kind.MAX, "", "", 1, 0);
    public static final RollUp PRODUCT = new RollUp(Kind.PRODUCT, "", "", 1, 0);
    public static final RollUp NONE = new RollUp(Kind.NONE, "", "", 1, 0);

    /** numerator / denominator × scale over the summed columns. */
    public static RollUp rate(String numerator, String denominator, double scale) {
        return new RollUp(Kind.RATE, numerator, denominator, scale, 0);
    }

    /** (Σnumerator + offset) / (Σdenominator + offset). */
    public static RollUp ratio(String numerator, String denominator, double offset) {
        return new RollUp(Kind.RATIO, numerator, denominator, 1, offset);
    }

    /** Message key naming the rule for a legend, {@code analytics.rollup.<kind>}. */
    public String messageKey() {
        return "analytics.rollup." + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
