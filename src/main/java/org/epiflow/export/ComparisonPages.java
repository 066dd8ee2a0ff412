package org.epiflow.export;

import org.epiflow.data.DayRange;
import org.epiflow.data.Direction;
import org.epiflow.data.FlowSet;
import org.epiflow.data.FlowSpec;
import org.epiflow.data.compare.BaselinePeriod;
import org.epiflow.data.compare.Comparison;
import org.epiflow.data.compare.ComparisonException;
import org.epiflow.map.ChoroplethLayer;
import org.epiflow.map.DivergingScale;
import org.epiflow.map.FlowMeasure;
import org.epiflow.map.FlowScale;
import org.epiflow.map.FlowValues;
import org.epiflow.map.Language;
import org.epiflow.map.MapComparison;
import org.epiflow.map.NodeValues;
import org.epiflow.map.SymbolMeasure;
import org.epiflow.model.Period;
import org.epiflow.text.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * The comparison side of an export: for a range of days, the {@link Comparison} the options ask for (baseline
 * aligned, groups as one node, per-capita denominators) and its {@link MapComparison}; the baseline text of the
 * footer. Failures are {@link IllegalArgumentException}s whose cause is the localized {@link ComparisonException}.
 */
public final class ComparisonPages {
    private ComparisonPages() {
    }

