package org.epiflow.ui.export;

import org.epiflow.analytics.classify.ClassificationMethod;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.ui.risk.HeatmapMeasure;
import org.epiflow.ui.risk.HeatmapViewModel;
import org.epiflow.ui.risk.RiskRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The heatmap on screen as a saved view records it: which model's column, how it is classed, and the run's window
 * (the same names as {@code epiflow export --heatmap MODEL:COLUMN --classify … --classes … --as-of … --from …}), so
 * the command line draws the same heatmap from the same case data.
 */
public final class HeatmapViews {
    private HeatmapViews() {
    }

    /** The heatmap of the risk panel, or null when none is shown (or it is a forecast at a date). */
    public static ViewDefinition.Heatmap of(HeatmapViewModel h) {
        RiskRun run = h == null ? null : h.runProperty().get();
        HeatmapMeasure m = h == null ? null : h.measureProperty().get();
        if (run == null || m == null || m.isForecast() || h.layerProperty().get() == null) {
            return null;
        }
        String column = run.result().columns().get(m.column()).name();
        ClassificationMethod method = h.methodProperty().get();
        String classify = switch (method) {
            case QUANTILES -> "quantiles";
            case EQUAL_INTERVALS -> "equal";
            case NATURAL_BREAKS -> "jenks";
            case CUSTOM -> "custom";
        };
        List<Double> breaks = null;
        if (method == ClassificationMethod.CUSTOM) {
            breaks = new ArrayList<>();
            for (String p : h.customBreaksProperty().get().trim().split("[,;\\s]+")) {
                if (!p.isBlank()) {
                    breaks.add(Double.parseDouble(p));
                }
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        var s = run.settings();
        var period = run.data().info().period();
        parameters.put("asOf", period.day(run.window().asOfDay()).toString());
        if (s.from() != null) {
            parameters.put("from", s.from().toString());
        }
        if (s.to() != null) {
            parameters.put("to", s.to().toString());
        }
        if (!s.sources().isEmpty()) {
            parameters.put("source", String.join(",", s.sources()));
        }
        if (!s.seeds().isEmpty()) {
            // infected people typed by hand, as --infected takes them, so the command line runs the same model
            parameters.put("infected", String.join(",", s.seeds()));
        }
        return new ViewDefinition.Heatmap(run.settings().model().id(), column, classify,
                Math.max(2, Math.min(9, h.classesProperty().get())), breaks,
                h.schemeProperty().get().name().toLowerCase(Locale.ROOT), h.reversedProperty().get(), parameters);
    }
}
