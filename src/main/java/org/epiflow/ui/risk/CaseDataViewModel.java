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
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private Path file;

    public CaseDataViewModel(Messages messages, TaskExecutor executor, FileChooserService files,
                             Supplier<OpenedBundle> bundle) {
        this.messages = messages;
        this.executor = executor;
        this.files = files;
        this.bundle = bundle;
        cumulative.addListener((o, a, b) -> {
            if (file != null) {
                importFile(file);
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
        executor.execute(ctx -> new CaseCsvReader(data.info().period(), data.regions(), cum).read(f),
                TaskCallbacks.<CaseTable>of(t -> {
                    if (bundle.get() != b) {
                        return;
                    }
                    file = f;
                    cases.set(t);
                    summary.set(messages.get("risk.cases.loaded", f.getFileName().toString(),
                            String.format(messages.locale(), "%,d", t.total()),
                            t.lastReportedDay() < 0 ? "-" : data.info().period().day(t.lastReportedDay()).toString()));
                }, e -> {
                    cases.set(null);
                    file = null;
                    summary.set(messages.get("risk.cases.refused", f.getFileName().toString()));
                    if (e instanceof CaseImportException ce) {
                        for (CaseImportException.Problem p : ce.problems()) {
                            problems.add(messages.format(p.located()));
                        }
                    } else if (e instanceof Localized l) {
                        problems.add(messages.format(l));
                    } else {
                        problems.add(messages.get("risk.cases.unreadable", String.valueOf(e.getMessage())));
                    }
                }));
    }

    /** Forgets the case data. */
    public void clear() {
        cases.set(null);
        file = null;
        summary.set("");
        problems.clear();
    }

    /** Identifies the case data for the cache: file name, daily/cumulative and a content hash ("" for none). */
    public String key() {
        CaseTable t = cases.get();
        return t == null ? "" : (file == null ? "" : file.getFileName().toString()) + "|"
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
        return problems;
    }
}
