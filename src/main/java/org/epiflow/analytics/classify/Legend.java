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
        return of(title, breaks, scheme, scheme.colors(breaks.classes(), reversed), 3);
    }

    /**
     * Builds a legend with the given class colours; labels get at least {@code digits} significant digits, and more
     * until no two edges read alike (so no class ever shows as "1 – 1").
     */
    public static Legend of(String title, Breaks breaks, ColorScheme scheme, int[] colors, int digits) {
        String[] text = edgeLabels(breaks.edges(), digits);
        List<Entry> entries = new ArrayList<>();
        for (int c = 0; c < breaks.classes(); c++) {
            entries.add(new Entry(breaks.lower(c), breaks.upper(c), colors[c], text[c] + " – " + text[c + 1]));
        }
        return new Legend(title, breaks, scheme, entries, ColorScheme.NO_DATA);
    }

    /** The edges as text with at least {@code digits} significant digits, distinct from one another. */
    public static String[] edgeLabels(double[] edges, int digits) {
        String[] out = new String[edges.length];
        for (int d = Math.max(1, digits); d <= 15; d++) {
            boolean distinct = true;
            for (int i = 0; i < edges.length; i++) {
                out[i] = format(edges[i], d);
                if (i > 0 && out[i].equals(out[i - 1])) {
                    distinct = false;
                }
            }
            if (distinct) {
                break;
            }
        }
        return out;
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

    /**
     * A number with {@code digits} significant digits (whole numbers from 1000 up as integers with separators), no
     * trailing zeros; a probability close to 1 keeps its nines ({@code 0.99997}).
     */
    public static String format(double v, int digits) {
        if (digits <= 3) {
            return format(v);
        }
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return format(v);
        }
        double a = Math.abs(v);
        if (a >= Math.pow(10, digits - 1) && a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        java.math.BigDecimal b = new java.math.BigDecimal(v).round(new java.math.MathContext(digits));
        String s = b.stripTrailingZeros().toPlainString();
        if (a >= 1000) {
            int dot = s.indexOf('.');
            String whole = dot < 0 ? s : s.substring(0, dot);
            String frac = dot < 0 ? "" : s.substring(dot);
            s = String.format(Locale.ROOT, "%,d", Long.parseLong(whole)) + frac;
        }
        return s;
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
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        // small figures (per 1,000 residents) written out, never as 9.55e-05: people read 0.0000955
        String s = a >= 1 ? String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v)
                : new java.math.BigDecimal(v).round(new java.math.MathContext(3)).toPlainString();
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
