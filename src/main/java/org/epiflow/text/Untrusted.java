package org.epiflow.text;

/**
 * Makes text from outside (a bundle's header, a file name, a CSV cell) safe to show on a terminal, in a log, a
 * dialog or the audit trail: control characters, line breaks inside a value and bidirectional overrides are shown as
 * visible escapes ({@code \u001B}), so such text can neither move the cursor, recolour a terminal, forge a line of
 * output nor reorder what is read.
 */
public final class Untrusted {
    private Untrusted() {
    }

    /** The text with every control, line-break, format-override character written as {@code \\uXXXX}. */
    public static String escape(CharSequence text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text.toString() : out.toString();
    }

    /** Whether the character would act rather than show: C0/C1 controls, DEL, line/paragraph separators, bidi. */
    public static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }

    /** Whether the text has any character that {@link #escape} would change. */
    public static boolean hasUnsafe(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
