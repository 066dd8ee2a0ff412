package org.epiflow.bundle;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Byte-level parsing of the numeric and date fields of the count tables. */
final class CsvFields {
    /** Returned by the parsers for an invalid field. */
    static final long INVALID = Long.MIN_VALUE;

    private CsvFields() {
    }

    /** Parses an ISO date {@code yyyy-MM-dd} to its epoch day, or {@link #INVALID}. */
    static long epochDay(byte[] b, int from, int to) {
        if (to - from != 10 || b[from + 4] != '-' || b[from + 7] != '-') {
            return INVALID;
        }
        int y = digits(b, from, from + 4);
        int m = digits(b, from + 5, from + 7);
        int d = digits(b, from + 8, from + 10);
        if (y < 0 || m < 0 || d < 0) {
            return INVALID;
        }
        try {
            return LocalDate.of(y, m, d).toEpochDay();
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    /** Parses a non-negative decimal count of at most 9 digits without sign or leading zeros, or -1. */
    static int count(byte[] b, int from, int to) {
        int len = to - from;
        if (len < 1 || len > 9 || (len > 1 && b[from] == '0')) {
            return -1;
        }
        return digits(b, from, to);
    }

    private static int digits(byte[] b, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    /** Finds the field separators of a line: fills {@code ends} with each field's end and returns the count. */
    static int split(byte[] b, int from, int to, int[] ends) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == ',') {
                if (n == ends.length - 1) {
                    return ends.length + 1;
                }
                ends[n++] = i;
            }
        }
        ends[n++] = to;
        return n;
    }
}
