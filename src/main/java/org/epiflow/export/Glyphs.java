package org.epiflow.export;

import org.epiflow.map.Java2DPainter;

import java.awt.Font;

/**
 * Replaces characters the bundled font (a GB2312 subset of Noto Sans CJK SC) cannot draw — the en dash of legend
 * ranges, for one — with ones it can, so no export shows a gap or a box.
 */
public final class Glyphs {
    private Glyphs() {
    }

    public static String displayable(String s) {
        Font f = Java2DPainter.baseFont();
        if (f.canDisplayUpTo(s) < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (f.canDisplay(cp)) {
                b.appendCodePoint(cp);
            } else {
                b.append(switch (cp) {
                    case 0x2013, 0x2012, 0x2212 -> f.canDisplay('～') ? "～" : "-";
                    case 0x2014 -> "-";
                    case 0x2026 -> "...";
                    case 0x2265 -> ">=";
                    case 0x2264 -> "<=";
                    case 0x00B7 -> "·";
                    default -> "?";
                });
            }
        }
        return b.toString();
    }
}
