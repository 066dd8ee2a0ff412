package org.epiflow.ui.risk;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.epiflow.analytics.Driver;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.RiskRow;
import org.epiflow.analytics.cases.CaseCsvReader;
import org.epiflow.analytics.cases.CaseImportException;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.cases.Seeds;
import org.epiflow.analytics.classify.Legend;
import org.epiflow.analytics.seir.SeirEnsemble;
import org.epiflow.analytics.seir.SeirForecast;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Period;
import org.epiflow.model.Region;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.MapViewModel;
import org.epiflow.ui.map.RegionSelection;
import org.epiflow.ui.util.FileChooserService;
import org.epiflow.ui.util.TaskCallbacks;
import org.epiflow.ui.util.TaskExecutor;
import org.epiflow.ui.util.TaskHandle;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The risk panel's state: model and parameters (typed as text, validated into {@link RiskSettings}), case data
 * imported from {@code cases.csv} (problems listed by line and column) or seeds typed by hand, a background run with
 * progress and cancel, a cache of finished runs per bundle fingerprint and settings, the ranking table linked both
 * ways to the shared region selection, the heatmap and the selected region's SEIR forecast.
 */
public final class RiskViewModel {
    private final Messages messages;
    private final TaskExecutor executor;
    private final FileChooserService files;
    private final RegionSelection selection;
    private final MapViewModel map;
    private final HeatmapViewModel heatmap;
    private final RiskCache cache = new RiskCache(32);
    private final List<RiskRunListener> listeners = new CopyOnWriteArrayList<>();

    private final ObjectProperty<OpenedBundle> bundle = new SimpleObjectProperty<>();
    private final ObjectProperty<RiskModelKind> model = new SimpleObjectProperty<>(RiskModelKind.IMPORTATION);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final StringProperty window = new SimpleStringProperty("7");
    private final StringProperty ascertainment = new SimpleStringProperty("1");
    private final BooleanProperty bothDirections = new SimpleBooleanProperty();
    private final StringProperty sources = new SimpleStringProperty("");
    private final StringProperty seeds = new SimpleStringProperty("");
    private final StringProperty r0 = new SimpleStringProperty("2.5");
    private final StringProperty latentDays = new SimpleStringProperty("4");
    private final StringProperty infectiousDays = new SimpleStringProperty("5");
    private final StringProperty travelReduction = new SimpleStringProperty("0");
    private final StringProperty contactReduction = new SimpleStringProperty("0");
    private final StringProperty horizon = new SimpleStringProperty("60");
    private final StringProperty runs = new SimpleStringProperty("200");
    private final StringProperty seed = new SimpleStringProperty("1");
    private final BooleanProperty fitR0 = new SimpleBooleanProperty();
    private final StringProperty level = new SimpleStringProperty("0.95");

    private final BooleanProperty cumulative = new SimpleBooleanProperty();
    private final ObjectProperty<CaseTable> cases = new SimpleObjectProperty<>();
    private final org.epiflow.ui.i18n.LocalText casesSummary;
    private final org.epiflow.ui.i18n.LocalTexts caseProblems;
    private Path casesFile;

    private final org.epiflow.ui.i18n.LocalTexts errors;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final org.epiflow.ui.i18n.LocalText status;
    private final ReadOnlyObjectWrapper<RiskRun> run = new ReadOnlyObjectWrapper<>();
    private final ObservableList<RankingRow> ranking = FXCollections.observableArrayList();
    private final ObjectProperty<RankingRow> selectedRow = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ForecastSeries> forecast = new ReadOnlyObjectWrapper<>();
    private TaskHandle handle;
    private java.util.concurrent.atomic.AtomicBoolean token;
    private int computations;
    private boolean linking;

