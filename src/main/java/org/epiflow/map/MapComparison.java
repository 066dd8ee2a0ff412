package org.epiflow.map;

import org.epiflow.data.compare.BaselinePeriod;
import org.epiflow.data.compare.PerCapita;
import org.epiflow.text.Message;
import org.epiflow.text.Texts;

import java.util.ArrayList;
import java.util.List;

/**
 * What a comparison or per-capita map shows, carried by a {@link MapScene} ({@link MapScene.Builder#comparison}) so
 * that every backend draws it the same way: the arcs' values ({@link FlowValues}), the places' values
 * ({@link NodeValues}, sizing and colouring the circles; may be null), the measure, the locked symmetric
 * {@link DivergingScale}s of changes (arcs and places), the baseline and its alignment, where the per-capita
 * denominators came from, and the region groups shown as one node. {@link #legend} says all of it.
 *
 * @param measure        what is shown
 * @param flows          the arcs' values
 * @param places         the circles' values (null: circles as usual, from the arcs' totals)
 * @param arcScale       the locked diverging scale of the arcs' colours (used when the measure is a change)
 * @param placeScale     the locked diverging scale of the circles' colours (null: {@code arcScale})
 * @param baseline       the baseline and alignment (null: no baseline, e.g. per-capita alone)
 * @param perCapita      where the residents came from (null: absolute trips)
 * @param groups         names of the region groups drawn as one node (may be empty)
 */
