package org.epiflow.ui.risk;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.epiflow.analytics.ModelParameters;
import org.epiflow.analytics.RiskInputException;
import org.epiflow.analytics.RiskModel;
import org.epiflow.analytics.RiskModels;
import org.epiflow.analytics.RiskOutcome;
import org.epiflow.analytics.RiskRequest;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.text.Localized;
import org.epiflow.text.Message;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.MapViewModel;
import org.epiflow.ui.map.RegionSelection;
import org.epiflow.ui.util.FileChooserService;
import org.epiflow.ui.util.TaskCallbacks;
import org.epiflow.ui.util.TaskExecutor;
import org.epiflow.ui.util.TaskHandle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The risk panel's state, in parts: what was typed ({@link RiskFormViewModel}), the case data
 * ({@link CaseDataViewModel}), the heatmap ({@link HeatmapViewModel}) and the ranking ({@link RankingViewModel});
 * this class turns the form into a {@link RiskRequest}, runs it through {@link RiskModels} in the background with
 * progress and cancel, caches finished runs per bundle fingerprint and settings, and shows the selected region's
 * SEIR forecast.
 */
public final class RiskViewModel {
    private final Messages messages;
    private final TaskExecutor executor;
    private final RegionSelection selection;
    private final RiskFormViewModel form = new RiskFormViewModel();
    private final CaseDataViewModel cases;
    private final HeatmapViewModel heatmap;
    private final RankingViewModel ranking;
    private final HeatmapComparisonRun heatmapBaseline;
    private final RiskCache cache = new RiskCache(32);
    private final List<RiskRunListener> listeners = new CopyOnWriteArrayList<>();

    private final ObjectProperty<OpenedBundle> bundle = new SimpleObjectProperty<>();
    private final org.epiflow.ui.i18n.LocalTexts errors;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final org.epiflow.ui.i18n.LocalText status;
    private final StringProperty inputs = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<RiskRun> run = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ForecastSeries> forecast = new ReadOnlyObjectWrapper<>();
    /** The form as typed for each run finished on the bundle shown, oldest first (at most {@value #KEPT_RUNS}). */
    private final java.util.LinkedHashMap<RiskSettings, java.util.Map<String, String>> runForms =
            new java.util.LinkedHashMap<>();
    static final int KEPT_RUNS = 5;
    private TaskHandle handle;
    private AtomicBoolean token;
    private int computations;

    public RiskViewModel(Messages messages, TaskExecutor executor, FileChooserService files, RegionSelection selection,
                         MapViewModel map) {
        this.messages = messages;
        this.errors = messages.list();
        this.status = messages.text();
        this.executor = executor;
        this.selection = selection;
        this.cases = new CaseDataViewModel(messages, executor, files, bundle::get);
        this.heatmap = new HeatmapViewModel(messages);
        this.ranking = new RankingViewModel(messages, selection, map, heatmap);
        this.heatmapBaseline = new HeatmapComparisonRun(messages, executor);
        heatmapBaseline.runProperty().bind(run);
        heatmap.provincesProperty().bind(map.filters().provincesProperty());
        heatmap.layerProperty().addListener((o, a, l) -> map.heatmapProperty().set(l));
        map.hoverDetailProperty().set(heatmap::describe);
        heatmap.measureProperty().addListener((o, a, b) -> ranking.fill(run.get()));
        heatmap.comparedProperty().addListener((o, a, b) -> ranking.fill(run.get()));
        heatmap.forecastDayProperty().addListener((o, a, b) -> {
            if (heatmap.measureProperty().get() != null && heatmap.measureProperty().get().isForecast()) {
                ranking.fill(run.get());
            }
        });
        bundle.addListener((o, a, b) -> {
            cancel();
            runForms.clear();
            cases.clear();
            form.clearDates();
            show(null);
            status.clear();
        });
        // region names, notes and the inputs in the new language
        messages.localeProperty().addListener(o -> {
            RiskRun r = run.get();
            inputs.set(r == null ? "" : String.join("\n", r.result().inputs().stream().map(messages::format)
                    .toList()));
            ranking.fill(r);
        });
        // an import answers "import case data…": show only the mistakes that are left
        cases.casesProperty().addListener((o, a, t) -> {
            if (t != null && !errors.isEmpty()) {
                validate();
            }
        });
        selection.codeProperty().addListener((o, a, c) -> {
            ranking.selectionChanged(c);
            updateForecast();
        });
        ranking.selectedProperty().addListener((o, a, r) -> updateForecast());
    }

