package org.epiflow.export;

import org.epiflow.analytics.Column;
import org.epiflow.analytics.ProvinceRollUp;
import org.epiflow.analytics.RiskOutcome;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.RiskRow;
import org.epiflow.analytics.classify.BreakFinder;
import org.epiflow.analytics.classify.Breaks;
import org.epiflow.analytics.classify.ClassificationMethod;
import org.epiflow.analytics.classify.ColorScheme;
import org.epiflow.analytics.classify.Legend;
import org.epiflow.analytics.importation.ImportationRisk;
import org.epiflow.data.FlowNodes;
import org.epiflow.map.Argb;
import org.epiflow.map.ChoroplethLayer;
import org.epiflow.map.Language;
import org.epiflow.model.AggregateDataset;
import org.epiflow.text.Message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * A risk model's column as a heatmap for a page, built as the workstation builds its heatmap: the figures per region
 * (or per province by the column's own roll-up rule), sources and regions without published trips marked rather
 * than coloured, breaks by the chosen method (a diverging column centred on its neutral value), the column's colour
 * scheme read towards the exposed end, the legend's labels with the column's digits, and a note naming the model,
 * the as-of day and every input of the run (windows, parameters) in the page's language. For {@code epiflow export
 * --heatmap MODEL:COLUMN}.
 */
public final class RiskHeatmap {
    private RiskHeatmap() {
    }

