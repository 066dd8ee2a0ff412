package org.epiflow.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A diverging colour scheme centred on zero with a locked, symmetric domain: seven classes, decreases in blue,
 * increases in red (ColorBrewer RdBu, reversed), and a neutral middle class for changes within ±{@code b1}. The
 * breaks are ±b1, ±b2, ±b3 rounded to two significant digits from the largest absolute value to be shown, so the
 * same change has the same colour on every page and on every backend. Immutable.
 */
public final class DivergingScale {
    /** Classes (3 decreasing, neutral, 3 increasing). */
    public static final int CLASSES = 7;
    private static final int[] ARCS_LIGHT = {0xFF2166AC, 0xFF4393C3, 0xFF74A9CF, 0xFF9A8FB5, 0xFFEF8A62, 0xFFD6604D,
            0xFFB2182B};
    /**
     * On the dark map a stronger change is a brighter colour (more contrast with the dark land), a small one is dim
     * and "about the same" a mid grey: the light style's pale middle classes would read as the strongest there.
     * Every class keeps at least 3:1 contrast with the dark land fill.
     */
    private static final int[] ARCS_DARK = {0xFFA8D8FF, 0xFF64A8E0, 0xFF5080A8, 0xFF7C8088, 0xFFB0684F, 0xFFE8704F,
            0xFFFF8C70};
    private static final int[] AREAS = {0xD92166AC, 0xD967A9CF, 0xD9D1E5F0, 0xD9F7F7F7, 0xD9FDDBC7, 0xD9EF8A62,
            0xD9B2182B};

    private final double maxAbs;
    private final double[] breaks;
    private final boolean percent;

    private DivergingScale(double maxAbs, boolean percent) {
        this(maxAbs, percent, nice(Math.max(percent ? 1 : 0.01, maxAbs) * 0.7),
                nice(Math.max(percent ? 1 : 0.01, maxAbs) * 0.35), nice(Math.max(percent ? 1 : 0.01, maxAbs) * 0.1));
    }

    private DivergingScale(double maxAbs, boolean percent, double b3, double b2, double b1) {
        this.maxAbs = Math.max(percent ? 1 : 0.01, maxAbs);
        this.percent = percent;
        if (b2 >= b3) {
            b2 = nice(b3 / 2);
        }
        if (b1 >= b2) {
            b1 = nice(b2 / 2);
        }
        this.breaks = new double[] {-b3, -b2, -b1, b1, b2, b3};
    }

    /** A locked scale for values within ±{@code maxAbs} (trips, or trips per 1,000 residents). */
    public static DivergingScale locked(double maxAbs) {
        return new DivergingScale(maxAbs, false);
    }

    /** The widest neutral class of a change in percent, ±10 %. */
    static final double NEUTRAL_PERCENT = 10;

