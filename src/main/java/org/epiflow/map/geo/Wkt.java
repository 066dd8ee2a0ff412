package org.epiflow.map.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed WKT (CRS well-known text, OGC 01-009 / Esri flavour) node: {@code KEYWORD["name", 1.0, CHILD[...]]}.
 * Arguments are {@link String} (quoted text), {@link Double} (numbers), bare words as {@link String}, or nodes.
 */
record Wkt(String keyword, List<Object> args) {

    /** Parses one WKT node; throws IllegalArgumentException with the offending position. */
    static Wkt parse(String text) {
        Parser p = new Parser(text.trim());
        Wkt node = p.node();
        p.skipSpace();
        if (p.pos < p.s.length()) {
            throw new IllegalArgumentException("unexpected text after WKT at position " + p.pos);
        }
        return node;
    }

    /** The first (quoted) argument, conventionally the name. */
    String name() {
        return !args.isEmpty() && args.get(0) instanceof String s ? s : "";
    }

    /** First direct child with this keyword (case-insensitive), or null. */
    Wkt child(String kw) {
        for (Object a : args) {
            if (a instanceof Wkt w && w.keyword.equalsIgnoreCase(kw)) {
                return w;
            }
        }
        return null;
    }

    List<Wkt> children(String kw) {
        List<Wkt> out = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof Wkt w && w.keyword.equalsIgnoreCase(kw)) {
                out.add(w);
            }
        }
        return out;
    }

    /** Numeric argument i, or NaN. */
    double number(int i) {
        return i < args.size() && args.get(i) instanceof Double d ? d : Double.NaN;
    }

    /** Lower-case name without spaces, underscores, hyphens: "Transverse_Mercator" → "transversemercator". */
    static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Wkt node() {
            skipSpace();
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String kw = s.substring(start, pos);
            skipSpace();
            if (kw.isEmpty() || pos >= s.length() || (s.charAt(pos) != '[' && s.charAt(pos) != '(')) {
                throw new IllegalArgumentException("expected KEYWORD[ at position " + start);
            }
            char close = s.charAt(pos) == '[' ? ']' : ')';
            pos++;
            List<Object> args = new ArrayList<>();
            while (true) {
                skipSpace();
                if (pos >= s.length()) {
                    throw new IllegalArgumentException("unterminated " + kw + "[");
                }
                char c = s.charAt(pos);
                if (c == close) {
                    pos++;
                    return new Wkt(kw, args);
                }
                if (c == ',') {
                    pos++;
                    continue;
                }
                if (c == '"') {
                    int end = s.indexOf('"', pos + 1);
                    while (end > 0 && end + 1 < s.length() && s.charAt(end + 1) == '"') {
                        end = s.indexOf('"', end + 2);            // doubled quote inside a string
                    }
                    if (end < 0) {
                        throw new IllegalArgumentException("unterminated string at position " + pos);
                    }
                    args.add(s.substring(pos + 1, end).replace("\"\"", "\""));
                    pos = end + 1;
                } else if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                    int from = pos;
                    while (pos < s.length() && "+-.eE0123456789".indexOf(s.charAt(pos)) >= 0) {
                        pos++;
                    }
                    args.add(Double.parseDouble(s.substring(from, pos)));
                } else {
                    int save = pos;
                    while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                        pos++;
                    }
                    int after = pos;
                    skipSpace();
                    if (pos < s.length() && (s.charAt(pos) == '[' || s.charAt(pos) == '(')) {
                        pos = save;
                        args.add(node());
                    } else {
                        if (after == save) {
                            throw new IllegalArgumentException("unexpected '" + c + "' at position " + save);
                        }
                        args.add(s.substring(save, after));        // bare enum word, e.g. AXIS[..., EAST]
                    }
                }
            }
        }
    }
}
