package org.epiflow.map;

import org.epiflow.text.Message;
import org.epiflow.text.Texts;

import java.util.ArrayList;
import java.util.List;

/**
 * What a legend shows, for the screen and for exports alike: a title, flow classes (colour + width + label), symbol
 * sizes, and notes (suppression threshold, the basemap disclaimer). Backends only lay it out.
 *
 * @param title      e.g. "Trips per day"
 * @param flows      flow classes from small to large
 * @param symbols    location-total circle sizes from small to large
 * @param notes      lines of small print: how to read an arc's direction, the suppression threshold, "scale locked",
 *                   the boundary note
 * @param locked     whether the flow scale is locked
 */
public record Legend(String title, List<Entry> flows, List<Entry> symbols, List<String> notes, boolean locked) {
    public Legend {
        flows = List.copyOf(flows);
        symbols = List.copyOf(symbols);
        notes = List.copyOf(notes);
    }

    /**
     * One legend row.
     *
     * @param label text, e.g. "1,000 – 5,000"
     * @param color ARGB
     * @param size  line width (flows) or circle radius (symbols), pixels
     * @param dashed whether the swatch is drawn dashed (arcs without a figure, or whose inputs include an
     *               unpublished cell)
     */
    public record Entry(String label, int color, double size, boolean dashed) {
        public Entry(String label, int color, double size) {
            this(label, color, size, false);
        }
    }

    /** The small print about the boundaries: illustrative (bundled) or the official source a bureau loaded. */
    public static String boundaryNote(Language lang, String officialBoundaries) {
        return officialBoundaries == null ? lang.texts().get("map.legend.illustrative")
                : lang.texts().get("map.legend.official", officialBoundaries);
    }

    /** How to read an arc's direction (its taper and its bend), in the legend's language. */
    public static String directionNote(Language lang) {
        return Texts.of(lang == Language.ZH ? Texts.CHINESE : Texts.ENGLISH)
                .format(Message.of("map.legend.direction"));
    }

    /** Builds the legend of a scene's flow scale and style. */
    public static Legend of(FlowScale scale, FlowStyle style, long maxTotal, double maxRadius, int symbolColor,
                            int k, Language lang, boolean daily) {
        return of(scale, style, maxTotal, maxRadius, symbolColor, k, lang, daily, null);
    }

    /**
     * As {@link #of(FlowScale, FlowStyle, long, double, int, int, Language, boolean)}, naming the official boundary
     * source when a bureau loaded its own (null: the bundled illustrative boundaries, which the legend says).
     */
    public static Legend of(FlowScale scale, FlowStyle style, long maxTotal, double maxRadius, int symbolColor,
                            int k, Language lang, boolean daily, String officialBoundaries) {
        org.epiflow.text.Texts t = lang.texts();
        List<Entry> flows = new ArrayList<>();
        int n = Math.max(1, style.classes() > 0 ? style.classes() : 4);
        long[] b = scale.breaks(n);
        long lo = scale.min();
        for (int i = 0; i <= b.length; i++) {
            long from = i == 0 ? lo : b[i - 1];
            String label;
            if (b.length == 0) {
                label = FlowScale.format(scale.min(), lang) + (scale.max() > scale.min() ? " – "
                        + FlowScale.format(scale.max(), lang) : "");
            } else if (i == 0) {
                label = "< " + FlowScale.format(b[0], lang);
            } else if (i == b.length) {
                label = "≥ " + FlowScale.format(from, lang);
            } else {
                label = FlowScale.format(from, lang) + " – " + FlowScale.format(b[i], lang);
            }
            double rep = i == b.length ? scale.max() : Math.sqrt((double) Math.max(1, from) * b[i]);
            if (i == 0 && b.length > 0) {
                rep = Math.sqrt((double) lo * b[0]);
            }
            flows.add(new Entry(label, scale.color(i == 0 ? lo : from, style), scale.width(rep, style)));
        }
        List<Entry> symbols = new ArrayList<>();
        if (maxTotal > 0) {
            for (double f : new double[] {0.1, 0.4, 1.0}) {
                long v = FlowScale.nice(maxTotal * f);
                if (v > 0) {
                    symbols.add(new Entry(FlowScale.format(v, lang), symbolColor,
                            maxRadius * Math.sqrt((double) v / maxTotal)));
                }
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(directionNote(lang));
        notes.add(t.get("map.legend.suppressed", k));
        if (scale.isLocked()) {
            notes.add(t.get("map.legend.locked"));
        }
        notes.add(boundaryNote(lang, officialBoundaries));
        String title = t.get(daily ? "map.legend.title.daily" : "map.legend.title.total");
        return new Legend(title, flows, symbols, notes, scale.isLocked());
    }
}
