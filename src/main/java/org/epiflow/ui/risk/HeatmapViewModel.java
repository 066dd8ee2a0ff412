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
import org.epiflow.analytics.Column;
import org.epiflow.analytics.RollUp;
import org.epiflow.analytics.classify.Breaks;
import org.epiflow.analytics.classify.ClassificationMethod;
import org.epiflow.analytics.classify.ColorScheme;
import org.epiflow.analytics.classify.Legend;
import org.epiflow.analytics.compare.RiskComparison;
import org.epiflow.export.ExportHeatmap;
import org.epiflow.analytics.seir.SeirForecast;
import org.epiflow.map.ChoroplethLayer;
import org.epiflow.map.DensitySurface;
import org.epiflow.map.FlowMeasure;
import org.epiflow.map.Language;
import org.epiflow.ui.i18n.Messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The heatmap of a run: which figure, by prefecture or rolled up to provinces, classified by quantiles, equal
 * intervals, natural breaks or custom edges, coloured with a colour-blind-safe scheme; breaks can be locked so
 * that colours mean the same across forecast dates. Produces the {@link ChoroplethLayer} for the map and the legend.
 */
public final class HeatmapViewModel {
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
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ChoroplethLayer> layer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Legend> legend = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<RiskComparison> comparison =
            new SimpleObjectProperty<>();
    private final ObjectProperty<HeatmapBaseline> baseline = new SimpleObjectProperty<>();
    private final ObjectProperty<FlowMeasure> shows =
            new SimpleObjectProperty<>(FlowMeasure.CHANGE);
    private final BooleanProperty perCapita = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<ExportHeatmap> compared = new ReadOnlyObjectWrapper<>();
    private final StringProperty refusal = new SimpleStringProperty("");
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
        measure.addListener(o -> schemeFor(column()));
        measure.addListener(unlockAndUpdate);
        visible.addListener(update);
        surface.addListener(update);
        bandwidthKm.addListener(update);
        forecastDay.addListener(update);
        for (var p : List.of(comparison, baseline, shows, perCapita)) {
            p.addListener(update);
        }
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
                forecastDay.set(Math.min(days - 1, r.window().asOfDay() - r.startDay()));
            } else {
                forecastDays.set(0);
            }
            first = list.isEmpty() ? null : list.get(0);
            String preferred = r.settings().model().defaultColumn().name();
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



    /** The column of the measure (null for the forecast). */
    public Column column() {
        RiskRun r = run.get();
        HeatmapMeasure m = measure.get();
        return r == null || m == null || m.isForecast() ? null : r.result().columns().get(m.column());
    }

    /** How the measure combines over a province. */
    public RollUp rollUp() {
        Column c = column();
        return c == null ? RollUp.SUM : c.rollUp();
    }



    /** The figure of every row of the run for the chosen measure (NaN: no value, or withheld under the k rule). */
    public Map<String, Double> regionValues() {
        return HeatmapValues.perRegion(run.get(), measure.get(), forecastDay.get());
    }

    static double forecastValue(SeirForecast.Outcome f, int day, int region) {
        return HeatmapValues.forecast(f, day, region);
    }

    /**
     * The values mapped: per region, or per province when rolled up (by the column's own rule); regions without a
     * value, sources and regions without published trips are left out (they are marked instead).
     */
    public Map<String, Double> mappedValues() {
        return HeatmapValues.mapped(run.get(), measure.get(), provinces.get(), forecastDay.get());
    }

    /** Regions (or provinces) without a class colour and how they are drawn. */
    public Map<String, ChoroplethLayer.Mark> marks() {
        return HeatmapValues.marks(run.get(), measure.get(), provinces.get(), forecastDay.get());
    }

    /** Recomputes breaks, colours, layer and legend. */
    public void update() {
        RiskRun r = run.get();
        HeatmapMeasure m = measure.get();
        if (r != null && r.forecast() != null) {
            forecastDate.set(r.data().info().period().start().plusDays(r.startDay() + forecastDay.get())
                    .toString());
        }
        if (r == null || m == null) {
            layer.set(null);
            legend.set(null);
            return;
        }
        ComparedHeatmap cmp = comparedHeatmap();
        refusal.set("");
        compared.set(null);
        if (cmp != null) {
            try {
                var h = cmp.heatmap(language());
                compared.set(h);
                legend.set(null);
                error.set("");
                note.set(String.join("\n", ComparedHeatmap.screenNote(h, r, language())));
                layer.set(visible.get() ? h.layer() : null);
                return;
            } catch (IllegalArgumentException e) {
                refusal.set(e.getMessage());   // the column alone, and why
            }
        }
        Map<String, Double> values = mappedValues();
        double[] v = values.values().stream().mapToDouble(Double::doubleValue).toArray();
        String title = title(m);
        HeatmapClasses classed = HeatmapClasses.of(v, column(), new HeatmapClasses.Rule(method.get(), classes.get(),
                customBreaks.get(), scheme.get(), reversed.get(), locked), title);
        error.set(classed.badEdges() ? messages.get("risk.heatmap.badBreaks") : "");
        Legend l = classed.legend();
        double[] inner = classed.inner();
        int[] colors = classed.colors();
        legend.set(l);
        note.set(provinces.get() ? messages.get(m.isForecast() ? RollUp.SUM.messageKey() : rollUp().messageKey())
                : "");
        ChoroplethLayer shown = new ChoroplethLayer(title, values, inner, colors).withMarks(marks());
        if (surface.get()) {
            shown = shown.withSurface(new DensitySurface(positions(r), Math.max(5, bandwidthKm.get())));
        }
        layer.set(visible.get() ? shown : null);
    }

    /**
     * The compared (or per-capita) figure of a place as the ranking and the hover write it — signed for a change,
     * with "%" for a change in percent — or null when no comparison is shown or the place has no figure.
     */
    public String comparedFigure(String code) {
        var h = compared.get();
        Double v = h == null ? null : h.layer().values().get(code);
        if (v == null) {
            return null;
        }
        String f = HeatmapHover.format(v, column());
        boolean change = shows.get().diverging() && comparison.get() != null;
        if (change && v > 0) {
            f = "+" + f;
        } else if (f.startsWith("-")) {
            f = "\u2212" + f.substring(1);   // the legend's minus sign
        }
        return change && shows.get() == FlowMeasure.CHANGE_PERCENT ? f + " %" : f;
    }

    /** The heading of what the heatmap shows: the compared figure's title, else the measure's name. */
    public String shownLabel() {
        var h = compared.get();
        return h != null ? h.title() : label(measure.get());
    }

    /** The comparison or per-capita heatmap the panel asks for, or null when it shows the plain column. */
    private ComparedHeatmap comparedHeatmap() {
        ComparedHeatmap c = new ComparedHeatmap(run.get(), comparison.get(), baseline.get(), measure.get(),
                shows.get(), perCapita.get(), ComparedHeatmap.classification(method.get(), classes.get(),
                customBreaks.get(), scheme.get(), reversed.get()), provinces.get());
        return c.applies() ? c : null;
    }

    /**
     * The heatmap on screen made again for a page in {@code lang} when it is a comparison or per capita (the same
     * figures, classes and colours: {@link org.epiflow.export.RiskHeatmapComparison}), else null.
     */
    public ExportHeatmap comparedFor(Language lang) {
        ComparedHeatmap c = compared.get() == null ? null : comparedHeatmap();
        return c == null ? null : c.heatmap(lang);
    }

    private Language language() {
        return messages.chinese() ? Language.ZH : Language.EN;
    }

    /**
     * Chooses the colours a column is read with: a diverging scheme centred on its neutral value (high = red), or
     * a sequential one running towards the exposed end (dark = near for distances and days).
     */
    private void schemeFor(Column c) {
        if (c == null) {
            return;
        }
        boolean div = c.scale() == Column.Scale.DIVERGING;
        if (div != (scheme.get().kind() == ColorScheme.Kind.DIVERGING)) {
            scheme.set(div ? ColorScheme.RD_BU : ColorScheme.YL_OR_RD);
        }
        reversed.set(div || c.exposure() == Column.Exposure.LOWER);
    }

    /** A figure as the legend and table show it: the column's significant digits, more for probabilities near 1. */
    public String format(double v, Column c) {
        return HeatmapHover.format(v, c);
    }

    /** The hover line of a place: the mapped figure and, where the model gives one, its 95 % interval. */
    public String describe(String code) {
        RiskRun r = run.get();
        HeatmapMeasure m = measure.get();
        if (r == null || m == null || layer.get() == null) {
            return "";
        }
        if (compared.get() != null) {
            var h = compared.get();
            Double v = h.layer().values().get(code);
            String label = h.title();
            if (v == null) {
                return h.layer().marks().containsKey(code) ? HeatmapHover.describe(messages, r, null, label, code,
                        null, h.layer().marks().get(code), provinces.get()) : "";
            }
            return messages.get("risk.hover.value", label, comparedFigure(code));
        }
        return HeatmapHover.describe(messages, r, column(), label(m), code, mappedValues().get(code),
                marks().get(code), provinces.get());
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
        return HeatmapClasses.parseEdges(text);
    }

    /** The localized name of a measure. */
    public String label(HeatmapMeasure m) {
        if (m == null) {
            return "";
        }
        String key = m.isForecast() ? "risk.column.forecast" : "analytics.column." + m.name();
        return messages.has(key) ? messages.get(key) : m.name();
    }

    /** The roll-up rule of the measure when rolled up to provinces, else "" (shown under the legend). */
    public StringProperty noteProperty() {
        return note;
    }

    private String title(HeatmapMeasure m) {
        String t = label(m);
        return m.isForecast() ? messages.get("risk.heatmap.titleAt", t, forecastDate.get()) : t;
    }

    public Messages messages() {
        return messages;
    }

    /** The run next to its baseline run (the Compare panel's baseline), or null. */
    public ObjectProperty<RiskComparison> comparisonProperty() {
        return comparison;
    }

    /** The baseline as the Compare panel set it (for the legend's note), or null. */
    public ObjectProperty<HeatmapBaseline> baselineProperty() {
        return baseline;
    }

    /** What a compared column shows: the period's value, the baseline, the change or the change in percent. */
    public ObjectProperty<FlowMeasure> showsProperty() {
        return shows;
    }

    /** A count per 1,000 residents (with or without a baseline). */
    public BooleanProperty perCapitaProperty() {
        return perCapita;
    }

    /** The comparison or per-capita heatmap shown (layer, legend rows, note), or null for the plain column. */
    public ReadOnlyObjectProperty<ExportHeatmap> comparedProperty() {
        return compared.getReadOnlyProperty();
    }

    /** Why the column is shown plain although a comparison or per capita is asked for, or empty. */
    public StringProperty refusalProperty() {
        return refusal;
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
