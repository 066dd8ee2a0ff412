package org.epiflow.data;

import java.util.OptionalLong;

/**
 * A figure checked against the bundle's suppression threshold k. Published cells are at least k and sums of them may
 * be shown; a derived figure (a difference such as a net flow) whose absolute value is below k must not be shown:
 * it is reported as suppressed and the view prints {@code "< k"}.
 *
 * @param value      the figure (meaningless when suppressed; kept only for sorting inside the model — never display)
 * @param suppressed true when the figure must be shown as "&lt; k"
 * @param k          the threshold
 */
public record Suppressed(long value, boolean suppressed, int k) {

    /** A sum of published cells: always shown (0 means no flow at all). */
    public static Suppressed sum(long value, int k) {
        return new Suppressed(value, false, k);
    }

    /** A derived figure (difference): suppressed when {@code |value| < k}. */
    public static Suppressed derived(long value, int k) {
        boolean s = Math.abs(value) < k;
        return new Suppressed(s ? 0 : value, s, k);
    }

    /**
     * A period's figure minus its baseline's: suppressed when the difference is below k, and also when either side
     * is a published sum below k — a baseline bundle with a lower k than the period's has such sums, and they are
     * shown as "&lt; k" under the comparison's k, so a change next to them would give them back exactly.
     */
    public static Suppressed change(long period, long baseline, int k) {
        if ((period > 0 && period < k) || (baseline > 0 && baseline < k)) {
            return new Suppressed(0, true, k);
        }
        return derived(period - baseline, k);
    }

    /** The figure if it may be shown. */
    public OptionalLong shown() {
        return suppressed ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** Text for the view: the number with grouping, or {@code "< k"}. */
    public String format() {
        return suppressed ? "< " + k : String.format("%,d", value);
    }

    @Override
    public String toString() {
        return format();
    }
}
