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
import org.epiflow.map.MapScene;
import org.epiflow.map.MapViewport;
import org.epiflow.map.SymbolMeasure;
import org.epiflow.map.geo.Region;
import org.epiflow.model.Period;

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
 * compare across dates.
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
     * The pages: {@code perDay} gives one page per day of the range, otherwise one page of the range's sum.
     */
    public static List<MapPage> build(ExportSource src, ExportOptions o, DayRange range, boolean perDay,
                                      PrintLayout layout, Trace baseTrace) {
        Period period = src.data().info().period();
        FlowQuery q = new FlowQuery(src.data());
        FlowSpec spec = FlowSpec.range(range).withTopN(o.topN()).withMinVolume(o.minVolume())
                .withProvinces(o.provinces());
        int focus = -1;
        if (o.focusRegion() != null) {
            focus = src.data().regions().indexOf(o.focusRegion());
            if (focus < 0) {
                throw new IllegalArgumentException("region " + o.focusRegion() + " is not in the bundle");
            }
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
        long min = Long.MAX_VALUE, max = 0, maxTotal = 0;
        for (DayRange r : ranges) {
            FlowSet s = q.run(spec.withDays(r));
            sets.add(s);
            if (s.size() > 0) {
                min = Math.min(min, s.minVolume());
                max = Math.max(max, s.maxVolume());
            }
            maxTotal = Math.max(maxTotal, s.totals().maxTotal());
        }
        FlowScale scale = max == 0 ? null : FlowScale.locked(Math.max(1, min), max, FlowScale.Type.SQRT);
        if (scale != null && sets.size() == 1) {
            scale = FlowScale.auto(sets.get(0), FlowScale.Type.SQRT);
        }
        MapViewport viewport = viewport(src, o, layout);
        Map<String, Double>[] heat = heatValues(sets);
        double[] breaks = null;
        if (o.layers().contains(ExportLayer.HEATMAP)) {
            List<Double> all = new ArrayList<>();
            for (Map<String, Double> m : heat) {
                all.addAll(m.values());
            }
            breaks = ChoroplethLayer.quantileBreaks(all.stream().mapToDouble(Double::doubleValue).toArray(), 5);
        }
        Language lang = o.language();
        List<MapPage> pages = new ArrayList<>();
        MapScene prev = null;
        for (int i = 0; i < sets.size(); i++) {
            FlowSet s = sets.get(i);
            DayRange r = ranges.get(i);
            MapScene.Builder b = prev != null ? prev.toBuilder().flows(s)
                    : MapScene.builder(src.basemap(), viewport).style(o.style()).language(lang)
                    .layers(ExportLayer.mapLayers(o.layers())).flows(s)
                    .symbols(SymbolMeasure.TOTAL, sets.size() > 1 ? maxTotal : 0)
                    .selected(o.focusRegion() == null ? Set.of() : Set.of(o.focusRegion()));
            if (scale != null) {
                b.scale(scale);
            }
            MapScene scene = b.build();
            prev = scene;
            ChoroplethLayer hm = breaks == null ? null : new ChoroplethLayer(lang.texts().get("export.heatmap.title"),
                    heat[i], breaks,
                    ChoroplethLayer.yellowOrangeRed(breaks.length + 1));
            String when = periodText(period, r, lang);
            String title = o.title() != null ? o.title() : defaultTitle(lang, when, src, o);
            String subtitle = o.subtitle() != null ? o.subtitle() : defaultSubtitle(lang, o);
            Trace t = baseTrace.withTitle(title).withPeriod(when);
            pages.add(new MapPage(scene, hm, title, subtitle, periodLine(lang, r, when), flowsLine(lang, s), t,
                    lang));
        }
        return pages;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double>[] heatValues(List<FlowSet> sets) {
        Map<String, Double>[] out = new Map[sets.size()];
        for (int i = 0; i < sets.size(); i++) {
            LocationTotals t = sets.get(i).totals();
            FlowNodes n = t.nodes();
            Map<String, Double> m = new HashMap<>();
            for (int node = 0; node < t.size(); node++) {
                long v = t.total(node);
                if (v > 0) {
                    m.put(n.code(node), (double) v);
                }
            }
            out[i] = m;
        }
        return out;
    }

    static MapViewport viewport(ExportSource src, ExportOptions o, PrintLayout layout) {
        int w = layout.frameW(), h = layout.frameH();
        if (o.extent() != null) {
            SavedView.Extent e = o.extent();
            return MapViewport.fit(w, h, MapViewport.projectLonLatBox(new org.locationtech.jts.geom.Envelope(
                    e.west(), e.east(), e.south(), e.north())), 8);
        }
        if (o.focusRegion() != null && src.basemap() != null) {
            Optional<Region> r = src.basemap().basemap().prefectures(org.epiflow.map.geo.LevelOfDetail.NATIONAL)
                    .byCode(o.focusRegion());
            if (r.isEmpty()) {
                r = src.basemap().basemap().provinces(org.epiflow.map.geo.LevelOfDetail.NATIONAL)
                        .byCode(o.focusRegion());
            }
            if (r.isPresent()) {
                // the region with its surroundings: zoom to it, then out so partners nearby show
                return MapViewport.china(w, h).zoomToRegion(r.get(), 16).zoom(1 / 6.0);
            }
        }
        return MapViewport.china(w, h);
    }

    static String periodText(Period p, DayRange r, Language lang) {
        LocalDate a = p.day(r.first()), b = p.day(r.last());
        return r.isSingleDay() ? a.toString() : lang.texts().get("export.period.span", a.toString(), b.toString());
    }

    static String periodLine(Language lang, DayRange r, String when) {
        return r.isSingleDay() ? lang.texts().get("export.period.day", when)
                : lang.texts().get("export.period.range", when, r.days());
    }

    static String defaultTitle(Language lang, String when, ExportSource src, ExportOptions o) {
        String region = "";
        if (o.focusRegion() != null) {
            int i = src.data().regions().indexOf(o.focusRegion());
            if (i >= 0) {
                var reg = src.data().regions().get(i);
                region = lang == Language.ZH ? reg.name() : reg.nameEn();
            }
        }
        return region == null || region.isBlank() ? lang.texts().get("export.title.all", when)
                : lang.texts().get("export.title.region", region, when);
    }

    static String defaultSubtitle(Language lang, ExportOptions o) {
        String level = lang.texts().get(o.provinces() ? "export.subtitle.provinces" : "export.subtitle.prefectures");
        return o.topN() > 0 ? lang.texts().get("export.subtitle.top", level, o.topN()) : level;
    }

    static String flowsLine(Language lang, FlowSet s) {
        return lang.texts().get("export.flowsShown", s.size(), s.matchedCount());
    }
}
