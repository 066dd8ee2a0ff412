package org.epiflow.ui.session;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.data.workspace.BundleCatalogue;
import org.epiflow.data.workspace.SessionStateStore;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.risk.RiskPanelState;
import org.epiflow.ui.risk.RiskViewModel;
import org.epiflow.ui.unlock.Session;
import org.epiflow.ui.util.DialogService;
import org.epiflow.ui.util.TaskCallbacks;
import org.epiflow.ui.util.TaskExecutor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The officer's work carries over: the session document ({@link SessionDocument}) is saved in the encrypted
 * workspace on lock, on quitting, and a moment after each meaningful change (debounced, written on the workspace
 * thread, never on the UI thread); after each unlock — after Lock → Unlock and at start-up after a restart alike —
 * it is read back and the workstation returns to it: the bundles reopened from the encrypted cache (an expired
 * bundle or one whose signer is no longer trusted is not, and the officer is told why), the bundle shown, the view
 * (dates, filters, extent, selection, layers), the imported case table read back from the workspace, the last risk
 * runs run again in the background, and the heatmap as it was drawn. A damaged or unreadable document means an
 * empty workstation and a notice saying so; nothing else is lost.
 */
public final class SessionCarryOver {
    /** How long after the last change the document is written. */
    public static final Duration DEBOUNCE = Duration.ofMillis(1500);

    private final Messages messages;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Clock clock;
    private final WorkspaceSession session;
    private final WorkspaceSession.Views views;
    private final RiskViewModel risk;
    private Duration debounce = DEBOUNCE;
    /** While returning to a document: nothing is saved (the document would be overwritten with half of it). */
    private Pending pending;
    private boolean suspended;
    private long restores;
    private long restoreNanos;
    private Runnable onRestored = () -> { };

    /** A document being returned to. */
    private record Pending(SessionDocument doc, String shownBundleId, Path shownFile, long started) {
    }

    public SessionCarryOver(Messages messages, TaskExecutor executor, DialogService dialogs, Clock clock,
                            WorkspaceSession session, WorkspaceSession.Views views, RiskViewModel risk) {
        this.messages = messages;
        this.executor = executor;
        this.dialogs = dialogs;
        this.clock = clock;
        this.session = session;
        this.views = views;
        this.risk = risk;
        session.addShownListener(this::shown);
        InvalidationListener changed = o -> changed();
        var f = views.map().filters();
        List<Observable> watched = new ArrayList<>(List.of(views.open().bundles(), views.open().currentProperty(),
                views.timeline().startProperty(), views.timeline().endProperty(), views.timeline().modeProperty(),
                views.timeline().granularityProperty(), f.topNProperty(), f.minVolumeProperty(),
                f.directionProperty(), f.lockScaleProperty(), f.autoProvincesProperty(), f.provincesProperty(),
                views.map().viewportProperty(), views.map().flowsVisibleProperty(), views.selection().codeProperty(),
                risk.runProperty(), risk.casesProperty(), risk.heatmap().measureProperty(),
                risk.heatmap().methodProperty(), risk.heatmap().classesProperty(), risk.heatmap().schemeProperty(),
                risk.heatmap().reversedProperty(), risk.heatmap().visibleProperty(),
                risk.heatmap().forecastDayProperty()));
        watched.forEach(o -> o.addListener(changed));
        views.open().openingProperty().addListener(o -> settleIfDone());
        views.open().bundles().addListener((Observable o) -> settleIfDone());
    }

    /** Sets the debounce delay (zero: only on lock, quitting and {@link #saveNow()}). */
    public void setDebounce(Duration d) {
        this.debounce = d;
    }

    /** Runs on the UI thread each time a document has been returned to (for the status line and tests). */
    public void setOnRestored(Runnable r) {
        this.onRestored = r == null ? () -> { } : r;
    }

    // ---- saving ------------------------------------------------------------------------------------------

    /** The document of what is open and shown now. */
    public SessionDocument capture() {
        List<SessionDocument.OpenBundle> open = new ArrayList<>();
        for (OpenedBundle b : views.open().bundles()) {
            open.add(entry(b));
        }
        OpenedBundle shown = views.open().currentProperty().get();
        ViewDefinition view = shown == null ? null : session.capture();
        RiskPanelState r = shown == null ? null : RiskPanelState.capture(risk);
        return SessionDocument.of(open, shown == null ? null : BundleCatalogue.Key.of(shown).toString(), view, r);
    }

    private static SessionDocument.OpenBundle entry(OpenedBundle b) {
        return new SessionDocument.OpenBundle(BundleCatalogue.Key.of(b).toString(),
                b.file() == null ? null : b.file().toAbsolutePath().normalize().toString(),
                b.data().info().issuer(), b.data().info().expires());
    }

    private void changed() {
        if (suspended || pending != null || !session.available()) {
            return;
        }
        String json = capture().toJson();
        if (debounce.isZero()) {
            return;
        }
        session.saveSessionDocumentLater(SessionDocument.VERSION, json, debounce);
    }

    /**
     * Saves the document now (on the workspace thread, before anything queued after it: on lock it comes before
     * the {@code LOCK} entry and the close). While a document is still being returned to, it is kept as it is.
     */
    public void saveNow() {
        if (!session.available()) {
            return;
        }
        String json = pending != null ? pending.doc().toJson() : capture().toJson();
        session.saveSessionDocument(SessionDocument.VERSION, json);
    }

