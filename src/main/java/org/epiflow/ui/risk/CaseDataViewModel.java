package org.epiflow.ui.risk;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.epiflow.analytics.cases.CaseCsvReader;
import org.epiflow.analytics.cases.CaseImportException;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.model.AggregateDataset;
import org.epiflow.text.Localized;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.util.FileChooserService;
import org.epiflow.ui.util.TaskCallbacks;
import org.epiflow.ui.util.TaskExecutor;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The case data of the risk panel: a {@code cases.csv} imported in the background (every problem listed by line
 * and column, in the user's language), daily or running totals, and the key that identifies it in the run cache.
 */
public final class CaseDataViewModel {
    private final Messages messages;
    private final TaskExecutor executor;
    private final FileChooserService files;
    private final Supplier<OpenedBundle> bundle;
    private final BooleanProperty cumulative = new SimpleBooleanProperty();
    private final ObjectProperty<CaseTable> cases = new SimpleObjectProperty<>();
    private final org.epiflow.ui.i18n.LocalText summary;
    private final org.epiflow.ui.i18n.LocalTexts problems;
    private Path file;
    private String source;
    private Long tableId;
    private CaseTableKeeper keeper;

    public CaseDataViewModel(Messages messages, TaskExecutor executor, FileChooserService files,
                             Supplier<OpenedBundle> bundle) {
        this.messages = messages;
        this.summary = messages.text();
        this.problems = messages.list();
        this.executor = executor;
        this.files = files;
        this.bundle = bundle;
        cumulative.addListener((o, a, b) -> {
            if (file != null) {
                importFile(file);
            } else if (tableId != null && keeper != null) {
                restore(tableId, source, b, x -> { });
            }
        });
    }

    /** Asks for a cases file and imports it. */
    public void choose() {
        OpenedBundle b = bundle.get();
        if (b == null) {
            return;
        }
        Path dir = b.file() == null ? null : b.file().toAbsolutePath().getParent();
        files.openFile(messages.get("risk.cases.choose"), dir, messages.get("risk.cases.filter"), "*.csv")
                .ifPresent(this::importFile);
    }

    /** Reads and validates a cases file in the background. */
    public void importFile(Path f) {
        OpenedBundle b = bundle.get();
        if (b == null) {
            return;
        }
        AggregateDataset data = b.data();
        boolean cum = cumulative.get();
        problems.clear();
        CaseTableKeeper k = keeper;
        executor.execute(ctx -> {
            byte[] csv = java.nio.file.Files.readAllBytes(f);
            try {
                CaseTable t = parse(data, cum, csv, f.getFileName().toString());
                Long id = null;
                if (k != null) {
                    try {
                        id = k.keep(f.getFileName().toString(), csv);
                    } catch (Exception notKept) {
                        // shown all the same; it does not come back after a lock (the workspace says why)
                    }
                }
                return new Imported(t, id);
            } finally {
                java.util.Arrays.fill(csv, (byte) 0);
            }
        }, TaskCallbacks.<Imported>of(imported -> {
                    if (bundle.get() != b) {
                        return;
                    }
                    CaseTable t = imported.table();
                    file = f;
                    source = f.getFileName().toString();
                    tableId = imported.id();
                    cases.set(t);
                    summary.show("risk.cases.loaded", f.getFileName().toString(), t.total(),
                            t.lastReportedDay() < 0 ? "-" : data.info().period().day(t.lastReportedDay()).toString());
                }, e -> {
                    cases.set(null);
                    file = null;
                    source = null;
                    tableId = null;
                    summary.show("risk.cases.refused", f.getFileName().toString());
                    if (e instanceof CaseImportException ce) {
                        for (CaseImportException.Problem p : ce.problems()) {
                            problems.add(p.located());
                        }
                    } else if (e instanceof Localized l) {
                        problems.add(l.message());
                    } else {
                        problems.add("risk.cases.unreadable", org.epiflow.text.Problems.reason(e));
                    }
                }));
    }

    private record Imported(CaseTable table, Long id) {
    }

    private static CaseTable parse(AggregateDataset data, boolean cumulative, byte[] csv, String source)
            throws java.io.IOException, CaseImportException {
        var decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
        try (var in = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(csv), decoder)) {
            return new CaseCsvReader(data.info().period(), data.regions(), cumulative).read(in, source);
        }
    }

    /** Where imported tables are kept (the workspace); null: nowhere (they do not come back after a lock). */
    public void setKeeper(CaseTableKeeper k) {
        this.keeper = k;
    }

    /** The id of the shown table in the keeper, or null (none shown, or not kept). */
    public Long tableId() {
        return tableId;
    }

    /** The file name the shown table was imported from, or null. */
    public String source() {
        return source;
    }

    /**
     * Shows a table kept before (after a lock or a restart): read from the keeper and checked against the bundle
     * shown, in the background, exactly as when it was imported; {@code done} runs on the UI thread with whether
     * it is shown.
     */
    public void restore(long id, String name, boolean cum, java.util.function.Consumer<Boolean> done) {
        OpenedBundle b = bundle.get();
        CaseTableKeeper k = keeper;
        if (b == null || k == null) {
            done.accept(false);
            return;
        }
        AggregateDataset data = b.data();
        String shownName = name == null || name.isBlank() ? "cases.csv" : name;
        problems.clear();
        executor.execute(ctx -> {
            java.util.Optional<byte[]> csv = k.content(id);
            if (csv.isEmpty()) {
                return null;
            }
            try {
                return parse(data, cum, csv.get(), shownName);
            } finally {
                java.util.Arrays.fill(csv.get(), (byte) 0);
            }
        }, TaskCallbacks.<CaseTable>of(t -> {
            if (bundle.get() != b || t == null) {
                done.accept(false);
                return;
            }
            file = null;
            tableId = null;
            cumulative.set(cum);
            source = shownName;
            tableId = id;
            cases.set(t);
            summary.show("risk.cases.loaded", shownName, t.total(),
                    t.lastReportedDay() < 0 ? "-" : data.info().period().day(t.lastReportedDay()).toString());
            done.accept(true);
        }, e -> done.accept(false)));
    }

    /** Forgets the case data. */
    public void clear() {
        cases.set(null);
        file = null;
        source = null;
        tableId = null;
        summary.clear();
        problems.clear();
    }

    /** Identifies the case data for the cache: file name, daily/cumulative and a content hash ("" for none). */
    public String key() {
        CaseTable t = cases.get();
        return t == null ? "" : (source == null ? "" : source) + "|"
                + (cumulative.get() ? "cumulative" : "daily") + "|" + Integer.toHexString(t.hashCode()) + "|"
                + t.total();
    }

    public BooleanProperty cumulativeProperty() {
        return cumulative;
    }

    public ObjectProperty<CaseTable> casesProperty() {
        return cases;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public ObservableList<String> problems() {
        return problems.strings();
    }
}
