package org.epiflow.export.table;

import org.epiflow.data.DayRange;
import org.epiflow.data.FlowNodes;
import org.epiflow.data.FlowSet;
import org.epiflow.data.LocationTotals;
import org.epiflow.data.Suppressed;
import org.epiflow.data.TopPartners;
import org.epiflow.map.Language;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The exportable tables, holding only what the bundle allows: sums of published cells as they are, a sum of 0 (no
 * published cell) as "–" — never 0, which would claim there were no trips — and differences (net flows) through
 * {@link Suppressed}, shown as "&lt; k" when their absolute value is below k. No figure below k can appear.
 */
public final class Tables {
    private Tables() {
    }

    /** A trip figure cell: the sum if published (≥ k), "–" for none, "&lt; k" defensively for anything else. */
    static Object figure(long v, int k) {
        if (v == 0) {
            return "–";
        }
        return v >= k ? (Object) v : "< " + k;
    }

    static Object derived(Suppressed s) {
        return s.shown().isPresent() ? (Object) s.shown().getAsLong() : s.format();
    }

    private static List<String> notes(Language lang, int k) {
        return List.of(lang.texts().get("export.table.note.unpublished", k),
                lang.texts().get("export.table.note.derived", k));
    }

    /** The flows of a flow set (a day, or summed over a period), largest first. */
    public static Table flows(FlowSet s, Language lang) {
        boolean zh = lang == Language.ZH;
        FlowNodes n = s.nodes();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            int o = s.origin(i), d = s.destination(i);
            rows.add(List.of(i + 1, n.code(o), name(n, o, lang), n.code(d), name(n, d, lang),
                    figure(s.volume(i), s.k())));
        }
        return new Table(zh ? "流向" : "flows", zh ? List.of("排名", "出发地代码", "出发地", "目的地代码", "目的地", "出行量")
                : List.of("rank", "origin_code", "origin", "destination_code", "destination", "trips"),
                List.of(false, false, false, false, false, true), rows, notes(lang, s.k()));
    }

    /** Regions ranked by total trips (in + out + internal) over the flow set's period; {@code limit} 0 = all. */
    public static Table ranking(FlowSet s, Language lang, int limit) {
        boolean zh = lang == Language.ZH;
        LocationTotals t = s.totals();
        FlowNodes n = t.nodes();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.total(i) > 0) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingLong((Integer i) -> t.total(i)).reversed().thenComparing(i -> n.code(i)));
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < order.size() && (limit <= 0 || r < limit); r++) {
            int i = order.get(r);
            rows.add(List.of(r + 1, n.code(i), name(n, i, lang), figure(t.total(i), t.k()),
                    figure(t.incoming(i), t.k()), figure(t.outgoing(i), t.k()), figure(t.internal(i), t.k()),
                    derived(t.net(i))));
        }
        return new Table(zh ? "排名" : "ranking", zh ? List.of("排名", "代码", "地区", "总出行量", "流入", "流出", "内部", "净流入")
                : List.of("rank", "code", "region", "total", "incoming", "outgoing", "internal", "net_inflow"),
                List.of(false, false, false, true, true, true, true, true), rows, notes(lang, t.k()));
    }

    /** The partners of one region over a day range, by total; {@code limit} 0 = all. */
    public static Table partners(AggregateDataset data, int region, DayRange days, Language lang, int limit) {
        boolean zh = lang == Language.ZH;
        int k = data.info().k();
        List<List<Object>> rows = new ArrayList<>();
        int rank = 1;
        for (TopPartners.Partner p : TopPartners.of(data, region, days, limit)) {
            Region r = data.regions().get(p.partner());
            rows.add(List.of(rank++, r.code(), zh ? r.name() : r.nameEn(), figure(p.in(), k), figure(p.out(), k),
                    figure(p.total(), k), derived(p.net())));
        }
        Region self = data.regions().get(region);
        return new Table(zh ? "往来地区" : "partners", zh ? List.of("排名", "代码", "地区", "流入 " + self.name(),
                "流出 " + self.name(), "合计", "净流入")
                : List.of("rank", "code", "region", "to_" + self.code(), "from_" + self.code(), "total",
                "net_to_" + self.code()),
                List.of(false, false, false, true, true, true, true), rows, notes(lang, k));
    }

    private static String name(FlowNodes n, int i, Language lang) {
        return lang.pick(n.nameZh(i), n.nameEn(i), n.code(i));
    }
}