    /** Locking: saves, then ignores the changes the lock itself makes (closing the bundles). */
    public void locking() {
        saveNow();
        suspended = true;
        pending = null;
    }

    // ---- returning -----------------------------------------------------------------------------------------

    /** After an unlock, once the workspace is open: reads the document and returns to it (UI thread). */
    public void unlocked(Session s) {
        suspended = true;   // until the document is read: an empty screen must not overwrite it
        pending = null;
        long started = System.nanoTime();
        executor.execute(ctx -> session.sessionDocument(), TaskCallbacks.<Optional<SessionStateStore.SessionState>>of(
                doc -> {
                    suspended = false;
                    doc.ifPresent(d -> returnTo(s, d, started));
                }, e -> {
                    suspended = false;
                    session.noticeProperty().set(messages.get("carry.unreadable"));
                }));
    }

    private void returnTo(Session s, SessionStateStore.SessionState stored, long started) {
        SessionDocument doc;
        try {
            if (stored.formatVersion() != SessionDocument.VERSION) {
                throw new IllegalArgumentException("format version " + stored.formatVersion());
            }
            doc = SessionDocument.parse(stored.json());
        } catch (IllegalArgumentException e) {
            session.noticeProperty().set(messages.get("carry.unreadable"));
            return;
        }
        if (doc.bundles().isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        List<String> refused = new ArrayList<>();
        List<SessionDocument.OpenBundle> reopen = new ArrayList<>();
        SessionDocument.OpenBundle shown = null;
        for (SessionDocument.OpenBundle b : doc.bundles()) {
            BundleCatalogue.Key key = b.catalogueKey();
            String name = b.issuer() == null ? key.bundleId() : key.bundleId() + " (" + b.issuer() + ")";
            if (b.expires() != null && today.isAfter(b.expires())) {
                refused.add(messages.get("carry.expired", name, b.expires()));
            } else if (s.trust().keys().stream().noneMatch(k -> k.keyIdHex().equalsIgnoreCase(key.signer()))) {
                refused.add(messages.get("carry.untrusted", name, key.signer()));
            } else if (b.file() == null) {
                refused.add(messages.get("carry.noFile", name));
            } else if (b.key().equals(doc.shown())) {
                shown = b;
            } else {
                reopen.add(b);
            }
        }
        if (shown != null) {
            reopen.add(shown);
        }
        if (!refused.isEmpty()) {
            String lines = String.join("\n", refused);
            session.noticeProperty().set(messages.get("carry.notReopened.short", refused.size()));
            dialogs.showInfo(messages.get("carry.notReopened.title"), messages.get("carry.notReopened") + "\n\n"
                    + lines);
        }
        if (reopen.isEmpty()) {
            return;
        }
        List<Path> files = reopen.stream().map(b -> Path.of(b.file()).toAbsolutePath().normalize()).toList();
        if (shown != null) {
            pending = new Pending(doc, shown.catalogueKey().bundleId(), files.get(files.size() - 1), started);
            session.restoreOnShown(doc.viewDefinition());
        }
        session.noticeProperty().set(messages.get("carry.returning"));
        for (int i = 0; i < reopen.size(); i++) {
            BundleCatalogue.Key key = reopen.get(i).catalogueKey();
            Optional<OpenedBundle> open = views.open().bundles().stream()
                    .filter(b -> BundleCatalogue.Key.of(b).equals(key)).findFirst();
            if (open.isEmpty()) {
                session.expectReopen(files.get(i), key);
                views.open().open(files.get(i));
            } else if (i == reopen.size() - 1 && shown != null) {
                // already open (a backup restored while working): shown again, the view and panel put back
                if (views.open().currentProperty().get() == open.get()) {
                    session.shown(open.get());
                } else {
                    views.open().currentProperty().set(open.get());
                }
            }
        }
        settleIfDone();
    }

    /** The bundle shown changed (after the view waiting for it was applied). */
    private void shown(OpenedBundle b) {
        Pending p = pending;
        if (p == null || b == null || p.shownBundleId() == null
                || !b.data().info().bundleId().equals(p.shownBundleId())) {
            return;
        }
        RiskPanelState r = p.doc().risk();
        if (r == null) {
            finished(p, 0, false);
            return;
        }
        r.restore(risk, (runs, cases) -> {
            if (pending == p) {
                finished(p, runs, cases);
            }
        });
    }

    /** The bundle to show could not be reopened (the open says why): nothing more will come. */
    private void settleIfDone() {
        Pending p = pending;
        if (p != null && !views.open().openingProperty().get() && session.reopenFailed(p.shownFile())) {
            session.restoreOnShown(null);
            finished(p, 0, false);
        }
    }

    private void finished(Pending p, int runs, boolean cases) {
        pending = null;
        restores++;
        restoreNanos = System.nanoTime() - p.started();
        session.noticeProperty().set(messages.get("carry.returned", views.open().bundles().size(), runs));
        onRestored.run();
        changed();
    }

    /** Whether a document is still being returned to. */
    public boolean returning() {
        return pending != null;
    }

    /** How many times a document was returned to. */
    public long restores() {
        return restores;
    }

    /** How long the last return took, from reading the document to the last run shown (nanoseconds). */
    public long lastRestoreNanos() {
        return restoreNanos;
    }
}
