package org.epiflow.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Label–value lines aligned on a terminal, where a Chinese character takes two columns: the labels are padded to
 * the widest one (at least {@code min} columns), so values line up in either language.
 */
final class Columns {
    private Columns() {
    }

    /** Prints {@code indent + label + padding + value} for each row ({@code [label, value]}). */
    static void print(PrintWriter out, String indent, int min, List<String[]> rows) {
        int w = min;
        for (String[] r : rows) {
            w = Math.max(w, width(r[0]) + 1);
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder(indent).append(r[0]);
            for (int i = width(r[0]); i < w; i++) {
                sb.append(' ');
            }
            out.println(sb.append(r[1]));
        }
    }

    /** Columns a text takes on a terminal: two for East Asian wide and full-width characters, else one. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += wide(cp) ? 2 : 1;
        }
        return w;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
