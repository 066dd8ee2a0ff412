package org.epiflow.ui.risk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import javafx.beans.value.ChangeListener;
import org.epiflow.analytics.classify.ClassificationMethod;
import org.epiflow.analytics.classify.ColorScheme;
import org.epiflow.bundle.OpenedBundle;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The risk panel's part of the session document: which imported case table is shown (its id in the workspace's
 * case-table store, not its content), the form as typed, the form of each of the last runs (they are run again
 * after a lock or a restart, so the results come back without storing them) and how the heatmap is drawn. Holds no
 * figures of the bundle: ids, codes, dates and settings only.
 *
 * @param caseTable  id of the case table in the workspace (null: none)
 * @param casesName  the file name it was imported from
 * @param cumulative whether its counts were read as running totals
 * @param form       the form as typed ({@link RiskFormViewModel#snapshot()})
 * @param runs       the form of each run to run again, oldest first, the one shown last
 * @param heatmap    how the heatmap is drawn (measure, classification, colours, forecast day)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskPanelState(@JsonProperty("caseTable") Long caseTable,
                             @JsonProperty("casesName") String casesName,
                             @JsonProperty("cumulative") Boolean cumulative,
                             @JsonProperty("form") Map<String, String> form,
                             @JsonProperty("runs") List<Map<String, String>> runs,
                             @JsonProperty("heatmap") Map<String, String> heatmap) {
    public RiskPanelState {
        form = form == null ? Map.of() : Map.copyOf(form);
        runs = runs == null ? List.of() : runs.stream().limit(RiskViewModel.KEPT_RUNS).map(Map::copyOf).toList();
        heatmap = heatmap == null ? Map.of() : Map.copyOf(heatmap);
    }

    /** The panel as it is now. */
    public static RiskPanelState capture(RiskViewModel risk) {
        CaseDataViewModel c = risk.caseData();
        boolean hasCases = c.casesProperty().get() != null && c.tableId() != null;
        return new RiskPanelState(hasCases ? c.tableId() : null, hasCases ? c.source() : null,
                hasCases ? c.cumulativeProperty().get() : null, risk.form().snapshot(), risk.runForms(),
                heatmap(risk.heatmap()));
    }

    private static Map<String, String> heatmap(HeatmapViewModel h) {
        Map<String, String> m = new LinkedHashMap<>();
        if (h.measureProperty().get() != null) {
            m.put("measure", h.measureProperty().get().name());
        }
        m.put("method", h.methodProperty().get().name());
        m.put("classes", Integer.toString(h.classesProperty().get()));
        m.put("scheme", h.schemeProperty().get().name());
        m.put("reversed", Boolean.toString(h.reversedProperty().get()));
        m.put("customBreaks", h.customBreaksProperty().get());
        m.put("visible", Boolean.toString(h.visibleProperty().get()));
        m.put("surface", Boolean.toString(h.surfaceProperty().get()));
        m.put("bandwidthKm", Double.toString(h.bandwidthKmProperty().get()));
        m.put("forecastDay", Integer.toString(h.forecastDayProperty().get()));
        return m;
    }

    /**
     * Returns the panel to this state on the bundle shown: the case table read back from the workspace, each run
     * run again in the background in turn (with the panel's own progress), then the form and the heatmap as they
     * were. Stops if another bundle is shown meanwhile. {@code done} runs on the UI thread with how many runs came
     * back and whether the case table did.
     */
    public void restore(RiskViewModel risk, Done done) {
        OpenedBundle b = risk.bundleProperty().get();
        if (b == null) {
            done.restored(0, false);
            return;
        }
        if (caseTable == null) {
            runAll(risk, b, false, done);
            return;
        }
        risk.caseData().restore(caseTable, casesName, Boolean.TRUE.equals(cumulative), ok -> {
            if (risk.bundleProperty().get() == b) {
                runAll(risk, b, ok, done);
            }
        });
    }

    /** What a restore brought back. */
    @FunctionalInterface
    public interface Done {
        void restored(int runs, boolean cases);
    }

    private void runAll(RiskViewModel risk, OpenedBundle b, boolean cases, Done done) {
        Deque<Map<String, String>> queue = new ArrayDeque<>(runs);
        int[] back = {0};
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            while (!queue.isEmpty()) {
                if (risk.bundleProperty().get() != b) {
                    return;
                }
                risk.form().restore(queue.removeFirst());
                RiskRun before = risk.runProperty().get();
                risk.run();
                if (risk.runningProperty().get()) {
                    risk.runningProperty().addListener(new ChangeListener<>() {
                        @Override
                        public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was,
                                            Boolean now) {
                            if (!now) {
                                o.removeListener(this);
                                if (risk.runProperty().get() != null && risk.runProperty().get() != before) {
                                    back[0]++;
                                }
                                next[0].run();
                            }
                        }
                    });
                    return;
                }
                if (risk.runProperty().get() != null && risk.runProperty().get() != before) {
                    back[0]++;
                }
            }
            if (risk.bundleProperty().get() != b) {
                return;
            }
            risk.form().restore(form);
            applyHeatmap(risk.heatmap());
            done.restored(back[0], cases);
        };
        next[0].run();
    }

    private void applyHeatmap(HeatmapViewModel h) {
        String measure = at(heatmap, "measure");
        h.measures().stream().filter(m -> m.name().equals(measure)).findFirst().ifPresent(h.measureProperty()::set);
        for (ClassificationMethod m : ClassificationMethod.values()) {
            if (m.name().equals(at(heatmap, "method"))) {
                h.methodProperty().set(m);
            }
        }
        integer("classes", 2, 9).ifPresent(h.classesProperty()::set);
        for (ColorScheme s : ColorScheme.values()) {
            if (s.name().equals(at(heatmap, "scheme"))) {
                h.schemeProperty().set(s);
            }
        }
        if (heatmap.containsKey("reversed")) {
            h.reversedProperty().set(Boolean.parseBoolean(at(heatmap, "reversed")));
        }
        String breaks = at(heatmap, "customBreaks");
        if (breaks != null && breaks.length() <= 10_000) {
            h.customBreaksProperty().set(breaks);
        }
        if (heatmap.containsKey("visible")) {
            h.visibleProperty().set(Boolean.parseBoolean(at(heatmap, "visible")));
        }
        if (heatmap.containsKey("surface")) {
            h.surfaceProperty().set(Boolean.parseBoolean(at(heatmap, "surface")));
        }
        try {
            double bw = Double.parseDouble(heatmap.getOrDefault("bandwidthKm", "x"));
            if (bw > 0 && bw <= 10_000) {
                h.bandwidthKmProperty().set(bw);
            }
        } catch (NumberFormatException e) {
            // keeps its own
        }
        integer("forecastDay", 0, Math.max(0, h.forecastDaysProperty().get() - 1))
                .ifPresent(h.forecastDayProperty()::set);
    }

    private java.util.OptionalInt integer(String key, int min, int max) {
        try {
            int v = Integer.parseInt(heatmap.getOrDefault(key, "x"));
            return v >= min && v <= max ? java.util.OptionalInt.of(v) : java.util.OptionalInt.empty();
        } catch (NumberFormatException e) {
            return java.util.OptionalInt.empty();
        }
    }

    /** The value of {@code key} in a snapshot (null: absent). */
    private static String at(java.util.Map<String, String> map, String key) {
        return map.get(key);
    }
}
