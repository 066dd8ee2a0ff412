package org.epiflow.analytics.classify;

/** How class breaks are chosen. */
public enum ClassificationMethod {
    /** Equal counts per class. */
    QUANTILES,
    /** Equal widths between the minimum and the maximum. */
    EQUAL_INTERVALS,
    /** Jenks natural breaks: least squared deviation within classes (exact, Fisher's algorithm). */
    NATURAL_BREAKS,
    /** Edges given by the user. */
    CUSTOM
}
