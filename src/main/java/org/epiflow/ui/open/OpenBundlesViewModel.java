package org.epiflow.ui.open;

import org.epiflow.text.Untrusted;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.epiflow.bundle.BundleCancelledException;
import org.epiflow.bundle.BundleException;
import org.epiflow.bundle.BundleHeader;
import org.epiflow.bundle.BundleProgress;
import org.epiflow.bundle.BundleStage;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.data.workspace.WorkspaceException;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.util.DialogService;
import org.epiflow.ui.util.FileChooserService;
import org.epiflow.ui.util.TaskCallbacks;
import org.epiflow.ui.util.TaskExecutor;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opening bundles: one at a time in the background with progress and cancel, further requests queued; requests made
 * while locked wait for the unlock. Refusals are shown as the failed check (localized), what to do, and the exact
 * finding. Several bundles stay open; {@link #currentProperty()} is the one the view shows.
 */
public final class OpenBundlesViewModel {
    private final Messages messages;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final FileChooserService files;
    private final AppPreferences prefs;

    private final ObservableList<OpenedBundle> bundles = FXCollections.observableArrayList();
    private final ObjectProperty<OpenedBundle> current = new SimpleObjectProperty<>();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final BooleanProperty opening = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final org.epiflow.ui.i18n.LocalText stage;
    private final org.epiflow.ui.i18n.LocalText status;
    private final Deque<Path> queue = new ArrayDeque<>();
    private BundleOpener opener;
    private java.util.function.Supplier<java.util.List<Path>> recentSource;
    /** The cancel flag of the bundle being opened, or null when idle. */
    private AtomicBoolean running;

    public OpenBundlesViewModel(Messages messages, TaskExecutor executor, DialogService dialogs,
                                FileChooserService files, AppPreferences prefs) {
        this.messages = messages;
        this.stage = messages.text();
        this.status = messages.text();
        this.executor = executor;
        this.dialogs = dialogs;
        this.files = files;
        this.prefs = prefs;
        this.recentSource = prefs::recentBundles;
        recent.setAll(prefs.recentBundles());
    }

    /** Where the recent list comes from (default: the preferences); refreshes the list now. */
    public void setRecentSource(java.util.function.Supplier<java.util.List<Path>> source) {
        this.recentSource = source == null ? prefs::recentBundles : source;
        recent.setAll(recentSource.get());
    }

    /** The opener of the unlocked session, or null when locked; queued requests start once it is set. */
    public void setOpener(BundleOpener opener) {
        this.opener = opener;
        next();
    }

    /** Asks for a file and opens it. */
    public void chooseAndOpen() {
        Path start = recent.isEmpty() ? null : recent.get(0);
        files.openFile(messages.get("open.choose"), start, messages.get("open.filter"), "*.epiflow")
                .ifPresent(this::open);
    }

    /** Opens a bundle (queued behind one being opened, or until unlocked). */
    public void open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        for (OpenedBundle b : bundles) {
            if (b.file().toAbsolutePath().normalize().equals(abs)) {
                current.set(b);
                return;
            }
        }
        if (!queue.contains(abs)) {
            queue.addLast(abs);
        }
        next();
    }

    private void next() {
        if (opener == null || running != null || queue.isEmpty()) {
            return;
        }
        Path file = queue.removeFirst();
        BundleOpener o = opener;
        opening.set(true);
        progress.set(0);
        stage.show("open.stage.starting", file.getFileName());
        status.clear();
        AtomicBoolean cancelled = new AtomicBoolean();
        running = cancelled;
        executor.execute(ctx -> o.open(file, new BundleProgress() {
            @Override
            public void update(BundleStage s, double fraction) {
                ctx.progress(s.name(), fraction);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get() || ctx.isCancelled();
            }

            @Override
            public boolean asksPassphrase() {
                return true;
            }

            @Override
            public char[] passphrase(Path bundle, BundleHeader header, int attempt) {
                return askPassphrase(bundle, header, attempt);
            }
        }), TaskCallbacks.<OpenedBundle>of(b -> finished(file, b), e -> failed(file, e))
                .withProgress((s, f) -> {
                    if (running == cancelled && !cancelled.get()) {
                        progress.set(f);
                        stage.set(messages.format(BundleStage.valueOf(s).message()));
                    }
                }));
    }

    /** Asks the user for the passphrase of a bundle sealed to one (the reader asks once its signature verified). */
    private char[] askPassphrase(Path bundle, BundleHeader header, int attempt) {
        return dialogs.askPassphrase(messages.get("open.passphrase.title"),
                messages.get("open.passphrase.header", bundle.getFileName(), header.issuer()),
                messages.get(attempt == 1 ? "open.passphrase.label" : "open.passphrase.again"),
                messages.get("open.passphrase.open"), messages.get("open.passphrase.cancel")).orElse(null);
    }

    private void finished(Path file, OpenedBundle b) {
        done();
        bundles.add(b);
        current.set(b);
        prefs.addRecentBundle(file);
        recent.setAll(recentSource.get());
        status.show("open.opened", file.getFileName());
        next();
    }

    private void failed(Path file, Exception e) {
        done();
        if (e instanceof BundleCancelledException) {
            status.show("open.cancelled", file.getFileName());
        } else if (e instanceof BundleException be) {
            status.show("open.refusedShort", file.getFileName());
            String check = messages.format(be.check().title());
            String finding = messages.format(org.epiflow.text.Problems.reason(be));
            String advice = messages.format(be.check().advice());
            dialogs.showError(messages.get("open.refused.title"),
                    messages.get("open.refused.header", file.getFileName(), check),
                    messages.get("open.refused.body", finding, advice),
                    refusalDetails(file, check, finding, advice, be));
        } else if (e instanceof WorkspaceException we) {
            status.show("open.notRecorded.short", file.getFileName());
            dialogs.showError(messages.get("open.notRecorded.title"), messages.format(we.what()),
                    messages.get("open.notRecorded.body", we.advice() == null ? "" : messages.format(we.advice())),
                    null);
        } else if (e instanceof NoSuchFileException) {
            status.show("open.missing", file);
            dialogs.showError(messages.get("open.error.title"), messages.get("open.missing", file),
                    messages.get("open.missing.advice"), null);
        } else {
            status.show("open.error.short", file.getFileName());
            dialogs.showError(messages.get("open.error.title"), messages.get("open.error.short", file.getFileName()),
                    messages.get("open.error.body", messages.describe(e)), technical(file, e));
        }
        next();
    }

    /**
     * The details of a refusal, in the user's language: the file, the check, what was found and what to do, and
     * the message's code for whoever the officer reports it to.
     */
    private String refusalDetails(Path file, String check, String finding, String advice, BundleException be) {
        org.epiflow.text.Localized own = org.epiflow.text.Problems.localized(be);
        String d = messages.get("open.refused.details", file.toAbsolutePath(), check, finding, advice);
        return own == null ? d : d + "\n" + messages.get("open.details.code", own.message().key());
    }

    /** The details of an unexpected failure: the file, and the technical description for support. */
    private String technical(Path file, Exception e) {
        return messages.get("open.error.details", file.toAbsolutePath(), String.valueOf(e));
    }

    private void done() {
        running = null;
        opening.set(false);
        progress.set(-1);
        stage.clear();
    }

    /** Cancels the bundle being opened (and nothing queued behind it). */
    public void cancel() {
        if (running != null) {
            running.set(true);
            stage.show("open.cancelling");
        }
    }

    /** Closes the bundle shown; another open one takes its place. */
    public void closeCurrent() {
        OpenedBundle b = current.get();
        if (b != null) {
            int i = bundles.indexOf(b);
            bundles.remove(b);
            current.set(bundles.isEmpty() ? null : bundles.get(Math.min(i, bundles.size() - 1)));
        }
    }

    /** Drops every open bundle and pending request (on lock); returns the files that were open. */
    public java.util.List<Path> closeAll() {
        java.util.List<Path> was = bundles.stream().map(OpenedBundle::file).toList();
        cancel();
        queue.clear();
        current.set(null);
        bundles.clear();
        return was;
    }

    public ObservableList<OpenedBundle> bundles() {
        return bundles;
    }

    public ObjectProperty<OpenedBundle> currentProperty() {
        return current;
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    public BooleanProperty openingProperty() {
        return opening;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty stageProperty() {
        return stage;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Display name of a bundle for the chooser: issuer and period. */
    public String describe(OpenedBundle b) {
        var info = b.data().info();
        return messages.get("bundle.describe", info.issuer(), info.period().start(), info.period().end(),
                b.file().getFileName());
    }
}