    public RiskViewModel(Messages messages, TaskExecutor executor, FileChooserService files, RegionSelection selection,
                         MapViewModel map) {
        this.messages = messages;
        this.casesSummary = messages.text();
        this.caseProblems = messages.list();
        this.errors = messages.list();
        this.status = messages.text();
        this.executor = executor;
        this.files = files;
        this.selection = selection;
        this.map = map;
        this.heatmap = new HeatmapViewModel(messages);
        heatmap.provincesProperty().bind(map.filters().provincesProperty());
        heatmap.layerProperty().addListener((o, a, l) -> map.heatmapProperty().set(l));
        heatmap.measureProperty().addListener((o, a, b) -> fillRanking());
        heatmap.forecastDayProperty().addListener((o, a, b) -> {
            if (heatmap.measureProperty().get() != null && heatmap.measureProperty().get().isForecast()) {
                fillRanking();
            }
        });
        bundle.addListener((o, a, b) -> {
            cancel();
            cases.set(null);
            casesFile = null;
            casesSummary.clear();
            caseProblems.clear();
            errors.clear();
            from.set(null);
            asOf.set(null);
            show(null);
            status.clear();
        });
        selection.codeProperty().addListener((o, a, c) -> selectionChanged(c));
        messages.localeProperty().addListener(o -> fillRanking());   // region names in the new language
        cumulative.addListener((o, a, b) -> {
            if (casesFile != null) {
                importCases(casesFile);
            }
        });
    }

    // ---- case data -------------------------------------------------------------------------------------------

    /** Asks for a cases file and imports it. */
    public void chooseCases() {
        OpenedBundle b = bundle.get();
        if (b == null) {
            return;
        }
        Path dir = b.file() == null ? null : b.file().toAbsolutePath().getParent();
        files.openFile(messages.get("risk.cases.choose"), dir, messages.get("risk.cases.filter"), "*.csv")
                .ifPresent(this::importCases);
    }

    /** Reads and validates a cases file in the background; problems are listed by line and column. */
    public void importCases(Path file) {
        OpenedBundle b = bundle.get();
        if (b == null) {
            return;
        }
        AggregateDataset data = b.data();
        boolean cum = cumulative.get();
        caseProblems.clear();
        executor.execute(ctx -> new CaseCsvReader(data.info().period(), data.regions(), cum).read(file),
                TaskCallbacks.<CaseTable>of(t -> {
                    if (bundle.get() != b) {
                        return;
                    }
                    casesFile = file;
                    cases.set(t);
                    casesSummary.show("risk.cases.loaded", file.getFileName().toString(), t.total(),
                            t.lastReportedDay() < 0 ? "-" : data.info().period().day(t.lastReportedDay()).toString());
                    if (!errors.isEmpty()) {
                        validate();   // "import case data…" and the like are answered now: show only what is left
                    }
                }, e -> {
                    cases.set(null);
                    casesFile = null;
                    casesSummary.show("risk.cases.refused", file.getFileName().toString());
                    if (e instanceof CaseImportException ce) {
                        for (CaseImportException.Problem p : ce.problems()) {
                            caseProblems.add(p.line() <= 0 ? org.epiflow.text.Message.of("risk.cases.problemFile",
                                    p.message()) : p.column().isEmpty() ? org.epiflow.text.Message.of(
                                    "risk.cases.problemLine", p.line(), p.message())
                                    : org.epiflow.text.Message.of("risk.cases.problem", p.line(), p.column(),
                                    p.message()));
                        }
                    } else {
                        caseProblems.add(org.epiflow.text.Problems.of(e));
                    }
                }));
    }

    /** Forgets the case data. */
    public void clearCases() {
        cases.set(null);
        casesFile = null;
        casesSummary.clear();
        caseProblems.clear();
    }

    // ---- validation ------------------------------------------------------------------------------------------