    /**
     * A locked symmetric scale whose breaks follow the sizes of the values shown (the 30th, 70th and 93rd
     * percentiles of their absolute values, rounded), so one very large change does not leave every other one in
     * the neutral class. Percent changes are capped at ±1,000 % for the breaks, and their neutral class at ±10 %.
     */
    public static DivergingScale fitted(double[] values, boolean percent) {
        double[] a = new double[values.length];
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.abs(values[i]);
            if (percent) {
                a[i] = Math.min(1000, a[i]);
            }
            max = Math.max(max, a[i]);
        }
        if (a.length < 4) {
            return new DivergingScale(max, percent);
        }
        java.util.Arrays.sort(a);
        double b1 = nice(a[(int) (0.3 * (a.length - 1))]), b2 = nice(a[(int) (0.7 * (a.length - 1))]);
        double b3 = nice(a[(int) (0.93 * (a.length - 1))]);
        if (!(b1 > 0)) {
            return new DivergingScale(max, percent);
        }
        if (percent && b1 > NEUTRAL_PERCENT) {
            // when nearly everything changed a lot (−80 % to −96 %), ±77 % is not "about the same": the neutral
            // class stays within ±10 % and the classes above it keep telling the large changes apart
            b1 = NEUTRAL_PERCENT;
        }
        return new DivergingScale(max, percent, Math.max(b3, b2), b2, b1);
    }

    /** A locked scale for changes in percent within ±{@code maxAbsPercent}. */
    public static DivergingScale lockedPercent(double maxAbsPercent) {
        return new DivergingScale(maxAbsPercent, true);
    }

    public double maxAbs() {
        return maxAbs;
    }

    public boolean isPercent() {
        return percent;
    }

    /** The six breaks, ascending: −b3, −b2, −b1, b1, b2, b3. */
    public double[] breaks() {
        return breaks.clone();
    }

    /** The class of a value, 0 (largest decrease) to 6 (largest increase); 3 is "about the same". */
    public int classOf(double v) {
        int i = 0;
        while (i < breaks.length && v >= breaks[i]) {
            i++;
        }
        return i;
    }

    /** The arc (or circle) colour of a value in a map style (the dark style uses lighter ends). */
    public int arcColor(double v, boolean dark) {
        return (dark ? ARCS_DARK : ARCS_LIGHT)[classOf(v)];
    }

    /** The colour of a class for arcs. */
    public static int arcClassColor(int c, boolean dark) {
        return (dark ? ARCS_DARK : ARCS_LIGHT)[c];
    }

    /** The heatmap (area) colours, one per class. */
    public static int[] areaColors() {
        return AREAS.clone();
    }

    /** The same scale as a choropleth over values per region code ({@link ChoroplethLayer} class rules). */
    public ChoroplethLayer choropleth(String title, java.util.Map<String, Double> values,
                                      java.util.Map<String, ChoroplethLayer.Mark> marks) {
        // ChoroplethLayer puts v >= break into the upper class; the neutral class is [−b1, b1)
        return new ChoroplethLayer(title, values, breaks, AREAS).withMarks(marks);
    }

    /** Legend labels of the seven classes, largest increase first ("+5,000 or more" … "−5,000 or less"). */
    public List<String> labels(Language lang) {
        List<String> out = new ArrayList<>();
        String[] b = new String[breaks.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = format(breaks[i], lang, true);
        }
        org.epiflow.text.Texts t = lang.texts();
        out.add(t.get("map.compare.class.atLeast", b[5]));
        out.add(b[4] + " – " + b[5]);
        out.add(b[3] + " – " + b[4]);
        out.add(t.get("map.compare.class.about", format(breaks[3], lang, false)));
        out.add(b[1] + " – " + b[2]);
        out.add(b[0] + " – " + b[1]);
        out.add(t.get("map.compare.class.atMost", b[0]));
        return out;
    }

    /** A value as the legend writes it: signed ("+1,200", "−40 %"), 万 units in Chinese from 10,000. */
    public String format(double v, Language lang, boolean signed) {
        String sign = !signed ? "" : v > 0 ? "+" : v < 0 ? "−" : "";
        double a = Math.abs(v);
        String num;
        if (percent) {
            num = (a == Math.rint(a) ? String.format(Locale.ROOT, "%,.0f", a) : String.format(Locale.ROOT, "%.1f", a))
                    + " %";
        } else if (a == Math.rint(a) && a >= 1) {
            num = FlowScale.format((long) a, lang);
        } else {
            num = String.format(Locale.ROOT, a >= 10 ? "%.0f" : a >= 1 ? "%.1f" : "%.2f", a);
        }
        return sign + num;
    }

    /** Two significant digits (values below 10 keep one decimal, below 1 two). */
    static double nice(double v) {
        if (v <= 0) {
            return 0;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        double r = Math.round(v / p) * p;
        return v >= 10 ? Math.rint(r) : r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DivergingScale s && s.maxAbs == maxAbs && s.percent == percent
                && java.util.Arrays.equals(s.breaks, breaks);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(breaks) * 31 + (percent ? 1 : 0);
    }

    @Override
    public String toString() {
        return "DivergingScale" + java.util.Arrays.toString(breaks) + (percent ? " %" : "");
    }
}
