package org.epiflow.analytics.classify;

/**
 * Colour-blind-safe schemes as opaque ARGB ints: ColorBrewer (Cynthia Brewer, colorbrewer2.org, Apache-style licence)
 * YlOrRd and Blues (sequential), RdBu and PuOr (diverging), and viridis (matplotlib, CC0; perceptually uniform and
 * readable in greyscale). {@link #colors(int, boolean)} samples k colours evenly along the scheme's stops (linear
 * interpolation in sRGB), so any class count works.
 */
public enum ColorScheme {
    YL_OR_RD(Kind.SEQUENTIAL, 0xffffcc, 0xffeda0, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xbd0026,
            0x800026),
    BLUES(Kind.SEQUENTIAL, 0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c,
            0x08306b),
    VIRIDIS(Kind.SEQUENTIAL, 0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30,
            0xfde725),
    RD_BU(Kind.DIVERGING, 0x67001f, 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7, 0xf7f7f7, 0xd1e5f0, 0x92c5de, 0x4393c3,
            0x2166ac, 0x053061),
    PU_OR(Kind.DIVERGING, 0x7f3b08, 0xb35806, 0xe08214, 0xfdb863, 0xfee0b6, 0xf7f7f7, 0xd8daeb, 0xb2abd2, 0x8073ac,
            0x542788, 0x2d004b);

    /** Sequential (low → high) or diverging (low ← midpoint → high). */
    public enum Kind { SEQUENTIAL, DIVERGING }

    /** Colour for regions without a value (light grey). */
    public static final int NO_DATA = 0xFFD9D9D9;

    private final Kind kind;
    private final int[] stops;

    ColorScheme(Kind kind, int... rgb) {
        this.kind = kind;
        this.stops = rgb;
    }

    public Kind kind() {
        return kind;
    }

    /** The scheme's defining colours, ARGB. */
    public int[] stops() {
        int[] s = new int[stops.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = 0xFF000000 | stops[i];
        }
        return s;
    }

    /**
     * {@code k} colours, ARGB, low to high (for diverging RdBu/PuOr, low = red/orange end unless {@code reversed}).
     */
    public int[] colors(int k, boolean reversed) {
        if (k < 1) {
            throw new IllegalArgumentException("at least one colour");
        }
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            double t = k == 1 ? 0.5 : (double) i / (k - 1);
            out[i] = at(reversed ? 1 - t : t);
        }
        return out;
    }

    /**
     * Colours for a diverging classification: {@code below} classes from the low end up to (not including) the
     * midpoint, then {@code above} classes from just past the midpoint to the high end, so the class next to the
     * centre on either side is light and the two sides never share a colour. With {@code reversed} the high side
     * takes the scheme's first end (for RdBu: values above the centre red).
     */
    public int[] diverging(int below, int above, boolean reversed) {
        int[] out = new int[below + above];
        for (int c = 0; c < below; c++) {
            double t = 0.5 * (c + 0.5) / below * 0.9;
            out[c] = at(reversed ? 1 - t : t);
        }
        for (int c = 0; c < above; c++) {
            double t = 1 - 0.5 * (above - c - 0.5) / above * 0.9;
            out[below + c] = at(reversed ? 1 - t : t);
        }
        return out;
    }

    /** The colour at position t ∈ [0, 1] along the scheme, ARGB. */
    public int at(double t) {
        double x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int a = (int) Math.floor(x);
        int b = Math.min(stops.length - 1, a + 1);
        double f = x - a;
        int r = mix(stops[a] >> 16 & 0xff, stops[b] >> 16 & 0xff, f);
        int g = mix(stops[a] >> 8 & 0xff, stops[b] >> 8 & 0xff, f);
        int bl = mix(stops[a] & 0xff, stops[b] & 0xff, f);
        return 0xFF000000 | r << 16 | g << 8 | bl;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