    // ---- requests ----------------------------------------------------------------------------------------------

    /** Validates the inputs; on success the settings, else null with {@link #errors()} filled. */
    public RiskSettings validate() {
        OpenedBundle b = bundle.get();
        if (b == null) {
            errors.setAll(List.of(Message.of("risk.error.noBundle")));
            return null;
        }
        List<Message> problems = new ArrayList<>();
        ModelParameters p = form.parameters(problems);
        RiskSettings s = new RiskSettings(form.modelProperty().get(), p, form.sourceCodes(), form.seedItems(),
                form.fromProperty().get(), form.toProperty().get(), form.asOfProperty().get(), cases.key());
        problems.addAll(RiskModels.problems(request(b, s)));
        errors.setAll(problems);
        return problems.isEmpty() ? s : null;
    }

    private RiskRequest request(OpenedBundle b, RiskSettings s) {
        return new RiskRequest(b.data(), cases.casesProperty().get(), s.sources(), s.seeds(), s.from(), s.to(),
                s.asOf(), s.parameters());
    }

    /** Validates and runs (or answers from the cache). */
    public void run() {
        RiskSettings s = validate();
        if (s == null || running.get()) {
            return;
        }
        OpenedBundle b = bundle.get();
        var hit = cache.get(b.fingerprint(), s);
        if (hit.isPresent()) {
            show(hit.get());
            status.show("risk.status.cached");
            return;
        }
        CaseTable t = cases.casesProperty().get();
        RiskRequest req = request(b, s);
        java.util.Map<String, String> typed = form.snapshot();
        running.set(true);
        progress.set(-1);
        status.show("risk.status.running", Message.of(s.model().messageKey()));
        AtomicBoolean stop = new AtomicBoolean();
        token = stop;
        TaskHandle h = executor.execute(ctx -> {
            ctx.progress("run", -1);
            if (ctx.isCancelled() || stop.get()) {
                return null;
            }
            computations++;
            RiskOutcome o = RiskModels.run(req);
            return new RiskRun(b.fingerprint(), s, o, t, b.data());
        }, new TaskCallbacks<RiskRun>(r -> {
            if (stop.get() || r == null || bundle.get() != b) {
                return;
            }
            cache.put(r);
            runForms.remove(s);
            runForms.put(s, typed);
            while (runForms.size() > KEPT_RUNS) {
                runForms.remove(runForms.keySet().iterator().next());
            }
            show(r);
            finished();   // after it is shown: whoever waits for "running" to go off finds the run
            status.show("risk.status.done", Message.of(s.model().messageKey()), r.result().rows().size());
            listeners.forEach(l -> l.runFinished(r));
        }, e -> {
            if (stop.get()) {
                return;
            }
            finished();
            if (e instanceof RiskInputException ie) {
                errors.setAll(ie.problems());
            }
            status.show("risk.status.failed", org.epiflow.text.Problems.reason(e));
        }, (stage, f) -> {
            if (!stop.get()) {
                progress.set(f);
            }
        }));
        if (token == stop) {
            handle = h;
        }
    }

    private void finished() {
        token = null;
        handle = null;
        running.set(false);
    }

    /** Stops the running computation; its result is dropped. */
    public void cancel() {
        if (token != null) {
            token.set(true);
        }
        token = null;
        if (handle != null) {
            handle.cancel();
        }
        if (running.get()) {
            running.set(false);
            status.show("risk.status.cancelled");
        }
        handle = null;
    }

