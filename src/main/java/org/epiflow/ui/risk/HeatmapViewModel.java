package org.epiflow.ui.risk;

import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.RiskRow;
import org.epiflow.analytics.classify.BreakFinder;
import org.epiflow.analytics.classify.Breaks;
import org.epiflow.analytics.classify.ClassificationMethod;
import org.epiflow.analytics.classify.ColorScheme;
import org.epiflow.analytics.classify.Legend;
import org.epiflow.analytics.seir.SeirEnsemble;
import org.epiflow.analytics.seir.SeirForecast;
import org.epiflow.data.FlowNodes;
import org.epiflow.map.Argb;
import org.epiflow.map.ChoroplethLayer;
import org.epiflow.map.DensitySurface;
import org.epiflow.ui.i18n.Messages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The heatmap of a run: which figure, by prefecture or rolled up to provinces, classified by quantiles, equal
 * intervals, natural breaks or custom edges, coloured with a colour-blind-safe scheme; breaks can be locked so
 * that colours mean the same across forecast dates. Produces the {@link ChoroplethLayer} for the map and the legend.
 */
public final class HeatmapViewModel {
    /** Figures that add up when regions are rolled up to provinces (others take the max, or the min for ranks). */
    private static final Set<String> ADDITIVE = Set.of("expected_imported", "trips_from_infected_regions",
            "trips_from_sources", "local_cases", "population", "expected_infections", "infections_p05",
            "infections_p25", "infections_median", "infections_p75", "infections_p95", "observed_cases",
            "expected_cases", HeatmapMeasure.FORECAST);
    private static final Set<String> SMALLEST = Set.of("effective_distance", "hops", "arrival_rank",
            "observed_first_case_day", "predicted_arrival_day", "expected_arrival_day", "peak_day");

    private final Messages messages;
    private final ObjectProperty<RiskRun> run = new SimpleObjectProperty<>();
    private final ObservableList<HeatmapMeasure> measures = FXCollections.observableArrayList();
    private final ObjectProperty<HeatmapMeasure> measure = new SimpleObjectProperty<>();
    private final ObjectProperty<ClassificationMethod> method = new SimpleObjectProperty<>(
            ClassificationMethod.QUANTILES);
    private final IntegerProperty classes = new SimpleIntegerProperty(5);
    private final ObjectProperty<ColorScheme> scheme = new SimpleObjectProperty<>(ColorScheme.YL_OR_RD);
    private final BooleanProperty reversed = new SimpleBooleanProperty();
    private final StringProperty customBreaks = new SimpleStringProperty("");
    private final BooleanProperty lockBreaks = new SimpleBooleanProperty();
    private final BooleanProperty visible = new SimpleBooleanProperty(true);
    private final BooleanProperty surface = new SimpleBooleanProperty();
    private final javafx.beans.property.DoubleProperty bandwidthKm =
            new javafx.beans.property.SimpleDoubleProperty(60);
    private final BooleanProperty provinces = new SimpleBooleanProperty();
    private final IntegerProperty forecastDay = new SimpleIntegerProperty();
    private final IntegerProperty forecastDays = new SimpleIntegerProperty();
    private final StringProperty forecastDate = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ChoroplethLayer> layer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Legend> legend = new ReadOnlyObjectWrapper<>();
    private Breaks locked;

    public HeatmapViewModel(Messages messages) {
        this.messages = messages;
        run.addListener((o, a, r) -> fillMeasures(r));
        InvalidationListener update = o -> update();
        InvalidationListener unlockAndUpdate = o -> {
            lockBreaks.set(false);
            locked = null;
            update();
        };
        for (var p : List.of(method, classes, scheme, reversed, customBreaks, provinces)) {
            p.addListener(unlockAndUpdate);
        }
        measure.addListener(unlockAndUpdate);
        visible.addListener(update);
        surface.addListener(update);
        bandwidthKm.addListener(update);
        forecastDay.addListener(update);
        messages.localeProperty().addListener(update);   // title and notes in the new language
        lockBreaks.addListener((o, a, on) -> {
            Legend l = legend.get();
            locked = on && l != null ? l.breaks() : null;
            update();
        });
    }

