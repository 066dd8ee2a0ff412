package org.epiflow.map;

/** Colour helpers: colours are non-premultiplied {@code 0xAARRGGBB} ints in the model; pixel buffers are premultiplied. */
public final class Argb {
    private Argb() {
    }

    public static int of(int a, int r, int g, int b) {
        return (clamp(a) << 24) | (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    public static int rgb(int rgb) {
        return 0xFF000000 | rgb;
    }

    public static int alpha(int argb) {
        return argb >>> 24;
    }

    public static int red(int argb) {
        return (argb >> 16) & 0xFF;
    }

    public static int green(int argb) {
        return (argb >> 8) & 0xFF;
    }

    public static int blue(int argb) {
        return argb & 0xFF;
    }

    /** The colour with its alpha multiplied by {@code f} (0–1). */
    public static int withAlpha(int argb, double f) {
        int a = (int) Math.round(alpha(argb) * Math.max(0, Math.min(1, f)));
        return (a << 24) | (argb & 0xFFFFFF);
    }

    /** Linear interpolation of two colours (all four channels). */
    public static int lerp(int c0, int c1, double t) {
        t = Math.max(0, Math.min(1, t));
        return of((int) Math.round(alpha(c0) + (alpha(c1) - alpha(c0)) * t),
                (int) Math.round(red(c0) + (red(c1) - red(c0)) * t),
                (int) Math.round(green(c0) + (green(c1) - green(c0)) * t),
                (int) Math.round(blue(c0) + (blue(c1) - blue(c0)) * t));
    }

    /** Premultiplies a non-premultiplied colour. */
    public static int premultiply(int argb) {
        int a = alpha(argb);
        if (a == 255) {
            return argb;
        }
        return (a << 24) | ((red(argb) * a + 127) / 255 << 16) | ((green(argb) * a + 127) / 255 << 8)
                | (blue(argb) * a + 127) / 255;
    }

    /** Un-premultiplies a premultiplied pixel. */
    public static int unpremultiply(int pre) {
        int a = pre >>> 24;
        if (a == 255 || a == 0) {
            return a == 0 ? 0 : pre;
        }
        return (a << 24) | (Math.min(255, (((pre >> 16) & 0xFF) * 255 + a / 2) / a) << 16)
                | (Math.min(255, (((pre >> 8) & 0xFF) * 255 + a / 2) / a) << 8)
                | Math.min(255, ((pre & 0xFF) * 255 + a / 2) / a);
    }

    /** CSS-style {@code #rrggbb} text (alpha dropped). */
    public static String hex(int argb) {
        return String.format("#%06x", argb & 0xFFFFFF);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
