package org.epiflow.map;

import org.epiflow.data.FlowSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps a flow volume to a width and a colour. The domain is either taken from the data being shown ({@link #auto}; a
 * {@link MapScene} fits an unlocked scale to the flows on its screen, {@link #inView}) or
 * <b>locked</b> ({@link #locked}, {@link #lock()}) so that two dates drawn with the same scale compare honestly: a
 * volume gets the same width and colour whatever else is on the map. Volumes outside a locked domain are clamped (the
 * legend says "≥ max"). Colour classes use rounded ("nice") break values, and classification uses exactly those
 * breaks, so the legend tells the truth. Immutable.
 */
public final class FlowScale {
    /** How volumes are spread over the width range. */
    public enum Type { LINEAR, SQRT, LOG }

    private final long min;
    private final long max;
    private final Type type;
    private final boolean locked;

    private FlowScale(long min, long max, Type type, boolean locked) {
        this.min = Math.max(1, Math.min(min, max));
        this.max = Math.max(this.min, max);
        this.type = type;
        this.locked = locked;
    }

    /** A scale fitted to the flows shown (min … max of the set; k … k when empty). */
    public static FlowScale auto(FlowSet flows, Type type) {
        long lo = flows.size() == 0 ? flows.k() : flows.minVolume();
        long hi = flows.size() == 0 ? flows.k() : flows.maxVolume();
        return new FlowScale(lo, hi, type, false);
    }

    /**
     * A scale fitted to the flows on screen: those whose ends' box meets the viewport (all flows, when none does).
     * Widths and colours then compare the flows the analyst sees, as flowmap.gl's adaptive scales do; the legend is
     * made from the same scale, and {@link #lock()} fixes it for comparing views.
     */
    public static FlowScale inView(FlowSet flows, NodePositions pos, MapViewport v, Type type) {
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (int i = 0; i < flows.size(); i++) {
            int o = flows.origin(i), d = flows.destination(i);
            double x0 = v.toScreenX(pos.x(o)), y0 = v.toScreenY(pos.y(o));
            double x1 = v.toScreenX(pos.x(d)), y1 = v.toScreenY(pos.y(d));
            if (Math.max(x0, x1) < 0 || Math.max(y0, y1) < 0 || Math.min(x0, x1) > v.width()
                    || Math.min(y0, y1) > v.height()) {
                continue;
            }
            long vol = flows.volume(i);
            lo = Math.min(lo, vol);
            hi = Math.max(hi, vol);
        }
        return hi < lo ? auto(flows, type) : new FlowScale(lo, hi, type, false);
    }

    /** A fixed domain, e.g. the maximum over the whole period, to compare dates. */
    public static FlowScale locked(long min, long max, Type type) {
        return new FlowScale(min, max, type, true);
    }

    /** This domain, locked. */
    public FlowScale lock() {
        return new FlowScale(min, max, type, true);
    }

    /** If locked, this scale; else a scale fitted to {@code flows}. */
    public FlowScale update(FlowSet flows) {
        return locked ? this : auto(flows, type);
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    public Type type() {
        return type;
    }

    public boolean isLocked() {
        return locked;
    }

    /** Position of a volume in the domain, 0–1 (clamped). */
    public double t(double volume) {
        if (max == min) {
            return volume >= max ? 1 : 0;
        }
        double v = Math.max(min, Math.min(max, volume));
        return switch (type) {
            case LINEAR -> (v - min) / (max - min);
            case SQRT -> (Math.sqrt(v) - Math.sqrt(min)) / (Math.sqrt(max) - Math.sqrt(min));
            case LOG -> Math.log(v / min) / Math.log((double) max / min);
        };
    }

    /** Inverse of {@link #t}. */
    public double volumeAt(double t) {
        t = Math.max(0, Math.min(1, t));
        return switch (type) {
            case LINEAR -> min + t * (max - min);
            case SQRT -> {
                double s = Math.sqrt(min) + t * (Math.sqrt(max) - Math.sqrt(min));
                yield s * s;
            }
            case LOG -> min * Math.pow((double) max / min, t);
        };
    }

    /** Width in pixels. */
    public double width(double volume, FlowStyle style) {
        return style.minWidth() + (style.maxWidth() - style.minWidth()) * t(volume);
    }

    /** Colour (ARGB): the class colour when the style has classes, else the continuous ramp. */
    public int color(double volume, FlowStyle style) {
        int n = style.classes();
        if (n > 0) {
            long[] b = breaks(n);
            int c = 0;
            while (c < b.length && volume >= b[c]) {
                c++;
            }
            return rampAt(style, n == 1 ? 1 : (double) c / (n - 1));
        }
        return rampAt(style, t(volume));
    }

    static int rampAt(FlowStyle style, double t) {
        int m = style.rampSize() - 1;
        double x = Math.max(0, Math.min(1, t)) * m;
        int i = Math.min(m - 1, (int) Math.floor(x));
        return Argb.lerp(style.rampColor(i), style.rampColor(i + 1), x - i);
    }

    /** The {@code classes − 1} interior class breaks, rounded to two significant digits, strictly increasing. */
    public long[] breaks(int classes) {
        List<Long> out = new ArrayList<>();
        long prev = min;
        for (int i = 1; i < classes; i++) {
            long b = nice(volumeAt((double) i / classes));
            if (b > prev && b <= max) {
                out.add(b);
                prev = b;
            }
        }
        long[] r = new long[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }

    /** Rounds to two significant digits. */
    static long nice(double v) {
        if (v < 10) {
            return Math.round(v);
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        return Math.round(Math.round(v / p) * p);
    }

    /** Formats a volume for legends: grouped digits in English, 万 units from 10,000 in Chinese. */
    public static String format(long v, Language lang) {
        if (lang == Language.ZH && v >= 10_000) {
            double w = v / 10_000.0;
            return (w >= 100 ? String.format(Locale.ROOT, "%.0f", w) : String.format(Locale.ROOT, "%.3g", w)
                    .replaceAll("\\.?0+$", "")) + "万";
        }
        return String.format(Locale.ENGLISH, "%,d", v);
    }

    @Override
    public String toString() {
        return "FlowScale[" + min + ".." + max + ", " + type + (locked ? ", locked" : "") + "]";
    }
}
