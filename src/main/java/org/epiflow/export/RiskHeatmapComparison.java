package org.epiflow.export;

import org.epiflow.analytics.Column;
import org.epiflow.analytics.RiskOutcome;
import org.epiflow.analytics.compare.ChangeRule;
import org.epiflow.analytics.compare.RiskChange;
import org.epiflow.analytics.compare.RiskComparison;
import org.epiflow.analytics.compare.RiskFigures;
import org.epiflow.map.ChoroplethLayer;
import org.epiflow.map.DivergingScale;
import org.epiflow.map.FlowMeasure;
import org.epiflow.map.Language;
import org.epiflow.model.AggregateDataset;
import org.epiflow.text.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A risk model's column compared with a baseline, or per 1,000 residents, as a heatmap for a page (issue 15): the
 * period's value or the baseline's classed as a plain heatmap, the change or the change in percent on the diverging
 * scheme centred on zero with a symmetric locked scale ({@link DivergingScale}, as the flow comparison), figures
 * that are not published hatched, and a note naming the change's unit, the baseline's days and alignment, the
 * residents' source and the run's inputs. For {@code epiflow export --heatmap MODEL:COLUMN} with a baseline or
 * {@code --per-capita}.
 */
public final class RiskHeatmapComparison {
    private RiskHeatmapComparison() {
    }

    /** Which figure of a {@link RiskChange} a measure shows: 0 value, 1 baseline, 2 change, 3 percent. */
    static int which(FlowMeasure m) {
        return switch (m) {
            case TRIPS -> 0;
            case BASELINE -> 1;
            case CHANGE -> 2;
            case CHANGE_PERCENT -> 3;
        };
    }

    /**
     * Why a measure or per-capita does not fit a column (a message for people), or null when it does: per capita
     * needs a count, a change in percent needs a column that has one.
     */
    public static Message refusal(Column c, FlowMeasure m, boolean perCapita) {
        ChangeRule rule = ChangeRule.of(c);
        if (perCapita && !rule.perCapita()) {
            return Message.of("analytics.change.notCount", Message.of(c.labelKey()));
        }
        if (m == FlowMeasure.CHANGE_PERCENT && !rule.hasPercent()) {
            return Message.of("analytics.change.noPercent", Message.of(c.labelKey()));
        }
        return null;
    }

    /** The heading of a measure of a column: "Change in Expected imported infections", per 1,000 when asked. */
    public static Message title(Column c, FlowMeasure m, boolean perCapita) {
        Message name = Message.of(c.labelKey());
        Message what = switch (m) {
            case TRIPS -> name;
            case BASELINE -> Message.of("analytics.change.baseline", name);
            case CHANGE -> Message.of("analytics.change.change", name);
            case CHANGE_PERCENT -> Message.of("analytics.change.changePercent", name);
        };
        return perCapita ? Message.of("analytics.change.perCapita", what) : what;
    }

    /**
     * The heatmap of {@code column} of a comparison, showing {@code m}.
     *
     * @param eb the export's baseline (for the other bundle's id in the note), or null
     * @throws IllegalArgumentException the measure or per-capita does not fit the column (localized message)
     */
    public static ExportHeatmap of(RiskComparison c, String column, FlowMeasure m, boolean perCapita,
                                   RiskHeatmap.Classification how, boolean provinces, Language lang,
                                   ExportBaseline eb) {
        RiskOutcome run = c.period();
        AggregateDataset data = run.request().data();
        Column col = column(run, column);
        Message refused = refusal(col, m, perCapita);
        if (refused != null) {
            throw new IllegalArgumentException(PageText.of(lang, refused));
        }
        int w = which(m);
        Map<String, RiskChange> cells = c.column(column, provinces, perCapita);
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Boolean> withheld = new HashMap<>();
        Map<String, Double> plain = RiskHeatmap.mapped(run.result(), run.result().column(column).getAsInt(),
                provinces, data);
        java.util.Set<String> sources = new java.util.HashSet<>();
        if (!provinces) {
            run.result().rows().stream().filter(r -> r.flag().equals(org.epiflow.analytics.RiskResult.SOURCE))
                    .forEach(r -> sources.add(r.code()));
        }
        cells.forEach((code, ch) -> {
            double v = ch.measure(w);
            // the period's own figure keeps the plain heatmap's rule: sources and regions without trips are marked;
            // a source has no change of its own either (it is where the infections come from)
            if (Double.isFinite(v) && !sources.contains(code) && (w != 0 || perCapita || plain.containsKey(code))) {
                values.put(code, v);
            } else if (ch.withheld(Math.min(w, 2))) {
                withheld.put(code, true);
            }
        });
        Map<String, ChoroplethLayer.Mark> marks = marks(run, data, provinces, values, withheld);
        String title = PageText.of(lang, title(col, m, perCapita));
        List<String> extra = new ArrayList<>();
        if (m == FlowMeasure.CHANGE) {
            extra.add(PageText.of(lang, Message.of(ChangeRule.of(col).unitKey())));
        }
        extra.add(ComparisonPages.baselineText(lang, c.aligned(), eb));
        if (perCapita) {
            extra.add(PageText.of(lang, Message.of(c.perCapitaSource(provinces).messageKey())));
        }
        if (!m.diverging()) {
            return RiskHeatmap.classed(col, values, marks, how, title, lang,
                    RiskHeatmap.note(run, data, col, provinces, lang, extra));
        }
        extra.add(PageText.of(lang, Message.of("map.compare.legend.scale")));
        double[] v = values.values().stream().mapToDouble(Double::doubleValue).toArray();
        DivergingScale s = DivergingScale.fitted(v, m == FlowMeasure.CHANGE_PERCENT);
        ChoroplethLayer layer = s.choropleth(title, values, marks);
        List<ExportHeatmap.Row> rows = new ArrayList<>();
        List<String> labels = labels(s, lang, col.digits());
        int[] colors = DivergingScale.areaColors();
        for (int i = 0; i < labels.size(); i++) {
            rows.add(ExportHeatmap.Row.of(PageText.localizeRange(lang, labels.get(i)),
                    colors[colors.length - 1 - i]));
        }
        if (marks.containsValue(ChoroplethLayer.Mark.SOURCE)) {
            rows.add(ExportHeatmap.Row.of(PageText.of(lang, Message.of("export.legend.source")),
                    ChoroplethLayer.SOURCE_FILL));
        }
        if (marks.containsValue(ChoroplethLayer.Mark.SUPPRESSED)) {
            rows.add(new ExportHeatmap.Row(PageText.of(lang, Message.of("export.compare.notPublished",
                    Math.max(run.result().k(), c.baseline().result().k()))), ChoroplethLayer.NO_VALUE_FILL, true));
        }
        rows.add(ExportHeatmap.Row.of(PageText.of(lang, Message.of("export.legend.noValue")),
                ChoroplethLayer.NO_VALUE_FILL));
        return new ExportHeatmap(layer, rows, RiskHeatmap.note(run, data, col, provinces, lang, extra));
    }