    /** Validates the inputs; on success the settings, else null with {@link #errors()} filled. */
    public RiskSettings validate() {
        List<org.epiflow.text.Message> err = new ArrayList<>();
        OpenedBundle b = bundle.get();
        if (b == null) {
            errors.setAll(List.of(org.epiflow.text.Message.of("risk.error.noBundle")));
            return null;
        }
        AggregateDataset data = b.data();
        Period period = data.info().period();
        CaseTable t = cases.get();
        RiskModelKind k = model.get();
        int last = period.days() - 1;
        int asOfDay = asOf.get() != null ? day(period, asOf.get(), "risk.asOf", err)
                : t != null && t.lastReportedDay() >= 0 ? t.lastReportedDay() : last;
        int fromDay = from.get() != null ? day(period, from.get(), "risk.from", err) : 0;
        if (err.isEmpty() && fromDay > asOfDay) {
            err.add(org.epiflow.text.Message.of("risk.error.order"));
        }
        boolean seir = k == RiskModelKind.SEIR;
        boolean imp = k == RiskModelKind.IMPORTATION;
        int w = imp ? (int) number(window, "risk.window", 1, 60, true, err) : 7;
        double asc = imp || seir ? number(ascertainment, "risk.ascertainment", 0.001, 1, false, err) : 1;
        double r = seir ? number(r0, "risk.r0", 0.1, 20, false, err) : 2.5;
        double lat = seir ? number(latentDays, "risk.latent", 0.5, 60, false, err) : 4;
        double inf = seir ? number(infectiousDays, "risk.infectious", 0.5, 60, false, err) : 5;
        double tr = seir ? number(travelReduction, "risk.travelReduction", 0, 1, false, err) : 0;
        double cr = seir ? number(contactReduction, "risk.contactReduction", 0, 1, false, err) : 0;
        int hz = seir ? (int) number(horizon, "risk.horizon", 0, 365, true, err) : 60;
        int rn = seir ? (int) number(runs, "risk.runs", 0, 2000, true, err) : 200;
        long sd = seir ? (long) number(seed, "risk.seed", 0, 1e15, true, err) : 1;
        double lv = k == RiskModelKind.OBSERVED_EXPECTED ? number(level, "risk.level", 0.5, 0.999, false, err) : 0.95;
        List<String> src = new ArrayList<>();
        for (String c : sources.get().trim().split("[,;\\s]+")) {
            if (!c.isBlank()) {
                if (data.regions().indexOf(c) < 0) {
                    err.add(org.epiflow.text.Message.of("risk.error.source", c));
                }
                src.add(c);
            }
        }
        List<String> sds = new ArrayList<>();
        if (imp || seir) {
            for (String s : seeds.get().trim().split("[,;\\s]+")) {
                if (!s.isBlank()) {
                    sds.add(s);
                }
            }
            try {
                Seeds.parse(sds, data.regions());
            } catch (IllegalArgumentException e) {
                err.add(org.epiflow.text.Message.of("risk.error.seeds", org.epiflow.text.Problems.reason(e)));
            }
        }
        boolean hasCases = t != null;
        switch (k) {
            case IMPORTATION -> {
                if (!hasCases && sds.isEmpty()) {
                    err.add(org.epiflow.text.Message.of("risk.error.needCasesOrSeeds"));
                }
            }
            case SEIR -> {
                if (!hasCases && sds.isEmpty()) {
                    err.add(org.epiflow.text.Message.of("risk.error.needCasesOrSeeds"));
                }
            }
            case OBSERVED_EXPECTED -> {
                if (!hasCases) {
                    err.add(org.epiflow.text.Message.of("risk.error.needCases"));
                }
            }
            case EFFECTIVE_DISTANCE -> {
                if (!hasCases && src.isEmpty()) {
                    err.add(org.epiflow.text.Message.of("risk.error.needSources"));
                }
            }
            default -> { }
        }
        errors.setAll(err);
        if (!err.isEmpty()) {
            return null;
        }
        String casesKey = t == null ? "" : (casesFile == null ? "" : casesFile.getFileName().toString()) + "|"
                + (cumulative.get() ? "cumulative" : "daily") + "|" + Integer.toHexString(t.hashCode()) + "|"
                + t.total();
        return new RiskSettings(k, fromDay, asOfDay, imp && bothDirections.get(), w, asc, src, sds, r, lat, inf, tr,
                cr, hz, rn, sd, seir && fitR0.get(), lv, casesKey);
    }

