package org.epiflow.ui.detail;

import org.epiflow.ui.i18n.Figures;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The comparison cells of a partner line in words, as the table shows them: the change signed ("−12,345", "&lt; k"
 * when suppressed) with " *" when its inputs include an unpublished cell, the change in percent ("−80.3 %", "–"
 * without a published baseline), trips per 1,000 residents ("7.89", "–" when unknown). Never 0 for a figure that is
 * not published.
 */
public final class PartnerFigures {
    /** What marks a change whose inputs include unpublished cells (explained under the table). */
    public static final String MARK = " *";

    private PartnerFigures() {
    }

    /** The change cell, or "" without a baseline. */
    public static String change(PartnerRow r, Locale locale) {
        if (r.change() == null) {
            return "";
        }
        if (r.total() == 0 && r.baseline() == 0) {
            return "–";
        }
        return Figures.net(r.change(), locale) + (r.marked() ? MARK : "");
    }

    /** The change-in-percent cell: one decimal and " %", "–" without a published baseline. */
    public static String percent(PartnerRow r, Locale locale) {
        return r.change() == null ? "" : decimal(r.changePercent(), 1, true, locale) + (r.changePercent().isEmpty()
                ? "" : " %");
    }

    /** The per-1,000 cell: two decimals, "–" when the trips are not published or the residents unknown. */
    public static String per1000(PartnerRow r, Locale locale) {
        return decimal(r.total() == 0 ? OptionalDouble.empty() : r.per1000(), 2, false, locale);
    }

    private static String decimal(OptionalDouble v, int digits, boolean signed, Locale locale) {
        if (v.isEmpty()) {
            return "–";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        double x = v.getAsDouble();
        String s = f.format(signed ? Math.abs(x) : x);
        return !signed || x == 0 ? s : (x > 0 ? "+" : "−") + s;
    }
}
