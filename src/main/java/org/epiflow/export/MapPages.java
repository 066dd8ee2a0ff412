package org.epiflow.export;

import org.epiflow.data.DayRange;
import org.epiflow.data.FlowNodes;
import org.epiflow.data.FlowQuery;
import org.epiflow.data.FlowSet;
import org.epiflow.data.FlowSpec;
import org.epiflow.data.LocationTotals;
import org.epiflow.export.layout.PrintLayout;
import org.epiflow.map.ChoroplethLayer;
import org.epiflow.map.FlowScale;
import org.epiflow.map.Language;
import org.epiflow.map.Legend;
import org.epiflow.map.MapScene;
import org.epiflow.map.MapViewport;
import org.epiflow.map.SymbolMeasure;
import org.epiflow.map.geo.LevelOfDetail;
import org.epiflow.map.geo.Region;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Period;
import org.epiflow.text.Message;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link MapPage}s of a map export: one for a date or a summed period, or one per day (GIF frames,
 * slides). Pages of one export share a locked flow scale, symbol domain and heatmap breaks, so widths and colours
 * compare across dates. A heatmap given with the options (the one on screen, or a risk model's) is drawn as it is on
 * every page; otherwise the heatmap layer shows trips per region, classified over all pages.
 */
public final class MapPages {
    private MapPages() {
    }

    /** The day indexes of [from, to] in the bundle, checked. */
    public static DayRange days(Period period, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        if (!period.contains(from) || !period.contains(to)) {
            throw new IllegalArgumentException("the bundle covers " + period.start() + " to " + period.end()
                    + "; " + (period.contains(from) ? to : from) + " is outside it");
        }
        return DayRange.of((int) (from.toEpochDay() - period.start().toEpochDay()),
                (int) (to.toEpochDay() - period.start().toEpochDay()));
    }

    /**
     * The region-table indexes a focus code stands for: the region, or every region of a province (a selection made
     * while flows are rolled up); empty when the bundle has no such region or province.
     */
    public static int[] focusIndexes(AggregateDataset data, String code) {
        int i = data.regions().indexOf(code);
        if (i >= 0) {
            return new int[] {i};
        }
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < data.regions().size(); r++) {
            if (code.equals(FlowNodes.provinceCodeOf(data.regions().get(r)))) {
                out.add(r);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The focus indexes of the options, checked: a focus code the bundle does not have is refused. */
    static int[] focus(ExportSource src, ExportOptions o) {
        java.util.LinkedHashSet<Integer> all = new java.util.LinkedHashSet<>();
        for (String code : o.focusRegions()) {
            int[] f = focusIndexes(src.data(), code);
            if (f.length == 0) {
                throw new IllegalArgumentException("region " + code + " is not in the bundle");
            }
            for (int i : f) {
                all.add(i);
            }
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The pages: {@code perDay} gives one page per day of the range, otherwise one page of the range's sum.
     */
    public static List<MapPage> build(ExportSource src, ExportOptions o, DayRange range, boolean perDay,
                                      PrintLayout layout, Trace baseTrace) {
        Period period = src.data().info().period();
        FlowQuery q = new FlowQuery(src.data());
        FlowSpec spec = FlowSpec.range(range).withTopN(o.topN()).withMinVolume(o.minVolume())
                .withProvinces(o.provinces());
        int[] focus = focus(src, o);
        if (focus.length > 0) {
            spec = spec.withSelection(o.direction(), focus);
        }
        List<DayRange> ranges = new ArrayList<>();
        if (perDay) {
            for (int d = range.first(); d <= range.last(); d++) {
                ranges.add(DayRange.of(d));
            }
        } else {
            ranges.add(range);
        }
        List<FlowSet> sets = new ArrayList<>();
        List<org.epiflow.map.MapComparison> maps = new ArrayList<>();
        org.epiflow.data.compare.BaselinePeriod whole = ComparisonPages.align(src, o, range);
        long min = Long.MAX_VALUE, max = 0, maxTotal = 0;
        for (DayRange r : ranges) {
            FlowSet s;
            if (o.compares()) {
                var c = ComparisonPages.comparison(src, o, r, whole);
                var mc = ComparisonPages.map(c, src, o);
                if (mc != null) {
                    maps.add(mc);
                }
                s = mc != null ? mc.flows().arcs() : ComparisonPages.flows(c, src, o);
            } else {
                s = q.run(spec.withDays(r));
            }
            sets.add(s);
            if (s.size() > 0) {
                min = Math.min(min, s.minVolume());
                max = Math.max(max, s.maxVolume());
            }
            maxTotal = Math.max(maxTotal, s.totals().maxTotal());
        }
        if (!maps.isEmpty()) {
            maps = ComparisonPages.lock(maps);
        }
        FlowScale scale = o.flowScale();
        if (scale == null || !maps.isEmpty()) {
            scale = max == 0 ? null : FlowScale.locked(Math.max(1, min), max, FlowScale.Type.SQRT);
            if (scale != null && sets.size() == 1 && maps.isEmpty()) {
                scale = FlowScale.auto(sets.get(0), FlowScale.Type.SQRT);
            }
        }
        Language lang = o.language();
        MapViewport viewport = viewport(src, o, layout);
        ExportHeatmap[] heat = heatmaps(o, sets, lang);
        if (!maps.isEmpty() && o.heatmap() == null && o.layers().contains(ExportLayer.HEATMAP)) {
            for (int i = 0; i < heat.length; i++) {
                heat[i] = ComparisonPages.heatmap(maps.get(i), lang);
            }
        }
        List<MapPage> pages = new ArrayList<>();
        MapScene prev = null;
        for (int i = 0; i < sets.size(); i++) {
            FlowSet s = sets.get(i);
            DayRange r = ranges.get(i);
            ExportHeatmap hm = heat[i];
            MapScene.Builder b = prev != null ? prev.toBuilder().flows(s)
                    : MapScene.builder(src.basemap(), viewport).style(o.style()).language(lang)
                    .layers(ExportLayer.mapLayers(o.layers())).sceneLayers(ExportLayer.sceneLayers(o.layers()))
                    .flows(s)
                    .symbols(SymbolMeasure.TOTAL, sets.size() > 1 ? maxTotal : 0)
                    .selected(Set.copyOf(o.focusRegions()));
            b.heatmap(hm == null ? null : hm.layer());
            // a risk heatmap alone: the flow comparison is not drawn, so neither is its legend
            boolean heatmapAlone = o.heatmap() != null && !o.layers().contains(ExportLayer.FLOWS)
                    && !o.layers().contains(ExportLayer.SYMBOLS);
            b.comparison(maps.isEmpty() || heatmapAlone ? null : maps.get(i));
            if (scale != null) {
                b.scale(scale);
            }
            MapScene scene = b.build();
            prev = scene;
            String when = periodText(lang, period, r);
            String title = o.title() != null ? o.title() : defaultTitle(lang, when, src, o);
            String subtitle = o.subtitle() != null ? o.subtitle() : defaultSubtitle(lang, src, o);
            String base = ComparisonPages.baselineText(lang, ComparisonPages.forPage(whole, period, r), o.baseline());
            Trace t = baseTrace.withTitle(title).withPeriod(base.isEmpty() ? when : when + " · " + base);
            boolean flowsShown = o.layers().contains(ExportLayer.FLOWS) || o.layers().contains(ExportLayer.SYMBOLS);
            pages.add(new MapPage(scene, hm, title, subtitle, periodLine(lang, r, when)
                    + (base.isEmpty() ? "" : " · " + base),
                    flowsShown ? flowsLine(lang, s) : "", t, lang));
        }
        return pages;
    }

    /** The heatmap of each page: the one given, else trips per region (breaks over all pages), else none. */
    private static ExportHeatmap[] heatmaps(ExportOptions o, List<FlowSet> sets, Language lang) {
        ExportHeatmap[] out = new ExportHeatmap[sets.size()];
        if (!o.layers().contains(ExportLayer.HEATMAP)) {
            return out;
        }
        if (o.heatmap() != null) {
            java.util.Arrays.fill(out, o.heatmap());
            return out;
        }
        List<Map<String, Double>> values = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (FlowSet s : sets) {
            Map<String, Double> m = tripsPerRegion(s);
            values.add(m);
            all.addAll(m.values());
        }
        double[] breaks = ChoroplethLayer.quantileBreaks(all.stream().mapToDouble(Double::doubleValue).toArray(), 5);
        int[] colors = ChoroplethLayer.yellowOrangeRed(breaks.length + 1);
        String title = PageText.of(lang, Message.of("export.heatmap.trips"));
        for (int i = 0; i < out.length; i++) {
            ChoroplethLayer layer = new ChoroplethLayer(title, values.get(i), breaks, colors);
            out[i] = new ExportHeatmap(layer, legendRows(layer, lang), "");
        }
        return out;
    }

    /**
     * Legend rows of a layer classified here: highest class first (as the screen's heatmap legend lists them); a
     * density surface's rows as they are.
     */
    public static List<ExportHeatmap.Row> legendRows(ChoroplethLayer layer, Language lang) {
        List<ExportHeatmap.Row> rows = new ArrayList<>();
        List<Legend.Entry> entries = layer.legendEntries(lang);
        int classes = layer.surface() != null ? 0 : layer.colors().length;
        for (int i = 0; i < entries.size(); i++) {
            Legend.Entry e = entries.get(i);
            ExportHeatmap.Row r = new ExportHeatmap.Row(PageText.localizeRange(lang, e.label()), e.color(),
                    e.color() == ChoroplethLayer.HATCH);
            rows.add(i < classes ? 0 : rows.size(), r);
        }
        return rows;
    }

    private static Map<String, Double> tripsPerRegion(FlowSet s) {
        LocationTotals t = s.totals();
        FlowNodes n = t.nodes();
        Map<String, Double> m = new HashMap<>();
        for (int node = 0; node < t.size(); node++) {
            long v = t.total(node);
            if (v > 0) {
                m.put(n.code(node), (double) v);
            }
        }
        return m;
    }

    static MapViewport viewport(ExportSource src, ExportOptions o, PrintLayout layout) {
        int w = layout.frameW(), h = layout.frameH();
        if (o.extent() != null) {
            return o.extent().viewport(w, h);
        }
        if (!o.focusRegions().isEmpty() && src.basemap() != null) {
            org.locationtech.jts.geom.Envelope all = new org.locationtech.jts.geom.Envelope();
            int found = 0;
            for (String code : o.focusRegions()) {
                Optional<Region> r = src.basemap().basemap().prefectures(LevelOfDetail.NATIONAL).byCode(code);
                if (r.isEmpty()) {
                    r = src.basemap().basemap().provinces(LevelOfDetail.NATIONAL).byCode(code);
                }
                if (r.isPresent()) {
                    all.expandToInclude(org.epiflow.map.geo.AlbersEqualAreaProjection.china()
                            .forward(r.get().geometry()).getEnvelopeInternal());
                    found++;
                }
            }
            if (found == 1) {
                // the region with its surroundings: zoom to it, then out so partners nearby show
                return MapViewport.china(w, h).zoomToFit(all, 16).zoom(1 / 6.0);
            }
            if (found > 1) {
                // several places: all of them, with some room around
                return MapViewport.china(w, h).zoomToFit(all, 16).zoom(1 / 1.5);
            }
        }
        return MapViewport.china(w, h);
    }

    static String periodText(Language lang, Period p, DayRange r) {
        LocalDate a = p.day(r.first()), b = p.day(r.last());
        return r.isSingleDay() ? a.toString() : PageText.range(lang, a.toString(), b.toString());
    }

    static String periodLine(Language lang, DayRange r, String when) {
        return r.isSingleDay() ? PageText.of(lang, Message.of("export.page.date", when))
                : PageText.of(lang, Message.of("export.page.period", when, Integer.toString(r.days())));
    }

    static String defaultTitle(Language lang, String when, ExportSource src, ExportOptions o) {
        boolean heatmapOnly = o.heatmap() != null && o.layers().contains(ExportLayer.HEATMAP)
                && !o.layers().contains(ExportLayer.FLOWS);
        if ((o.baseline() != null || o.perCapita()) && !heatmapOnly) {
            Message what = Message.of(o.baseline() != null ? o.baseline().measure().messageKey()
                    : "map.compare.measure.trips");
            return PageText.of(lang, Message.of(o.perCapita() ? "export.compare.title.perCapita"
                    : "export.compare.title", what, when));
        }
        if (heatmapOnly) {
            // a risk heatmap's own title says what it shows (the change, the baseline, per 1,000 residents)
            return PageText.of(lang, Message.of("export.page.title.heatmap", o.heatmap().title(), when));
        }
        String places = placeNames(lang, src, o);
        return places.isEmpty() ? PageText.of(lang, Message.of("export.page.title.trips", when))
                : PageText.of(lang, Message.of(o.direction() == org.epiflow.data.Direction.BETWEEN
                && o.focusRegions().size() > 1 ? "export.page.title.between" : "export.page.title.region", places,
                when));
    }

    /**
     * The focus places by name in the page's language ("Wuhan, Xiaogan and Huanggang", "武汉市、孝感市和黄冈市"): a
     * region's name, a province's, or a group's; "" without a focus.
     */
    static String placeNames(Language lang, ExportSource src, ExportOptions o) {
        List<String> names = new ArrayList<>();
        for (String code : o.focusRegions()) {
            String name = code;
            int i = src.data().regions().indexOf(code);
            if (i >= 0) {
                var reg = src.data().regions().get(i);
                name = lang == Language.ZH ? reg.name() : reg.nameEn();
                name = name == null || name.isBlank() ? code : name;
            }
            names.add(name);
        }
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.get(0);
        }
        String last = names.remove(names.size() - 1);
        return PageText.of(lang, Message.of("export.page.places", String.join(lang == Language.ZH ? "、" : ", ",
                names), last));
    }

    static String defaultSubtitle(Language lang, ExportSource src, ExportOptions o) {
        String level = PageText.of(lang, Message.of(o.provinces() ? "export.page.level.provinces"
                : "export.page.level.prefectures"));
        if (o.focusRegions().size() > 1) {
            // several places: named here too (the title of a comparison does not name them)
            level = PageText.of(lang, Message.of(o.direction() == org.epiflow.data.Direction.BETWEEN
                    ? "export.page.focus.between" : "export.page.focus", placeNames(lang, src, o))) + " · " + level;
        }
        if (o.topN() > 0 && o.layers().contains(ExportLayer.FLOWS)) {
            level += " · " + PageText.of(lang, Message.of("export.page.topFlows", String.format("%,d", o.topN())));
        }
        return level;
    }

    static String flowsLine(Language lang, FlowSet s) {
        return PageText.of(lang, Message.of("export.page.flowsShown", String.format("%,d", s.size()),
                String.format("%,d", s.matchedCount())));
    }
}
