package org.epiflow.export.table;

import org.epiflow.data.FlowNodes;
import org.epiflow.data.FlowSet;
import org.epiflow.data.LocationTotals;
import org.epiflow.data.compare.ComparedPartners;
import org.epiflow.data.compare.Comparison;
import org.epiflow.data.compare.FlowChange;
import org.epiflow.data.compare.PerCapita;
import org.epiflow.map.Language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.BiPredicate;

/**
 * The tables of a comparison, per-capita or grouped export. The columns of the plain tables are kept; a baseline
 * adds {@code baseline_trips}, {@code change}, {@code change_percent} and {@code includes_unpublished}; per-capita
 * adds {@code trips_per_1000}. A side without a published cell is "–" (never 0), a change below k "&lt; k", a
 * percentage without a published baseline "–".
 */
public final class ComparisonTables {
    private ComparisonTables() {
    }

    /**
     * Flows of the comparison's period, with baseline columns when it has a baseline (its pairs, largest change
     * first) and per-capita when it has denominators ({@code inflows}: of the destination).
     */
    public static Table flows(Comparison c, FlowSet plain, BiPredicate<Integer, Integer> keep, int topN,
                              boolean inflows, Language lang) {
        boolean zh = lang == Language.ZH;
        FlowNodes n = c.nodes();
        PerCapita pc = c.perCapita();
        List<String> cols = new ArrayList<>(zh ? List.of("排名", "出发地代码", "出发地", "目的地代码", "目的地", "出行量")
                : List.of("rank", "origin_code", "origin", "destination_code", "destination", "trips"));
        List<Boolean> fig = new ArrayList<>(List.of(false, false, false, false, false, true));
        boolean base = c.difference() != null;
        if (base) {
            cols.addAll(zh ? List.of("基期出行量", "变化", "变化百分比", "含未公布数据")
                    : List.of("baseline_trips", "change", "change_percent", "includes_unpublished"));
            fig.addAll(List.of(true, true, false, false));
        }
        if (pc != null) {
            cols.add(zh ? "每千人出行量" : "trips_per_1000");
            fig.add(false);
        }
        List<List<Object>> rows = new ArrayList<>();
        int k = c.difference() != null ? c.difference().k() : plain.k();
        if (base) {
            int rank = 1;
            for (FlowChange ch : c.difference().changes()) {
                if (!keep.test(ch.origin(), ch.destination())) {
                    continue;
                }
                if (topN > 0 && rank > topN) {
                    break;
                }
                List<Object> r = new ArrayList<>(List.of(rank++, n.code(ch.origin()), name(n, ch.origin(), lang),
                        n.code(ch.destination()), name(n, ch.destination(), lang),
                        Tables.figure(ch.periodPublished() ? ch.trips() : 0, k),
                        Tables.figure(ch.baselinePublished() ? ch.baselineTrips() : 0, k),
                        Tables.derived(ch.change()), percent(ch.changePercent()),
                        ch.includesUnpublished() ? (zh ? "是" : "yes") : (zh ? "否" : "no")));
                if (pc != null) {
                    r.add(per1000(pc, inflows ? ch.destination() : ch.origin(), ch.trips(), ch.periodPublished()));
                }
                rows.add(r);
            }
        } else {
            for (int i = 0; i < plain.size(); i++) {
                int o = plain.origin(i), d = plain.destination(i);
                List<Object> r = new ArrayList<>(List.of(i + 1, n.code(o), name(n, o, lang), n.code(d),
                        name(n, d, lang), Tables.figure(plain.volume(i), k)));
                if (pc != null) {
                    r.add(per1000(pc, inflows ? d : o, plain.volume(i), plain.volume(i) > 0));
                }
                rows.add(r);
            }
        }
        return new Table(zh ? "流向" : "flows", cols, fig, rows, notes(lang, k, base));
    }