public record MapComparison(FlowMeasure measure, FlowValues flows, NodeValues places, DivergingScale arcScale,
                            DivergingScale placeScale, BaselinePeriod baseline, PerCapita.Source perCapita,
                            List<String> groups) {
    /** Grey of arcs and circles without a figure ("not published", change below k). */
    public static final int NO_FIGURE_LIGHT = 0xFFA8A8A8;
    public static final int NO_FIGURE_DARK = 0xFF7A7A7A;
    /** Gaps of dashed arcs: pixels on, pixels off along the centre line. */
    public static final double DASH_ON = 7;
    public static final double DASH_OFF = 4;

    public MapComparison {
        java.util.Objects.requireNonNull(measure, "measure");
        java.util.Objects.requireNonNull(flows, "flows");
        if (measure.needsBaseline() && baseline == null) {
            throw new IllegalArgumentException(measure + " needs a baseline");
        }
        if (arcScale == null) {
            arcScale = DivergingScale.fitted(flows.shownValues(), measure == FlowMeasure.CHANGE_PERCENT);
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /**
     * A comparison with its scales fitted to its own values (lock them across pages with
     * {@link #withScales}).
     */
    public static MapComparison of(FlowMeasure measure, FlowValues flows, NodeValues places, BaselinePeriod baseline,
                                   PerCapita.Source perCapita, List<String> groups) {
        DivergingScale a = DivergingScale.fitted(flows.shownValues(), measure == FlowMeasure.CHANGE_PERCENT);
        DivergingScale p = places == null ? null
                : DivergingScale.fitted(places.shownValues(), measure == FlowMeasure.CHANGE_PERCENT);
        return new MapComparison(measure, flows, places, a, p, baseline, perCapita, groups);
    }

    /**
     * The map of a {@link org.epiflow.data.compare.Comparison} as {@code measure}: its arcs ({@code keep}, the
     * {@code topN} of largest magnitude; per 1,000 residents of the origin, of the destination with
     * {@code inflows}, when it has denominators), its places' totals ({@code which}) and its groups; scales fitted
     * to it. Without a baseline the measure must be {@link FlowMeasure#TRIPS} (a per-capita view).
     */
    public static MapComparison of(org.epiflow.data.compare.Comparison c, FlowMeasure measure,
                                   FlowValues.PairFilter keep, int topN, SymbolMeasure which, boolean inflows) {
        FlowValues f;
        if (c.difference() != null) {
            f = FlowValues.compare(c.difference(), measure, c.perCapita(), inflows, keep, topN);
        } else {
            if (measure != FlowMeasure.TRIPS) {
                throw new IllegalArgumentException(measure + " needs a baseline");
            }
            if (c.perCapita() == null) {
                throw new IllegalArgumentException("neither a baseline nor per-capita: draw the flows as they are");
            }
            org.epiflow.data.FlowSet all = c.flows(org.epiflow.data.FlowSpec.range(c.days()));
            f = FlowValues.perCapita(filter(all, keep), c.perCapita(), inflows, topN);
        }
        NodeValues places = NodeValues.of(c.totals(), c.baselineTotals(), which, measure, c.perCapita());
        return of(measure, f, places, c.baseline(), c.perCapita() == null ? null : c.perCapita().source(),
                c.groups().stream().map(org.epiflow.data.RegionGroup::name).toList());
    }

    private static org.epiflow.data.FlowSet filter(org.epiflow.data.FlowSet s, FlowValues.PairFilter keep) {
        int n = 0;
        int[] o = new int[s.size()], d = new int[s.size()];
        long[] v = new long[s.size()];
        for (int i = 0; i < s.size(); i++) {
            if (keep.keep(s.origin(i), s.destination(i))) {
                o[n] = s.origin(i);
                d[n] = s.destination(i);
                v[n++] = s.volume(i);
            }
        }
        return org.epiflow.data.FlowSet.of(s.nodes(), java.util.Arrays.copyOf(o, n), java.util.Arrays.copyOf(d, n),
                java.util.Arrays.copyOf(v, n), s.k());
    }

    /** A locked scale for a measure: percent or absolute. */
    public static DivergingScale scaleFor(FlowMeasure measure, double maxAbs) {
        return measure == FlowMeasure.CHANGE_PERCENT ? DivergingScale.lockedPercent(maxAbs)
                : DivergingScale.locked(maxAbs);
    }

    /** The same comparison drawn with other (locked) scales, e.g. shared by every page of an export. */
    public MapComparison withScales(DivergingScale arcs, DivergingScale places) {
        return new MapComparison(measure, flows, this.places, arcs, places, baseline, perCapita, groups);
    }

    public DivergingScale placeScale() {
        return placeScale != null ? placeScale : arcScale;
    }

    static boolean dark(MapStyle style) {
        int bg = style.background();
        return (Argb.red(bg) * 299 + Argb.green(bg) * 587 + Argb.blue(bg) * 114) / 1000 < 128;
    }

    /** The grey of things without a figure in this style. */
    public static int noFigure(MapStyle style) {
        return dark(style) ? NO_FIGURE_DARK : NO_FIGURE_LIGHT;
    }

    /**
     * The colour of arc {@code i} (index into {@link FlowValues#arcs()}): the diverging class of a change, the
     * sequential colour {@code scaleColor} of a figure, grey without a figure.
     */
    public int arcColor(int i, int scaleColor, MapStyle style) {
        if (flows.state(i) != FlowValues.State.SHOWN) {
            return noFigure(style);
        }
        return measure.diverging() ? arcScale.arcColor(flows.value(i), dark(style)) : scaleColor;
    }

    /** Whether arc {@code i} is drawn dashed: no figure, or a change whose inputs include an unpublished cell. */
    public boolean dashed(int i) {
        return flows.state(i) != FlowValues.State.SHOWN || flows.marked(i);
    }

    /** The legend of a scene showing this comparison. */
    public Legend legend(MapScene scene) {
        Language lang = scene.language();
        Texts t = lang.texts();
        MapStyle style = scene.style();
        FlowStyle fs = scene.flowStyle();
        FlowScale width = scene.scale();
        boolean dark = dark(style);
        List<Legend.Entry> rows = new ArrayList<>();
        String unit = perCapita != null ? " " + t.get("map.compare.unit.per1000") : "";
        if (measure.diverging()) {
            List<String> labels = arcScale.labels(lang);
            double[] b = arcScale.breaks();
            // a representative width per class: from the size of the change (absolute measure) or the middle width
            for (int c = DivergingScale.CLASSES - 1; c >= 0; c--) {
                double w = fs.minWidth() + (fs.maxWidth() - fs.minWidth()) * 0.4;
                if (measure == FlowMeasure.CHANGE && perCapita == null) {
                    double rep = c == 3 ? b[3] / 2 : c > 3 ? Math.abs(b[Math.min(5, c)]) : Math.abs(b[Math.max(0,
                            c - 1)]);
                    w = width.width(rep * FlowValues.UNITS, fs);
                }
                rows.add(new Legend.Entry(labels.get(DivergingScale.CLASSES - 1 - c) + unit,
                        DivergingScale.arcClassColor(c, dark), w));
            }
        } else {
            // figures: the usual sequential classes of the width scale, in the measure's unit
            long[] br = width.breaks(Math.max(1, fs.classes() > 0 ? fs.classes() : 4));
            for (int i = 0; i <= br.length; i++) {
                double from = i == 0 ? width.min() : br[i - 1];
                String label = br.length == 0 ? fmt(width.min(), lang) + " – " + fmt(width.max(), lang)
                        : i == 0 ? "< " + fmt(br[0], lang) : i == br.length ? "≥ " + fmt(from, lang)
                        : fmt(from, lang) + " – " + fmt(br[i], lang);
                double rep = i == br.length ? width.max() : i == 0 ? Math.sqrt(width.min() * (double) br[0])
                        : Math.sqrt(from * br[i]);
                rows.add(new Legend.Entry(label + unit, width.color(i == 0 ? width.min() : from, fs),
                        width.width(rep, fs)));
            }
        }
        if (flows.any(FlowValues.State.NOT_PUBLISHED) || flows.any(FlowValues.State.SUPPRESSED)) {
            rows.add(new Legend.Entry(t.get("map.compare.legend.noFigure", flows.k()), noFigure(style),
                    fs.minWidth() + 1, true));
        }
        if (flows.anyMarked()) {
            rows.add(new Legend.Entry(t.get("map.compare.legend.dashed"), DivergingScale.arcClassColor(5, dark),
                    fs.minWidth() + (fs.maxWidth() - fs.minWidth()) * 0.4, true));
        }
        List<Legend.Entry> symbols = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (baseline != null) {
            notes.add(t.format(Message.of("map.compare.legend.period", baseline.period().start(),
                    baseline.period().end())));
            notes.add(t.format(baseline.describe()));
        }
        if (measure.diverging()) {
            notes.add(t.get(measure == FlowMeasure.CHANGE_PERCENT ? "map.compare.legend.widthPercent"
                    : "map.compare.legend.width"));
            notes.add(t.get("map.compare.legend.scale"));
        }
        if (perCapita != null) {
            notes.add(t.get("map.compare.legend.perCapita"));
            notes.add(t.format(Message.of(perCapita.messageKey())));
        }
        for (String g : groups) {
            notes.add(t.get("map.compare.legend.group", g));
        }
        notes.add(Legend.directionNote(lang));
        notes.add(t.get("map.legend.suppressed", flows.k()));
        if (width.isLocked()) {
            notes.add(t.get("map.legend.locked"));
        }
        notes.add(Legend.boundaryNote(lang, scene.basemap() == null ? null
                : scene.basemap().basemap().officialSource().orElse(null)));
        String title = t.format(Message.of(perCapita != null ? "map.compare.title.perCapita"
                : "map.compare.title", Message.of(measure.messageKey())));
        return new Legend(title, rows, symbols, notes, true);
    }

    private String fmt(double volume, Language lang) {
        if (perCapita == null) {
            return FlowScale.format(Math.round(volume / FlowValues.UNITS), lang);
        }
        return DivergingScale.locked(1).format(volume / FlowValues.UNITS, lang, false);
    }
}