    /** The heatmap of a count column per 1,000 residents, without a baseline. */
    public static ExportHeatmap perCapita(RiskOutcome run, AggregateDataset data, String column,
                                          RiskHeatmap.Classification how, boolean provinces, Language lang) {
        Column col = column(run, column);
        Message refused = refusal(col, FlowMeasure.TRIPS, true);
        if (refused != null) {
            throw new IllegalArgumentException(PageText.of(lang, refused));
        }
        RiskFigures f = RiskFigures.of(run, data, column, provinces, true);
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Boolean> withheld = new HashMap<>();
        f.all().forEach((code, x) -> {
            if (x.withheld()) {
                withheld.put(code, true);
            } else if (Double.isFinite(x.value())) {
                values.put(code, x.value());
            }
        });
        Map<String, ChoroplethLayer.Mark> marks = marks(run, data, provinces, values, withheld);
        String title = PageText.of(lang, title(col, FlowMeasure.TRIPS, true));
        return RiskHeatmap.classed(col, values, marks, how, title, lang, RiskHeatmap.note(run, data, col, provinces,
                lang, List.of(PageText.of(lang, Message.of(f.perCapitaSource().messageKey())))));
    }

    private static Column column(RiskOutcome run, String column) {
        var res = run.result();
        return res.columns().get(res.column(column).orElseThrow(() -> new IllegalArgumentException(
                Message.of("export.heatmap.column", run.model().id(), column, String.join(", ",
                        res.columns().stream().map(Column::name).toList())).english())));
    }

    /** The plain heatmap's marks (sources, all trips suppressed, no figure), and withheld figures hatched. */
    private static Map<String, ChoroplethLayer.Mark> marks(RiskOutcome run, AggregateDataset data, boolean provinces,
                                                           Map<String, Double> values, Map<String, Boolean> withheld) {
        Map<String, ChoroplethLayer.Mark> marks = new HashMap<>(RiskHeatmap.marks(run.result(), provinces, data,
                values));
        withheld.keySet().forEach(code -> marks.put(code, ChoroplethLayer.Mark.SUPPRESSED));
        return marks;
    }

    /**
     * The seven classes' labels, largest increase first, as {@link DivergingScale#labels} writes them but with as
     * many significant digits as the breaks need to differ (model figures are often well below 1: "+0.0031").
     */
    static List<String> labels(DivergingScale s, Language lang, int digits) {
        if (s.isPercent()) {
            return s.labels(lang);
        }
        String[] e = org.epiflow.analytics.classify.Legend.edgeLabels(s.breaks(), Math.max(2, Math.min(digits, 3)));
        String[] b = new String[e.length];
        for (int i = 0; i < e.length; i++) {
            b[i] = e[i].startsWith("-") ? "−" + e[i].substring(1) : "+" + e[i];
        }
        org.epiflow.text.Texts t = lang.texts();
        return List.of(t.get("map.compare.class.atLeast", b[5]), b[4] + " – " + b[5], b[3] + " – " + b[4],
                t.get("map.compare.class.about", e[3]), b[1] + " – " + b[2], b[0] + " – " + b[1],
                t.get("map.compare.class.atMost", b[0]));
    }
}
