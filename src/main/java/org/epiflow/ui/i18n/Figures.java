package org.epiflow.ui.i18n;

import org.epiflow.data.Suppressed;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * Numbers as the analyst sees them. Published cells are at least k; a figure below k (which in a bundle means "not
 * published": nothing or a suppressed cell) is shown as {@code "< k"}, never as a number.
 */
public final class Figures {
    private Figures() {
    }

    /** A sum of published cells: grouped digits, or {@code "< k"} below k. */
    public static String count(long value, int k, Locale locale) {
        return value < k ? "< " + k : NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A derived figure (net flow): {@code "< k"} when suppressed, else signed with grouping. */
    public static String net(Suppressed s, Locale locale) {
        if (s.suppressed()) {
            return "< " + s.k();
        }
        String v = NumberFormat.getIntegerInstance(locale).format(Math.abs(s.value()));
        return (s.value() > 0 ? "+" : "−") + v;
    }

    /** Plain grouped number (counts of flows, not trips). */
    public static String plain(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }
}