    /** Places ranked by total trips, with the baseline total, change and per-capita columns as the view has. */
    public static Table ranking(Comparison c, Language lang, int limit) {
        boolean zh = lang == Language.ZH;
        LocationTotals t = c.totals();
        FlowNodes n = t.nodes();
        long[] base = null;
        if (c.baselineTotals() != null) {
            base = new long[n.size()];
            LocationTotals b = c.baselineTotals();
            for (int i = 0; i < b.size(); i++) {
                int j = n.indexOf(b.nodes().code(i));
                if (j >= 0) {
                    base[j] += b.total(i);
                }
            }
        }
        List<String> cols = new ArrayList<>(zh ? List.of("排名", "代码", "地区", "总出行量", "流入", "流出", "内部", "净流入")
                : List.of("rank", "code", "region", "total", "incoming", "outgoing", "internal", "net_inflow"));
        List<Boolean> fig = new ArrayList<>(List.of(false, false, false, true, true, true, true, true));
        if (base != null) {
            cols.addAll(zh ? List.of("基期总出行量", "变化", "变化百分比") : List.of("baseline_total", "change",
                    "change_percent"));
            fig.addAll(List.of(true, true, false));
        }
        if (c.perCapita() != null) {
            cols.add(zh ? "每千人出行量" : "trips_per_1000");
            fig.add(false);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.total(i) > 0 || (base != null && base[i] > 0)) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingLong((Integer i) -> t.total(i)).reversed().thenComparing(i -> n.code(i)));
        List<List<Object>> rows = new ArrayList<>();
        // the comparison's k: the larger of the two bundles' (a baseline total below it is not published)
        int k = c.difference() != null ? Math.max(t.k(), c.difference().k()) : t.k();
        for (int r = 0; r < order.size() && (limit <= 0 || r < limit); r++) {
            int i = order.get(r);
            List<Object> row = new ArrayList<>(List.of(r + 1, n.code(i), name(n, i, lang),
                    Tables.figure(t.total(i), t.k()), Tables.figure(t.incoming(i), t.k()),
                    Tables.figure(t.outgoing(i), t.k()), Tables.figure(t.internal(i), t.k()),
                    Tables.derived(t.net(i))));
            if (base != null) {
                long p = t.total(i), b = base[i];
                var ch = org.epiflow.data.Suppressed.change(p, b, k);
                row.add(Tables.figure(b, k));
                row.add(p == 0 && b == 0 ? "–" : Tables.derived(ch));
                row.add(b == 0 || ch.suppressed() ? "–" : percent(OptionalDouble.of(100.0 * (p - b) / b)));
            }
            if (c.perCapita() != null) {
                row.add(per1000(c.perCapita(), i, t.total(i), t.total(i) > 0));
            }
            rows.add(row);
        }
        return new Table(zh ? "排名" : "ranking", cols, fig, rows, notes(lang, t.k(), base != null));
    }

    /**
     * The partners of one node ({@code focus}: a region, a province or a group; groups are one partner), with the
     * plain table's trips to and from it and net, named {@code trips} for the total; a baseline adds {@code
     * baseline_trips}, {@code change}, {@code change_percent} and {@code includes_unpublished}, per-capita {@code
     * trips_per_1000} (trips both ways per 1,000 residents of the partner). Largest period total first.
     */
    public static Table partners(Comparison c, int focus, Language lang, int limit) {
        boolean zh = lang == Language.ZH;
        FlowNodes n = c.nodes();
        String self = name(n, focus, lang), code = n.code(focus);
        boolean base = c.difference() != null;
        PerCapita pc = c.perCapita();
        List<String> cols = new ArrayList<>(zh ? List.of("排名", "代码", "地区", "流入 " + self, "流出 " + self, "出行量",
                "净流入") : List.of("rank", "code", "region", "to_" + code, "from_" + code, "trips",
                "net_to_" + code));
        List<Boolean> fig = new ArrayList<>(List.of(false, false, false, true, true, true, true));
        if (base) {
            cols.addAll(zh ? List.of("基期出行量", "变化", "变化百分比", "含未公布数据")
                    : List.of("baseline_trips", "change", "change_percent", "includes_unpublished"));
            fig.addAll(List.of(true, true, false, false));
        }
        if (pc != null) {
            cols.add(zh ? "每千人出行量" : "trips_per_1000");
            fig.add(false);
        }
        List<List<Object>> rows = new ArrayList<>();
        int rank = 1;
        int k = base ? c.difference().k() : c.data().info().k();
        for (ComparedPartners.Partner p : ComparedPartners.of(c, focus, limit)) {
            List<Object> r = new ArrayList<>(List.of(rank++, n.code(p.node()), name(n, p.node(), lang),
                    Tables.figure(p.inDays() > 0 ? p.in() : 0, k), Tables.figure(p.outDays() > 0 ? p.out() : 0, k),
                    Tables.figure(p.published() ? p.trips() : 0, k),
                    p.published() ? Tables.derived(p.net()) : "–"));
            if (base) {
                r.add(Tables.figure(p.baselinePublished() ? p.baselineTrips() : 0, k));
                r.add(!p.published() && !p.baselinePublished() ? "–" : Tables.derived(p.change()));
                r.add(percent(p.changePercent()));
                r.add(p.includesUnpublished() ? (zh ? "是" : "yes") : (zh ? "否" : "no"));
            }
            if (pc != null) {
                r.add(per1000(pc, p.node(), p.trips(), p.published()));
            }
            rows.add(r);
        }
        return new Table(zh ? "往来地区" : "partners", cols, fig, rows, notes(lang, k, base));
    }

    static Object percent(OptionalDouble p) {
        return p.isEmpty() ? "–" : String.format(Locale.ROOT, "%.1f", p.getAsDouble());
    }

    private static Object per1000(PerCapita pc, int node, long trips, boolean published) {
        if (!published) {
            return "–";
        }
        OptionalDouble v = pc.per1000(node, trips);
        return v.isEmpty() ? "–" : String.format(Locale.ROOT, "%.3f", v.getAsDouble());
    }

    private static List<String> notes(Language lang, int k, boolean base) {
        List<String> out = new ArrayList<>(List.of(lang.texts().get("export.table.note.unpublished", k),
                lang.texts().get("export.table.note.derived", k)));
        if (base) {
            out.add(lang.texts().get("export.compare.table.note", k));
        }
        return out;
    }

    private static String name(FlowNodes n, int i, Language lang) {
        return lang.pick(n.nameZh(i), n.nameEn(i), n.code(i));
    }
}