    private void show(RiskRun r) {
        run.set(r);
        heatmap.runProperty().set(r);
        inputs.set(r == null ? "" : String.join("\n", r.result().inputs().stream().map(messages::format).toList()));
        ranking.fill(r);
        ranking.selectionChanged(selection.code());
        updateForecast();
    }

    private void updateForecast() {
        RiskRun r = run.get();
        RankingRow row = ranking.selectedProperty().get();
        forecast.set(r == null || r.forecast() == null || row == null ? null
                : ForecastSeries.of(r, row.code(), row.name()));
    }

    /** A row was chosen in the table: select its region on the map and zoom to it. */
    public void selectRow(RankingRow row) {
        ranking.select(row);
    }

    /** The SEIR forecast of one region of a run (null when the run is not a SEIR forecast). */
    public static ForecastSeries series(RiskRun r, String code, String name) {
        return ForecastSeries.of(r, code, name);
    }

    // ---- case data (delegated) -----------------------------------------------------------------------------------

    public void chooseCases() {
        cases.choose();
    }

    public void importCases(Path file) {
        cases.importFile(file);
    }

    public void clearCases() {
        cases.clear();
    }

    // ---- the workspace hook and housekeeping -----------------------------------------------------------------

    public void addRunListener(RiskRunListener l) {
        listeners.add(l);
    }

    public void removeRunListener(RiskRunListener l) {
        listeners.remove(l);
    }

    /** Shows a run kept elsewhere (e.g. reopened from the workspace) and caches it. */
    public void showRun(RiskRun r) {
        cache.put(r);
        show(r);
    }

    /** Forgets every cached run (on lock). */
    public void clear() {
        cancel();
        cache.clear();
        runForms.clear();
        show(null);
    }

    /**
     * The form as typed for the runs finished on the bundle shown (oldest first, the run shown last), for the
     * session document: running them again gives the same results.
     */
    public List<java.util.Map<String, String>> runForms() {
        List<java.util.Map<String, String>> out = new ArrayList<>();
        RiskRun shown = run.get();
        runForms.forEach((settings, typed) -> {
            if (shown == null || !settings.equals(shown.settings())) {
                out.add(typed);
            }
        });
        if (shown != null && runForms.containsKey(shown.settings())) {
            out.add(runForms.get(shown.settings()));
        }
        return out;
    }

    /** Computations actually run (not answered from the cache); for tests. */
    public int computations() {
        return computations;
    }

    public RiskCache cache() {
        return cache;
    }

    public RiskFormViewModel form() {
        return form;
    }

    public CaseDataViewModel caseData() {
        return cases;
    }

    public HeatmapViewModel heatmap() {
        return heatmap;
    }

    /** The model run again on the Compare panel's baseline, for the heatmap's comparison. */
    public HeatmapComparisonRun heatmapBaseline() {
        return heatmapBaseline;
    }

    public RankingViewModel rankingModel() {
        return ranking;
    }

    public Messages messages() {
        return messages;
    }

    public ObjectProperty<OpenedBundle> bundleProperty() {
        return bundle;
    }

    public ObjectProperty<RiskModel> modelProperty() {
        return form.modelProperty();
    }

    public ObjectProperty<CaseTable> casesProperty() {
        return cases.casesProperty();
    }

    public StringProperty casesSummaryProperty() {
        return cases.summaryProperty();
    }

    public ObservableList<String> caseProblems() {
        return cases.problems();
    }

    public BooleanProperty cumulativeProperty() {
        return cases.cumulativeProperty();
    }

    public ObservableList<String> errors() {
        return errors.strings();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** What the shown run was made with (window, as-of date, parameters), one line each. */
    public StringProperty inputsProperty() {
        return inputs;
    }

    public ReadOnlyObjectProperty<RiskRun> runProperty() {
        return run.getReadOnlyProperty();
    }

    public ObservableList<RankingRow> ranking() {
        return ranking.rows();
    }

    public ObjectProperty<RankingRow> selectedRowProperty() {
        return ranking.selectedProperty();
    }

    public ReadOnlyObjectProperty<ForecastSeries> forecastProperty() {
        return forecast.getReadOnlyProperty();
    }
}
