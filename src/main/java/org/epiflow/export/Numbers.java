package org.epiflow.export;

/** Fast, locale-free number text for vector formats (SVG, PDF content streams). */
public final class Numbers {
    private Numbers() {
    }

    /** Appends {@code v} with at most two decimals, no exponent, no trailing zeros. */
    public static StringBuilder append(StringBuilder b, double v) {
        if (!Double.isFinite(v)) {
            return b.append('0');
        }
        long c = Math.round(v * 100);
        if (c < 0) {
            b.append('-');
            c = -c;
        }
        b.append(c / 100);
        int f = (int) (c % 100);
        if (f != 0) {
            b.append('.');
            b.append((char) ('0' + f / 10));
            if (f % 10 != 0) {
                b.append((char) ('0' + f % 10));
            }
        }
        return b;
    }

    /** Appends {@code v} with up to four decimals (colours, opacities). */
    public static StringBuilder append4(StringBuilder b, double v) {
        long c = Math.round(v * 10000);
        if (c < 0) {
            b.append('-');
            c = -c;
        }
        b.append(c / 10000);
        int f = (int) (c % 10000);
        if (f != 0) {
            String s = Integer.toString(10000 + f).substring(1).replaceAll("0+$", "");
            b.append('.').append(s);
        }
        return b;
    }
}