    /**
     * How the figures are classed: {@code quantiles}, {@code equal}, {@code jenks} or {@code custom} (with edges),
     * into 2–9 classes.
     *
     * @param method  the method
     * @param classes the number of classes (ignored for custom edges)
     * @param edges   the edges of a custom classification (at least two, increasing), else empty
     * @param scheme  the colour scheme, or null for the column's own (diverging or sequential)
     * @param reversed whether the scheme runs the other way, or null for the column's own reading
     */
    public record Classification(ClassificationMethod method, int classes, double[] edges, ColorScheme scheme,
                                 Boolean reversed) {
        public Classification(ClassificationMethod method, int classes, double[] edges) {
            this(method, classes, edges, null, null);
        }

        /** The same classes in another scheme (a saved view's). */
        public Classification withScheme(ColorScheme s, Boolean r) {
            return new Classification(method, classes, edges, s, r);
        }

        public Classification {
            if (classes < 2 || classes > 9) {
                throw new IllegalArgumentException(Message.of("export.heatmap.classes", classes).english());
            }
            edges = edges == null ? new double[0] : edges.clone();
            if (method == ClassificationMethod.CUSTOM && edges.length < 2) {
                throw new IllegalArgumentException(Message.of("export.heatmap.custom").english());
            }
        }

        /** Five quantile classes, the workstation's default. */
        public static Classification defaults() {
            return new Classification(ClassificationMethod.QUANTILES, 5, null);
        }

        /** Parses {@code quantiles}, {@code equal}, {@code jenks} or {@code custom:B1,B2,…}. */
        public static Classification parse(String text, int classes) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.startsWith("custom:")) {
                String[] parts = t.substring(7).split(",");
                double[] e = new double[parts.length];
                try {
                    for (int i = 0; i < parts.length; i++) {
                        e[i] = Double.parseDouble(parts[i].trim());
                    }
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException(Message.of("export.heatmap.custom").english());
                }
                for (int i = 1; i < e.length; i++) {
                    if (!(e[i] > e[i - 1])) {
                        throw new IllegalArgumentException(Message.of("export.heatmap.custom").english());
                    }
                }
                return new Classification(ClassificationMethod.CUSTOM, Math.max(2, Math.min(9, e.length - 1)), e);
            }
            ClassificationMethod m = switch (t) {
                case "quantiles" -> ClassificationMethod.QUANTILES;
                case "equal" -> ClassificationMethod.EQUAL_INTERVALS;
                case "jenks" -> ClassificationMethod.NATURAL_BREAKS;
                default -> throw new IllegalArgumentException(Message.of("export.heatmap.classify", text)
                        .english());
            };
            return new Classification(m, classes, null);
        }
    }

    /**
     * The heatmap of {@code column} of a model's outcome for a page in {@code lang}.
     *
     * @throws IllegalArgumentException when the result has no such column (the message lists the columns it has)
     */
    public static ExportHeatmap of(RiskOutcome outcome, AggregateDataset data, String column, Classification how,
                                   boolean provinces, Language lang) {
        RiskResult res = outcome.result();
        OptionalInt ci = res.column(column);
        if (ci.isEmpty()) {
            throw new IllegalArgumentException(Message.of("export.heatmap.column", outcome.model().id(), column,
                    String.join(", ", res.columns().stream().map(Column::name).toList())).english());
        }
        int c = ci.getAsInt();
        Column col = res.columns().get(c);
        Map<String, Double> values = mapped(res, c, provinces, data);
        Map<String, ChoroplethLayer.Mark> marks = marks(res, provinces, data, values);
        String title = PageText.of(lang, Message.of(col.labelKey()));
        return classed(col, values, marks, how, title, lang, note(outcome, data, col, provinces, lang, List.of()));
    }

    /** The note of a run's heatmap: roll-up rule, model and as-of day, {@code extra} lines, then the run's inputs. */
    static String note(RiskOutcome outcome, AggregateDataset data, Column col, boolean provinces, Language lang,
                       List<String> extra) {
        List<String> note = new ArrayList<>();
        if (provinces) {
            note.add(PageText.of(lang, Message.of(col.rollUp().messageKey())));
        }
        note.add(PageText.of(lang, Message.of("export.heatmap.asOf", Message.of(outcome.model().messageKey()),
                data.info().period().day(outcome.window().asOfDay()).toString())));
        List<String> inputs = new ArrayList<>(extra);
        inputs.addAll(outcome.result().inputs().stream().map(m -> PageText.of(lang, m)).toList());
        return ExportHeatmap.note(String.join(" · ", note), inputs);
    }

    /**
     * Figures classed as the workstation classes them: the column's scheme read towards its exposed end, breaks by
     * the chosen method (a diverging column around its neutral value), legend rows highest first, then the marks.
     */
    static ExportHeatmap classed(Column col, Map<String, Double> values, Map<String, ChoroplethLayer.Mark> marks,
                                 Classification how, String title, Language lang, String noteText) {
        double[] v = values.values().stream().mapToDouble(Double::doubleValue).toArray();
        boolean diverging = col.scale() == Column.Scale.DIVERGING;
        ColorScheme scheme = how.scheme() != null ? how.scheme() : diverging ? ColorScheme.RD_BU : ColorScheme.YL_OR_RD;
        boolean reversed = how.reversed() != null ? how.reversed()
                : diverging || col.exposure() == Column.Exposure.LOWER;
        diverging &= scheme.kind() == ColorScheme.Kind.DIVERGING;
        Breaks breaks;
        int below = -1;
        if (how.method() == ClassificationMethod.CUSTOM) {
            breaks = BreakFinder.custom(how.edges());
        } else if (diverging) {
            BreakFinder.Diverging d = BreakFinder.diverging(how.method(), v, how.classes(), col.centre());
            breaks = d.breaks();
            below = d.below();
        } else {
            breaks = BreakFinder.of(how.method(), v, how.classes());
        }
        if (below < 0 && diverging) {
            below = 0;
            for (int k = 0; k < breaks.classes(); k++) {
                below += breaks.upper(k) <= col.centre() ? 1 : 0;
            }
        }
        int[] classColors = below >= 0 ? scheme.diverging(below, breaks.classes() - below, reversed)
                : scheme.colors(breaks.classes(), reversed);
        Legend l = Legend.of(title, breaks, scheme, classColors, col.digits());
        double[] edges = breaks.edges();
        double[] inner = Arrays.copyOfRange(edges, 1, edges.length - 1);
        int[] colors = new int[l.entries().size()];
        for (int i = 0; i < colors.length; i++) {
            colors[i] = Argb.withAlpha(l.entries().get(i).argb(), 0.85);
        }
        ChoroplethLayer layer = new ChoroplethLayer(title, values, inner, colors).withMarks(marks);
        List<ExportHeatmap.Row> rows = new ArrayList<>();
        for (int i = l.entries().size() - 1; i >= 0; i--) {
            rows.add(ExportHeatmap.Row.of(l.entries().get(i).label(), colors[i]));
        }
        rows.addAll(ExportHeatmap.markRows(layer, PageText.of(lang, Message.of("export.legend.source")),
                PageText.of(lang, Message.of("export.legend.suppressed")),
                PageText.of(lang, Message.of("export.legend.noValue"))));
        return new ExportHeatmap(layer, rows, noteText);
    }

    /** The figures mapped: per region (sources and regions without published trips left out), or per province. */
    static Map<String, Double> mapped(RiskResult res, int col, boolean provinces, AggregateDataset data) {
        Map<String, Double> all;
        if (provinces) {
            all = ProvinceRollUp.byProvince(res, col, data.regions());
        } else {
            all = new LinkedHashMap<>();
            for (RiskRow row : res.rows()) {
                boolean marked = row.flag().equals(RiskResult.SOURCE) || row.flag().equals(ImportationRisk.SUPPRESSED);
                all.put(row.code(), marked || res.withheld(row, col) ? Double.NaN : row.value(col));
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        all.forEach((k, x) -> {
            if (Double.isFinite(x)) {
                out.put(k, x);
            }
        });
        return out;
    }

    /** Regions (or provinces) without a class colour and how they are drawn. */
    static Map<String, ChoroplethLayer.Mark> marks(RiskResult res, boolean provinces, AggregateDataset data,
                                                   Map<String, Double> shown) {
        IntFunction<String> group = provinces
                ? i -> FlowNodes.provinceCodeOf(data.regions().get(i)) : i -> data.regions().get(i).code();
        Map<String, Boolean> suppressed = ProvinceRollUp.allFlagged(res, ImportationRisk.SUPPRESSED, group);
        Map<String, ChoroplethLayer.Mark> out = new HashMap<>();
        for (RiskRow row : res.rows()) {
            String code = group.apply(row.region());
            if (shown.containsKey(code)) {
                continue;
            }
            ChoroplethLayer.Mark mk = row.flag().equals(RiskResult.SOURCE) && !provinces
                    ? ChoroplethLayer.Mark.SOURCE
                    : Boolean.TRUE.equals(suppressed.get(code)) ? ChoroplethLayer.Mark.SUPPRESSED
                    : ChoroplethLayer.Mark.NO_VALUE;
            out.merge(code, mk, (a, b) -> a == ChoroplethLayer.Mark.SOURCE || b == ChoroplethLayer.Mark.SOURCE
                    ? ChoroplethLayer.Mark.SOURCE : a);
        }
        return out;
    }
}
