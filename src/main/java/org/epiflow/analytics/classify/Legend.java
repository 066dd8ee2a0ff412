package org.epiflow.analytics.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A heat-map legend: one entry per class (range, colour, label) plus the colour for regions without a value.
 *
 * @param title  what is mapped
 * @param breaks the classes
 * @param scheme the colour scheme
 * @param entries one per class, low to high
 * @param noData colour of regions without a value, ARGB
 */
public record Legend(String title, Breaks breaks, ColorScheme scheme, List<Entry> entries, int noData) {
    /** One class: {@code [lower, upper)} (the last class includes its upper bound), its colour and label. */
    public record Entry(double lower, double upper, int argb, String label) {
    }

    public Legend {
        entries = List.copyOf(entries);
    }

    /** Builds a legend with labels like {@code 0.10 – 0.25}. */
    public static Legend of(String title, Breaks breaks, ColorScheme scheme, boolean reversed) {
        int[] colors = scheme.colors(breaks.classes(), reversed);
        List<Entry> entries = new ArrayList<>();
        for (int c = 0; c < breaks.classes(); c++) {
            entries.add(new Entry(breaks.lower(c), breaks.upper(c), colors[c],
                    format(breaks.lower(c)) + " – " + format(breaks.upper(c))));
        }
        return new Legend(title, breaks, scheme, entries, ColorScheme.NO_DATA);
    }

    /** The colour of a value (the no-data colour for NaN). */
    public int color(double value) {
        int c = breaks.classOf(value);
        return c < 0 ? noData : entries.get(c).argb();
    }

    /** Colours for many values. */
    public int[] colors(double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = color(values[i]);
        }
        return out;
    }

    /** Compact number for labels: three significant digits, thousands separated, no trailing zeros. */
    public static String format(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        String s = String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