    private void fillMeasures(RiskRun r) {
        locked = null;
        lockBreaks.set(false);
        List<HeatmapMeasure> list = new ArrayList<>();
        HeatmapMeasure first = null;
        if (r != null) {
            List<org.epiflow.analytics.Column> cols = r.result().columns();
            for (int i = 0; i < cols.size(); i++) {
                list.add(new HeatmapMeasure(i, cols.get(i).name()));
            }
            if (r.forecast() != null) {
                list.add(new HeatmapMeasure(-1, HeatmapMeasure.FORECAST));
                int days = r.forecast().deterministic().days();
                forecastDays.set(days);
                forecastDay.set(Math.min(days - 1, r.settings().asOfDay() - r.settings().fromDay()));
            } else {
                forecastDays.set(0);
            }
            first = list.isEmpty() ? null : list.get(0);
            String preferred = switch (r.settings().model()) {
                case OBSERVED_EXPECTED -> "risk_index";
                default -> null;
            };
            for (HeatmapMeasure m : list) {
                if (m.name().equals(preferred)) {
                    first = m;
                }
            }
        }
        measures.setAll(list);
        if (measure.get() != null && list.contains(measure.get())) {
            update();
        } else {
            measure.set(first);
        }
        if (list.isEmpty()) {
            update();
        }
    }

    /** The figure of every row of the run for the chosen measure (NaN: no value, or withheld under the k rule). */
    public Map<String, Double> regionValues() {
        RiskRun r = run.get();
        HeatmapMeasure m = measure.get();
        Map<String, Double> out = new LinkedHashMap<>();
        if (r == null || m == null) {
            return out;
        }
        RiskResult res = r.result();
        for (RiskRow row : res.rows()) {
            double v;
            if (m.isForecast()) {
                v = forecastValue(r.forecast(), forecastDay.get(), row.region());
            } else {
                v = res.withheld(row, m.column()) ? Double.NaN : row.value(m.column());
            }
            out.put(row.code(), v);
        }
        return out;
    }

    static double forecastValue(SeirForecast.Outcome f, int day, int region) {
        SeirEnsemble e = f.ensemble();
        int d = Math.max(0, Math.min(f.deterministic().days() - 1, day));
        return e != null ? e.quantile(2, d, region) : f.deterministic().cumulative(d, region);
    }

    /** The values mapped: per region, or per province when rolled up; regions without a value left out. */
    public Map<String, Double> mappedValues() {
        Map<String, Double> per = regionValues();
        RiskRun r = run.get();
        Map<String, Double> out = new LinkedHashMap<>();
        if (!provinces.get() || r == null) {
            per.forEach((k, v) -> {
                if (Double.isFinite(v)) {
                    out.put(k, v);
                }
            });
            return out;
        }
        String name = measure.get().name();
        var regions = r.data().regions();
        Map<String, double[]> acc = new HashMap<>();
        Map<String, Double> pop = new HashMap<>();
        Map<String, Double> num = new HashMap<>();
        RiskResult res = r.result();
        int cPop = res.column("population").orElse(-1);
        int cNum = name.equals("imported_per_100k") ? res.column("expected_imported").orElse(-1)
                : name.equals("attack_rate_percent") ? res.column("expected_infections").orElse(-1) : -1;
        for (RiskRow row : res.rows()) {
            double v = per.getOrDefault(row.code(), Double.NaN);
            String p = FlowNodes.provinceCodeOf(regions.get(row.region()));
            if (cNum >= 0 && cPop >= 0) {
                num.merge(p, row.value(cNum), Double::sum);
                pop.merge(p, row.value(cPop), Double::sum);
                continue;
            }
            if (!Double.isFinite(v)) {
                continue;
            }
            double[] a = acc.computeIfAbsent(p, k -> new double[] {Double.NaN});
            if (Double.isNaN(a[0])) {
                a[0] = v;
            } else if (ADDITIVE.contains(name)) {
                a[0] += v;
            } else if (name.equals("import_probability") || name.equals("arrival_probability")) {
                a[0] = 1 - (1 - a[0]) * (1 - v);
            } else if (SMALLEST.contains(name)) {
                a[0] = Math.min(a[0], v);
            } else {
                a[0] = Math.max(a[0], v);
            }
        }
        if (cNum >= 0 && cPop >= 0) {
            double scale = name.equals("imported_per_100k") ? 1e5 : 100;
            num.forEach((p, n) -> {
                double d = pop.getOrDefault(p, 0.0);
                if (d > 0 && Double.isFinite(n)) {
                    out.put(p, n / d * scale);
                }
            });
        } else {
            acc.forEach((p, a) -> out.put(p, a[0]));
        }
        return out;
    }

