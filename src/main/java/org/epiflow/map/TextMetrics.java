package org.epiflow.map;

/** Measures label text for placement; backends with real fonts provide their own. */
public interface TextMetrics {
    /** Advance width of {@code text} in pixels. */
    double width(String text, TextStyle style);

    /** Height of a line (ascent + descent) in pixels. */
    default double height(TextStyle style) {
        return style.size() * 1.2;
    }

    /** Ascent in pixels (baseline below the top of the box). */
    default double ascent(TextStyle style) {
        return style.size() * 0.92;
    }

    /** Estimate without fonts: CJK ideographs one em wide, other characters 0.56 em. */
    TextMetrics ESTIMATE = (text, style) -> {
        double w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            w += Character.isIdeographic(cp) || (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0xFF00 && cp <= 0xFFEF)
                    ? 1.0 : 0.56;
        }
        return w * style.size();
    };
}
