package org.epiflow.ui.export;

import org.epiflow.analytics.RollUp;
import org.epiflow.analytics.classify.Legend;
import org.epiflow.export.ExportHeatmap;
import org.epiflow.export.MapPages;
import org.epiflow.map.ChoroplethLayer;
import org.epiflow.map.Language;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.MapViewModel;
import org.epiflow.ui.risk.HeatmapMeasure;
import org.epiflow.ui.risk.HeatmapViewModel;
import org.epiflow.ui.risk.RiskRun;

import java.util.ArrayList;
import java.util.List;

/**
 * The heatmap on screen as an export draws it: the very layer the map paints (values, roll-up, breaks, colours,
 * density surface) with the legend the screen shows (its class labels, highest first, and "no value"), titled and
 * annotated in the page's language. Reads the map and the heatmap's view-model; changes neither.
 */
final class CurrentHeatmap {
    private final MapViewModel map;
    private final HeatmapViewModel heatmap;
    private final Messages ui;

    /** @param heatmap the risk panel's heatmap, or null when the map's heatmap comes from elsewhere */
    CurrentHeatmap(MapViewModel map, HeatmapViewModel heatmap, Messages ui) {
        this.map = map;
        this.heatmap = heatmap;
        this.ui = ui;
    }

    /** Whether the map shows a heatmap now. */
    boolean shown() {
        return map.heatmapProperty().get() != null;
    }

    /** The heatmap on screen for a page in {@code lang}, or null when the map shows none. */
    ExportHeatmap forPage(Language lang) {
        ChoroplethLayer shown = map.heatmapProperty().get();
        if (shown == null) {
            return null;
        }
        ExportHeatmap compared = heatmap == null ? null : heatmap.comparedFor(lang);
        if (compared != null) {
            // a comparison or per capita: made again in the page's language by the same code as on screen
            return compared;
        }
        Messages m = messages(lang);
        Legend legend = heatmap == null ? null : heatmap.legendProperty().get();
        String title = title(m, shown);
        ChoroplethLayer layer = new ChoroplethLayer(title, shown.values(), shown.breaks(), shown.colors(),
                shown.surface(), shown.marks());
        if (legend == null || shown.surface() != null || legend.entries().size() != shown.colors().length) {
            return new ExportHeatmap(layer, MapPages.legendRows(layer, lang), note(m));
        }
        // the screen's legend (HeatmapLegendView): classes from the top, the marks that occur, "no value"
        List<ExportHeatmap.Row> rows = new ArrayList<>();
        int[] colors = shown.colors();
        for (int i = legend.entries().size() - 1; i >= 0; i--) {
            rows.add(ExportHeatmap.Row.of(legend.entries().get(i).label(), colors[i]));
        }
        rows.addAll(ExportHeatmap.markRows(layer, m.get("risk.legend.source"), m.get("risk.legend.suppressed"),
                m.get("risk.heatmap.noData")));
        return new ExportHeatmap(layer, rows, note(m));
    }

    private Messages messages(Language lang) {
        boolean zh = lang == Language.ZH;
        return zh == ui.chinese() ? ui : Messages.of(zh ? Messages.CHINESE : Messages.ENGLISH);
    }

    /** The layer's title in the page's language (the screen's own when the languages agree). */
    private String title(Messages m, ChoroplethLayer shown) {
        HeatmapMeasure measure = heatmap == null ? null : heatmap.measureProperty().get();
        if (m == ui || measure == null) {
            return shown.title();
        }
        String t = heatmap.label(measure);
        RiskRun run = heatmap.runProperty().get();
        if (!measure.isForecast() && run != null) {
            var col = run.result().columns().get(measure.column());
            t = m.texts().format(org.epiflow.text.Message.of(col.labelKey()));
        }
        return measure.isForecast() ? m.get("risk.heatmap.titleAt", t, heatmap.forecastDateProperty().get()) : t;
    }

    /**
     * "Summed over the province · Importation risk (Du et al. 2020), as of 2020-01-23": how provinces were rolled up
     * (as the screen's legend says) and the model and day its figures are for; then the run's inputs, a line each.
     */
    private String note(Messages m) {
        RiskRun run = heatmap == null ? null : heatmap.runProperty().get();
        if (run == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (heatmap.provincesProperty().get()) {
            HeatmapMeasure measure = heatmap.measureProperty().get();
            parts.add(m.get(measure != null && measure.isForecast() ? RollUp.SUM.messageKey()
                    : heatmap.rollUp().messageKey()));
        }
        String model = m.get(run.settings().model().messageKey());
        String asOf = run.data().info().period().day(run.window().asOfDay()).toString();
        parts.add(m.get("export.heatmap.note", model, asOf));
        return ExportHeatmap.note(String.join(" · ", parts),
                run.result().inputs().stream().map(m.texts()::format).toList());
    }
}