    private int day(Period period, LocalDate d, String field, List<org.epiflow.text.Message> err) {
        if (!period.contains(d)) {
            err.add(org.epiflow.text.Message.of("risk.error.date", org.epiflow.text.Message.of(field),
                    period.start().toString(), period.day(period.days() - 1).toString()));
            return 0;
        }
        return (int) (d.toEpochDay() - period.start().toEpochDay());
    }

    private double number(StringProperty p, String field, double min, double max, boolean whole,
                          List<org.epiflow.text.Message> err) {
        String s = p.get() == null ? "" : p.get().trim().replace(',', '.');
        try {
            double v = Double.parseDouble(s);
            if (!(v >= min && v <= max) || (whole && v != Math.rint(v))) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            err.add(org.epiflow.text.Message.of(whole ? "risk.error.whole" : "risk.error.number",
                    org.epiflow.text.Message.of(field), plain(min), plain(max)));
            return min;
        }
    }

    private static String plain(double v) {
        return Legend.format(v);
    }

    // ---- running ---------------------------------------------------------------------------------------------

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
        CaseTable t = cases.get();
        running.set(true);
        progress.set(-1);
        status.show("risk.status.running", org.epiflow.text.Message.of(s.model().key()));
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        token = stop;
        TaskHandle h = executor.execute(ctx -> {
            ctx.progress("run", -1);
            if (ctx.isCancelled() || stop.get()) {
                return null;
            }
            computations++;
            return RiskEngine.run(b.fingerprint(), b.data(), t, s);
        }, new TaskCallbacks<RiskRun>(r -> {
            if (stop.get() || r == null || bundle.get() != b) {
                return;
            }
            finished();
            cache.put(r);
            show(r);
            status.show("risk.status.done", org.epiflow.text.Message.of(s.model().key()), r.result().rows().size());
            listeners.forEach(l -> l.runFinished(r));
        }, e -> {
            if (stop.get()) {
                return;
            }
            finished();
            status.show("risk.status.failed", org.epiflow.text.Problems.of(e));
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
        fillRanking();
        selectionChanged(selection.code());
    }

    // ---- ranking and selection -------------------------------------------------------------------------------

    private void fillRanking() {
        RiskRun r = run.get();
        List<RankingRow> rows = new ArrayList<>();
        if (r != null) {
            RiskResult res = r.result();
            HeatmapMeasure m = heatmap.measureProperty().get();
            int rank = 1;
            for (RiskRow row : res.rows()) {
                String value;
                if (m == null) {
                    value = "";
                } else if (m.isForecast()) {
                    value = Legend.format(HeatmapViewModel.forecastValue(r.forecast(),
                            heatmap.forecastDayProperty().get(), row.region()));
                } else {
                    double v = row.value(m.column());
                    value = res.withheld(row, m.column()) ? "< " + res.k() : Double.isNaN(v) ? "" : Legend.format(v);
                }
                rows.add(new RankingRow(rank++, row.code(), regionName(r.data(), row.region()), value,
                        drivers(r.data(), row), row.flag()));
            }
        }
        RankingRow keep = selectedRow.get();
        ranking.setAll(rows);
        if (keep != null) {
            selectionChanged(keep.code());
        }
    }

    private String regionName(AggregateDataset data, int i) {
        Region reg = data.regions().get(i);
        String n = messages.chinese() ? reg.name() : reg.nameEn();
        return n == null || n.isBlank() ? reg.code() : n;
    }

    private String drivers(AggregateDataset data, RiskRow row) {
        List<String> parts = new ArrayList<>();
        for (Driver d : row.drivers()) {
            parts.add(messages.get("risk.driver", regionName(data, d.region()),
                    String.format(Locale.ROOT, "%.0f", 100 * d.share())));
        }
        return String.join(messages.chinese() ? "；" : "; ", parts);
    }

    /** A row was chosen in the table: select its region on the map and zoom to it. */
    public void selectRow(RankingRow row) {
        if (linking) {
            return;
        }
        linking = true;
        try {
            selectedRow.set(row);
            if (row != null) {
                selection.select(row.code());
                map.zoomToSelection();
            }
            updateForecast();
        } finally {
            linking = false;
        }
    }

    private void selectionChanged(String code) {
        RankingRow found = null;
        for (RankingRow r : ranking) {
            if (r.code().equals(code)) {
                found = r;
                break;
            }
        }
        boolean was = linking;
        linking = true;
        try {
            selectedRow.set(found);
        } finally {
            linking = was;
        }
        updateForecast();
    }

    private void updateForecast() {
        RiskRun r = run.get();
        RankingRow row = selectedRow.get();
        if (r == null || r.forecast() == null || row == null) {
            forecast.set(null);
            return;
        }
        forecast.set(series(r, row.code(), row.name()));
    }

    /** The SEIR forecast of one region of a run (null when the run is not a SEIR forecast). */
    public static ForecastSeries series(RiskRun r, String code, String name) {
        SeirForecast.Outcome f = r.forecast();
        int region = r.data().regions().indexOf(code);
        if (f == null || region < 0) {
            return null;
        }
        int days = f.deterministic().days();
        double[][] q = new double[5][days];
        SeirEnsemble e = f.ensemble();
        for (int d = 0; d < days; d++) {
            for (int l = 0; l < 5; l++) {
                q[l][d] = e != null ? e.quantile(l, d, region) : f.deterministic().cumulative(d, region);
            }
        }
        int start = r.settings().fromDay();
        double[] obs = null;
        if (r.cases() != null) {
            obs = new double[days];
            Arrays.fill(obs, Double.NaN);
            long sum = 0;
            for (int d = 0; d < start; d++) {
                sum += r.cases().daily(d, region);
            }
            int end = r.cases().lastReportedDay();
            for (int d = 0; d < days && start + d <= end && start + d < r.cases().days(); d++) {
                sum += r.cases().daily(start + d, region);
                obs[d] = sum;
            }
        }
        LocalDate s = r.data().info().period().day(start);
        return new ForecastSeries(code, name, s, q[0], q[1], q[2], q[3], q[4], obs, r.settings().asOfDay() - start);
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
        show(null);
    }

    /** Computations actually run (not answered from the cache); for tests. */
    public int computations() {
        return computations;
    }

    public RiskCache cache() {
        return cache;
    }

    public HeatmapViewModel heatmap() {
        return heatmap;
    }

    public Messages messages() {
        return messages;
    }

    public ObjectProperty<OpenedBundle> bundleProperty() {
        return bundle;
    }

    public ObjectProperty<RiskModelKind> modelProperty() {
        return model;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public StringProperty windowProperty() {
        return window;
    }

    public StringProperty ascertainmentProperty() {
        return ascertainment;
    }

    public BooleanProperty bothDirectionsProperty() {
        return bothDirections;
    }

    public StringProperty sourcesProperty() {
        return sources;
    }

    public StringProperty seedsProperty() {
        return seeds;
    }

    public StringProperty r0Property() {
        return r0;
    }

    public StringProperty latentDaysProperty() {
        return latentDays;
    }

    public StringProperty infectiousDaysProperty() {
        return infectiousDays;
    }

    public StringProperty travelReductionProperty() {
        return travelReduction;
    }

    public StringProperty contactReductionProperty() {
        return contactReduction;
    }

    public StringProperty horizonProperty() {
        return horizon;
    }

    public StringProperty runsProperty() {
        return runs;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public BooleanProperty fitR0Property() {
        return fitR0;
    }

    public StringProperty levelProperty() {
        return level;
    }

    public BooleanProperty cumulativeProperty() {
        return cumulative;
    }

    public ObjectProperty<CaseTable> casesProperty() {
        return cases;
    }

    public StringProperty casesSummaryProperty() {
        return casesSummary;
    }

    public ObservableList<String> caseProblems() {
        return caseProblems.strings();
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

    public ReadOnlyObjectProperty<RiskRun> runProperty() {
        return run.getReadOnlyProperty();
    }

    public ObservableList<RankingRow> ranking() {
        return ranking;
    }

    public ObjectProperty<RankingRow> selectedRowProperty() {
        return selectedRow;
    }

    public ReadOnlyObjectProperty<ForecastSeries> forecastProperty() {
        return forecast;
    }
}
