package org.epiflow.export;

import java.util.Locale;

/** Paper sizes of the print layout, portrait dimensions in millimetres. */
public enum Paper {
    A4(210, 297),
    A3(297, 420),
    /** A 16:9 widescreen slide (13.333 × 7.5 in, PowerPoint's default); always landscape. */
    SLIDE(190.5, 338.667);

    private final double shortMm;
    private final double longMm;

    Paper(double shortMm, double longMm) {
        this.shortMm = shortMm;
        this.longMm = longMm;
    }

    public double shortMm() {
        return shortMm;
    }

    public double longMm() {
        return longMm;
    }

    public static Paper parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown paper '" + s + "' (A4, A3, slide)");
        }
    }
}
