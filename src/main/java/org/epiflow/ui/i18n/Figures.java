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

    /**
     * A number on a chart axis, as the map legends write them: in Chinese, 万 (10⁴) and 亿 (10⁸) with at most three
     * significant digits ("2.5万", "120万", "1.3亿"); in English, grouped digits ("25,000").
     */
    public static String axis(double value, Locale locale) {
        double a = Math.abs(value);
        if (Messages.isChinese(locale) && a >= 10_000) {
            boolean yi = a >= 100_000_000;
            return significant(value / (yi ? 100_000_000.0 : 10_000.0)) + (yi ? "亿" : "万");
        }
        if (a >= 100 || value == Math.rint(value)) {
            return NumberFormat.getIntegerInstance(locale).format(Math.round(value));
        }
        return significant(value);
    }

    private static String significant(double v) {
        double a = Math.abs(v);
        String s = a >= 100 ? String.format(Locale.ROOT, "%.0f", v) : a >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }

    /** Plain grouped number (counts of flows, not trips). */
    public static String plain(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }
}
