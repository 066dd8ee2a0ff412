package org.epiflow.text;

/**
 * Text as the bundled Chinese font (Noto Sans CJK SC) should receive it. That font draws the typographic apostrophe
 * and single quotes (U+2018, U+2019) full-width, as Chinese punctuation, so "Xi’an" shows as "Xi’ an" with a gap;
 * inside a Latin word they become the straight apostrophe, which the font draws narrow. Chinese text and quotes
 * next to Chinese characters are left alone. For what is drawn or shown only, never for data written out.
 */
public final class Typography {
    private Typography() {
    }

    /** {@code s} with apostrophes between Latin letters made narrow (null stays null). */
    public static String forDisplay(String s) {
        if (s == null || (s.indexOf('\u2019') < 0 && s.indexOf('\u2018') < 0)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean quote = c == '\u2019' || c == '\u2018';
            if (quote && i > 0 && latin(s.charAt(i - 1)) && i + 1 < s.length() && latin(s.charAt(i + 1))) {
                b.append('\'');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean latin(char c) {
        return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }
}