    /** The baseline aligned with the whole exported range, or null without a baseline. */
    public static BaselinePeriod align(ExportSource src, ExportOptions o, DayRange range) {
        ExportBaseline b = o.baseline();
        if (b == null) {
            return null;
        }
        Period period = src.data().info().period();
        try {
            return BaselinePeriod.align(new Period(period.day(range.first()), period.day(range.last())),
                    new Period(b.from(), b.to()), b.alignment());
        } catch (ComparisonException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The baseline of one page's days, shifted as the whole range's was. */
    static BaselinePeriod forPage(BaselinePeriod whole, Period period, DayRange r) {
        if (whole == null) {
            return null;
        }
        Period p = new Period(period.day(r.first()), period.day(r.last()));
        Period b = new Period(whole.baselineDay(p.start()), whole.baselineDay(p.end()));
        return new BaselinePeriod(p, b, whole.requested(), whole.alignment());
    }

    /** The comparison of the days {@code r} as the options ask. */
    public static Comparison comparison(ExportSource src, ExportOptions o, DayRange r, BaselinePeriod whole) {
        ExportBaseline b = o.baseline();
        try {
            return Comparison.of(src.data(), r, b == null ? null : b.data(),
                    forPage(whole, src.data().info().period(), r), o.groups(), o.provinces(), o.perCapita());
        } catch (ComparisonException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The region-table indexes of the focus (a region, a province, or a group's members). */
    static int[] focus(ExportSource src, ExportOptions o) {
        java.util.LinkedHashSet<Integer> all = new java.util.LinkedHashSet<>();
        List<String> plain = new java.util.ArrayList<>();
        for (String code : o.focusRegions()) {
            var g = o.groups().stream().filter(x -> x.name().equals(code)).findFirst();
            if (g.isPresent()) {
                g.get().codes().stream().mapToInt(c -> src.data().regions().indexOf(c)).filter(i -> i >= 0)
                        .forEach(all::add);
            } else {
                plain.add(code);
            }
        }
        for (int i : MapPages.focus(src, o.copy().focusRegions(plain))) {
            all.add(i);
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The flows of a comparison's period as the options filter them (top N, minimum, focus and direction). */
    static FlowSet flows(Comparison c, ExportSource src, ExportOptions o) {
        FlowSpec spec = FlowSpec.range(c.days()).withTopN(o.topN()).withMinVolume(o.minVolume());
        int[] focus = focus(src, o);
        if (focus.length > 0) {
            spec = spec.withSelection(o.direction(), focus);
        }
        return c.flows(spec);
    }

    /** Which pairs a focus keeps, on the comparison's nodes. */
    static FlowValues.PairFilter filter(Comparison c, ExportSource src, ExportOptions o) {
        int[] focus = focus(src, o);
        if (focus.length == 0) {
            return FlowValues.PairFilter.ALL;
        }
        boolean[] sel = new boolean[c.nodes().size()];
        for (int r : focus) {
            sel[c.nodes().nodeOfRegion(r)] = true;
        }
        Direction d = o.direction();
        return (a, b) -> switch (d) {
            case ALL -> true;
            case INCOMING -> sel[b];
            case OUTGOING -> sel[a];
            case BOTH -> sel[a] || sel[b];
            case BETWEEN -> sel[a] && sel[b];
        };
    }

    /** The map of a comparison (null when the options only group: plain flows over the grouped nodes). */
    static MapComparison map(Comparison c, ExportSource src, ExportOptions o) {
        if (o.baseline() == null && !o.perCapita()) {
            return null;
        }
        FlowMeasure m = o.baseline() == null ? FlowMeasure.TRIPS : o.baseline().measure();
        return MapComparison.of(c, m, filter(c, src, o), o.topN(), SymbolMeasure.TOTAL,
                o.direction() == Direction.INCOMING && o.focusRegion() != null);
    }

    /** Locks the scales of every page's comparison to the largest values of them all. */
    static List<MapComparison> lock(List<MapComparison> maps) {
        if (maps.size() == 1) {
            return maps;
        }
        org.epiflow.map.FlowMeasure measure = maps.get(0).measure();
        boolean pct = measure == org.epiflow.map.FlowMeasure.CHANGE_PERCENT;
        java.util.stream.DoubleStream.Builder arcs = java.util.stream.DoubleStream.builder();
        java.util.stream.DoubleStream.Builder places = java.util.stream.DoubleStream.builder();
        for (MapComparison m : maps) {
            for (double v : m.flows().shownValues()) {
                arcs.add(v);
            }
            if (m.places() != null) {
                for (double v : m.places().shownValues()) {
                    places.add(v);
                }
            }
        }
        DivergingScale a = DivergingScale.fitted(arcs.build().toArray(), pct);
        DivergingScale p = DivergingScale.fitted(places.build().toArray(), pct);
        List<MapComparison> out = new ArrayList<>();
        for (MapComparison m : maps) {
            out.add(m.withScales(a, p));
        }
        return out;
    }

    /** One width scale over every page's arcs, locked. */
    static FlowScale widthScale(List<MapComparison> maps) {
        long min = Long.MAX_VALUE, max = 0;
        for (MapComparison m : maps) {
            FlowSet a = m.flows().arcs();
            if (a.size() > 0) {
                min = Math.min(min, a.minVolume());
                max = Math.max(max, a.maxVolume());
            }
        }
        return max == 0 ? null : FlowScale.locked(Math.max(1, min), max, FlowScale.Type.SQRT);
    }

    /** The heatmap of a comparison page: the places' values, diverging for a change, hatched without a figure. */
    static ExportHeatmap heatmap(MapComparison m, Language lang) {
        NodeValues v = m.places();
        String title = PageText.of(lang, Message.of("export.compare.heatmap", Message.of(m.measure().messageKey())));
        List<ExportHeatmap.Row> rows = new ArrayList<>();
        ChoroplethLayer layer;
        if (m.measure().diverging()) {
            DivergingScale s = m.placeScale();
            layer = s.choropleth(title, v.shownByCode(), v.marksByCode());
            List<String> labels = s.labels(lang);
            int[] colors = DivergingScale.areaColors();
            for (int i = 0; i < labels.size(); i++) {
                rows.add(ExportHeatmap.Row.of(PageText.localizeRange(lang, labels.get(i)),
                        colors[colors.length - 1 - i]));
            }
        } else {
            ChoroplethLayer q = ChoroplethLayer.quantiles(title, v.shownByCode(), 5);
            layer = q.withMarks(v.marksByCode());
            rows.addAll(MapPages.legendRows(q, lang));
        }
        if (!v.marksByCode().isEmpty()) {
            rows.add(new ExportHeatmap.Row(PageText.of(lang, Message.of("export.compare.notPublished",
                    m.flows().k())), ChoroplethLayer.NO_VALUE_FILL, true));
        }
        return new ExportHeatmap(layer, rows, "");
    }

    /** The footer's words about the baseline: "baseline 2020-01-18 – 2020-01-24, aligned by weekday" (or empty). */
    public static String baselineText(Language lang, BaselinePeriod b, ExportBaseline eb) {
        if (b == null) {
            return "";
        }
        String s = PageText.of(lang, b.describe());
        if (eb != null && eb.bundleId() != null) {
            s += PageText.of(lang, Message.of("export.compare.otherBundle", eb.bundleId(),
                    eb.fingerprint() == null ? "" : eb.fingerprint()));
        }
        return s;
    }
}