    /** Recomputes breaks, colours, layer and legend. */
    public void update() {
        RiskRun r = run.get();
        HeatmapMeasure m = measure.get();
        if (r != null && r.forecast() != null) {
            forecastDate.set(r.data().info().period().start().plusDays(r.settings().fromDay() + forecastDay.get())
                    .toString());
        }
        if (r == null || m == null) {
            layer.set(null);
            legend.set(null);
            return;
        }
        Map<String, Double> values = mappedValues();
        double[] v = values.values().stream().mapToDouble(Double::doubleValue).toArray();
        Breaks breaks;
        error.set("");
        try {
            if (locked != null) {
                breaks = locked;
            } else if (method.get() == ClassificationMethod.CUSTOM) {
                breaks = BreakFinder.custom(parseEdges(customBreaks.get()));
            } else {
                breaks = BreakFinder.of(method.get(), v, Math.max(2, Math.min(9, classes.get())));
            }
        } catch (IllegalArgumentException e) {
            error.set(messages.get("risk.heatmap.badBreaks"));
            breaks = BreakFinder.quantiles(v, Math.max(2, Math.min(9, classes.get())));
        }
        String title = title(m);
        Legend l = Legend.of(title, breaks, scheme.get(), reversed.get());
        double[] edges = breaks.edges();
        double[] inner = Arrays.copyOfRange(edges, 1, edges.length - 1);
        int[] colors = new int[l.entries().size()];
        for (int i = 0; i < colors.length; i++) {
            colors[i] = Argb.withAlpha(l.entries().get(i).argb(), 0.85);
        }
        legend.set(l);
        ChoroplethLayer shown = new ChoroplethLayer(title, values, inner, colors);
        if (surface.get()) {
            shown = shown.withSurface(new DensitySurface(positions(r), Math.max(5, bandwidthKm.get())));
        }
        layer.set(visible.get() ? shown : null);
    }

    /** Seats of the bundle's regions, and of their provinces (mean of the seats) for the roll-up. */
    private static Map<String, double[]> positions(RiskRun r) {
        Map<String, double[]> out = new java.util.HashMap<>();
        Map<String, double[]> sums = new java.util.HashMap<>();
        for (org.epiflow.model.Region region : r.data().regions().all()) {
            out.put(region.code(), new double[] {region.lon(), region.lat()});
            double[] sum = sums.computeIfAbsent(region.parent(), k -> new double[3]);
            sum[0] += region.lon();
            sum[1] += region.lat();
            sum[2]++;
        }
        sums.forEach((code, sum) -> out.putIfAbsent(code, new double[] {sum[0] / sum[2], sum[1] / sum[2]}));
        return out;
    }

    /** Parses custom edges: numbers separated by commas or spaces, strictly increasing, at least two. */
    static double[] parseEdges(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("[,;\\s]+");
        List<Double> out = new ArrayList<>();
        for (String p : parts) {
            if (!p.isBlank()) {
                out.add(Double.parseDouble(p));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The localized name of a measure. */
    public String label(HeatmapMeasure m) {
        if (m == null) {
            return "";
        }
        String key = "risk.column." + m.name();
        return messages.has(key) ? messages.get(key) : m.name();
    }

    private String title(HeatmapMeasure m) {
        String t = label(m);
        return m.isForecast() ? messages.get("risk.heatmap.titleAt", t, forecastDate.get()) : t;
    }

    public Messages messages() {
        return messages;
    }

    public ObjectProperty<RiskRun> runProperty() {
        return run;
    }

    public ObservableList<HeatmapMeasure> measures() {
        return measures;
    }

    public ObjectProperty<HeatmapMeasure> measureProperty() {
        return measure;
    }

    public ObjectProperty<ClassificationMethod> methodProperty() {
        return method;
    }

    public IntegerProperty classesProperty() {
        return classes;
    }

    public ObjectProperty<ColorScheme> schemeProperty() {
        return scheme;
    }

    public BooleanProperty reversedProperty() {
        return reversed;
    }

    public StringProperty customBreaksProperty() {
        return customBreaks;
    }

    /** Keep the current breaks while the date (or the run) changes, so colours compare across dates. */
    public BooleanProperty lockBreaksProperty() {
        return lockBreaks;
    }

    /** Draw the values as a kernel-density surface around the seats instead of coloured regions. */
    public BooleanProperty surfaceProperty() {
        return surface;
    }

    /** Kernel bandwidth of the density surface, kilometres. */
    public javafx.beans.property.DoubleProperty bandwidthKmProperty() {
        return bandwidthKm;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public BooleanProperty provincesProperty() {
        return provinces;
    }

    public IntegerProperty forecastDayProperty() {
        return forecastDay;
    }

    public IntegerProperty forecastDaysProperty() {
        return forecastDays;
    }

    public StringProperty forecastDateProperty() {
        return forecastDate;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ReadOnlyObjectProperty<ChoroplethLayer> layerProperty() {
        return layer.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Legend> legendProperty() {
        return legend.getReadOnlyProperty();
    }
}
