package org.epiflow.text;

import java.util.regex.Pattern;

/**
 * Text as one cell of a CSV file that people open in spreadsheet programs. RFC 4180 quoting alone does not stop
 * Excel, WPS or LibreOffice from running a cell such as {@code =HYPERLINK(…)}, {@code +cmd|' /C calc'!A0},
 * {@code -2+3+cmd|…} or {@code @SUM(…)} as a formula; so a text value that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe (shown as text, as the OWASP advice
 * for CSV injection says). A value that is a plain number ({@code -12}, {@code +3.5}, {@code 1e6}) stays a
 * number. Every CSV the program writes uses this for its text cells.
 */
public final class CsvCell {
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private CsvCell() {
    }

    /** The value as one CSV cell: neutralised ({@link #neutralise}) and quoted when needed ({@link #quote}). */
    public static String text(String value) {
        return quote(neutralise(value));
    }

    /** The value with a leading apostrophe when a spreadsheet would otherwise read it as a formula. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char c = value.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return risky && !NUMBER.matcher(value).matches() ? "'" + value : value;
    }

    /** RFC 4180: quoted (inner quotes doubled) when the value holds a comma, a quote or a line break. */
    public static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /**
     * A comment line ({@code # key: value}) kept as one line a reader such as pandas ({@code comment='#'}) skips,
     * yet safe in a spreadsheet, which splits it at commas: every piece after a comma that would be a formula is
     * neutralised, line breaks become spaces.
     */
    public static String commentLine(String line) {
        String one = line.replace('\r', ' ').replace('\n', ' ');
        String[] pieces = one.split(",", -1);
        StringBuilder b = new StringBuilder(neutralise(pieces[0]));
        for (int i = 1; i < pieces.length; i++) {
            b.append(',').append(neutralise(pieces[i]));
        }
        return b.toString();
    }
}
