package org.epiflow.ui.session;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.StringProperty;
import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.data.audit.AuditVerification;
import org.epiflow.data.workspace.AuditedBundleOpener;
import org.epiflow.data.workspace.BundleCatalogue;
import org.epiflow.data.workspace.ExportLog;
import org.epiflow.data.workspace.SavedViews;
import org.epiflow.data.workspace.SessionStateStore;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.data.workspace.Workspace;
import org.epiflow.data.workspace.WorkspaceException;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.MapViewModel;
import org.epiflow.ui.map.RegionSelection;
import org.epiflow.ui.open.BundleOpener;
import org.epiflow.ui.open.OpenBundlesViewModel;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.time.TimelineViewModel;
import org.epiflow.ui.unlock.Session;
import org.epiflow.ui.util.DialogService;
import org.epiflow.ui.util.TaskCallbacks;
import org.epiflow.ui.util.TaskExecutor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The officer's session in the desktop: the unlock/lock/idle lifecycle ({@link SessionLifecycle}) opening the
 * workspace on its own thread ({@link WorkspaceThread}); bundles opened through the same audited opener as the
 * command line ({@link AuditedBundleOpener}: every open and refusal recorded before the bundle is shown, unchanged
 * files reopened from the encrypted cache, conflicts shown); the hooks other panels record through
 * ({@link SessionServices}); saved views; and the session document ({@link SessionStateStore}) for returning to what
 * was open after a lock or a restart.
 */
public final class WorkspaceSession implements SessionServices {
    /** The view-models a view is captured from and applied to. */
    public record Views(OpenBundlesViewModel open, TimelineViewModel timeline, MapViewModel map,
                        RegionSelection selection) {
    }

    /** Name of the desktop's session document. */
    public static final String SESSION_DOCUMENT = "desktop";

    private final Messages messages;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final AppPreferences prefs;
    private final Clock clock;
    private final Views views;
    private final SessionLifecycle lifecycle;
    private final AtomicInteger cacheHits = new AtomicInteger();
    private volatile List<Path> catalogueRecent = List.of();
    private ViewDialogs viewDialogs;
    private ViewDefinition restore;
    private final List<java.util.function.Consumer<OpenedBundle>> shownListeners = new java.util.ArrayList<>();
    private java.util.function.Consumer<Session> onReady = s -> { };
    private volatile Session unlockedAs;
    /** Files to reopen from the encrypted cache alone (session document), by absolute path. */
    private final java.util.Map<Path, BundleCatalogue.Key> reopenKeys = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<Path> reopenFailed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private java.util.concurrent.ScheduledFuture<?> pendingSave;

    /**
     * @param workspacesRoot the folder holding officers' workspaces (null: {@code AppDirectories.workspacesRoot()})
     * @param clock          time source of the workspace and of the idle lock
     */
    public WorkspaceSession(Messages messages, TaskExecutor executor, DialogService dialogs, AppPreferences prefs,
                            Clock clock, Path workspacesRoot, Views views) {
        this.messages = messages;
        this.executor = executor;
        this.dialogs = dialogs;
        this.prefs = prefs;
        this.clock = clock;
        this.views = views;
        this.lifecycle = new SessionLifecycle(messages, executor, dialogs, clock, workspacesRoot);
        lifecycle.setOnOpened(ws -> {
            views.open().setRecentSource(this::recent);
            executor.execute(ctx -> lifecycle.thread.call(() -> ws.catalogue().recentFiles(AppPreferences.MAX_RECENT)),
                    TaskCallbacks.<List<Path>>of(r -> catalogueRecent = r, e -> { }));
            Session s = unlockedAs;
            if (s != null) {
                onReady.accept(s);
            }
        });
    }

    /**
     * The workstation now shows {@code b} (called after it reset the timeline and selection for it): a view waiting
     * for this bundle (after unlock, or a saved view being opened) is applied.
     */
    public void shown(OpenedBundle b) {
        if (b != null && restore != null && restore.bundle() != null
                && b.data().info().bundleId().equals(restore.bundle().id())) {
            ViewDefinition v = restore;
            restore = null;
            apply(v);
        }
        for (var l : List.copyOf(shownListeners)) {
            l.accept(b);
        }
    }

    /** Called after {@link #shown} has applied a view waiting for the bundle (the session document's risk panel). */
    public void addShownListener(java.util.function.Consumer<OpenedBundle> l) {
        shownListeners.add(l);
    }

    /** Called on the UI thread each time the workspace has opened after an unlock (to return to the document). */
    public void setOnReady(java.util.function.Consumer<Session> r) {
        this.onReady = r == null ? s -> { } : r;
    }

    /** The view to apply when its bundle is shown next (null: none). */
    public void restoreOnShown(ViewDefinition v) {
        this.restore = v;
    }

    /**
     * The next open of {@code file} is a return to the session document: the bundle comes from the encrypted cache
     * alone ({@link #reopenFromCache}); if it is not cached (or the copy is damaged) the file is opened as usual.
     */
    public void expectReopen(Path file, BundleCatalogue.Key key) {
        Path abs = file.toAbsolutePath().normalize();
        reopenFailed.remove(abs);
        reopenKeys.put(abs, key);
    }

    /** Whether the last return to {@code file} (see {@link #expectReopen}) failed. */
    public boolean reopenFailed(Path file) {
        return reopenFailed.contains(file.toAbsolutePath().normalize());
    }

    /** What locks the workstation (the idle lock calls it with the reason "idle"). */
    public void setLockAction(Runnable lock) {
        lifecycle.setLockAction(lock);
    }

    /** What returns to the lock screen when the workspace cannot be opened (in use elsewhere, damaged). */
    public void setUnavailableAction(Runnable action) {
        lifecycle.setUnavailableAction(action);
    }

    public void setViewDialogs(ViewDialogs d) {
        this.viewDialogs = d;
    }

    // ---- unlock and lock -----------------------------------------------------------------------------------

    /** A failed unlock: recorded beside the workspaces until the next successful unlock folds it into the trail. */
    public void failedUnlock(Path identityFile, String reason) {
        lifecycle.failedUnlock(identityFile, reason);
    }

    /** The officer unlocked: opens (or creates) the workspace in the background. */
    public void unlocked(Session s) {
        unlockedAs = s;
        lifecycle.unlocked(s);
    }

    /**
     * Locking: remembers the view (to return to it after the next unlock), writes {@code LOCK} and closes the
     * workspace (on its thread, after every record before it). The caller then drops the bundles and wipes the key.
     *
     * @param reason "manual", "idle" or "quit"
     */
    public void locking(String reason) {
        unlockedAs = null;
        restore = null;
        reopenKeys.clear();
        cancelPendingSave();
        views.open().setRecentSource(null);
        catalogueRecent = List.of();
        lifecycle.locking(reason);
    }

    /** Waits until every workspace call so far has finished (the workspace is closed if locked). */
    public void flush() {
        lifecycle.thread.flush();
    }

    /** On quitting (after locking): finishes pending workspace work and stops its thread. */
    public void shutdown() {
        lifecycle.shutdown();
    }

    /** Runs the full check of the workspace now and waits (the app runs it shortly after each unlock). */
    public void checkNow() {
        lifecycle.checkNow();
    }

    // ---- bundles -------------------------------------------------------------------------------------------

    /**
     * The session's bundle opener ({@link AuditedBundleOpener#openUsingCache}): refused with a
     * {@link WorkspaceException} when the workspace is not open, so that nothing is shown that is not recorded.
     */
    public BundleOpener opener(Session s) {
        return (file, progress) -> {
            Path abs = file.toAbsolutePath().normalize();
            BundleCatalogue.Key key = reopenKeys.remove(abs);
            if (key != null) {
                try {
                    Optional<OpenedBundle> back = reopenFromCache(s, key);
                    if (back.isPresent()) {
                        progress.update(org.epiflow.bundle.BundleStage.OPENED, 1.0);
                        return back.get();
                    }
                } catch (WorkspaceException | RuntimeException | Error e) {
                    reopenFailed.add(abs);
                    throw e;
                } catch (Exception e) {
                    reopenFailed.add(abs);
                    throw new IOException(e);
                }
            }
            Workspace ws = lifecycle.current();
            if (key != null) {
                try {
                    AuditedBundleOpener.Opened o = new AuditedBundleOpener(ws, new BundleReader(s.trust()), s.trust())
                            .openUsingCache(file, s::credentials, progress);
                    opened(ws, o);
                    return o.bundle();
                } catch (Exception | Error e) {
                    reopenFailed.add(abs);
                    throw e;
                }
            }
            AuditedBundleOpener.Opened o = new AuditedBundleOpener(ws, new BundleReader(s.trust()), s.trust())
                    .openUsingCache(file, s::credentials, progress);
            opened(ws, o);
            return o.bundle();
        };
    }

    /**
     * Reopens a bundle of the catalogue from the encrypted cache alone (no file read; see
     * {@link AuditedBundleOpener#reopen} for what is checked again), recorded like any open; empty when it is not
     * cached (then open its file). For returning to the bundles of the session document after a lock or restart.
     */
    public Optional<OpenedBundle> reopenFromCache(Session s, BundleCatalogue.Key key) throws Exception {
        Workspace ws = lifecycle.current();
        Optional<AuditedBundleOpener.Opened> o = lifecycle.thread.call(() ->
                new AuditedBundleOpener(ws, new BundleReader(s.trust()), s.trust()).reopen(key));
        o.ifPresent(x -> opened(ws, x));
        return o.map(AuditedBundleOpener.Opened::bundle);
    }

    private void opened(Workspace ws, AuditedBundleOpener.Opened o) {
        if (o.how() != AuditedBundleOpener.How.FILE) {
            cacheHits.incrementAndGet();
        }
        try {
            catalogueRecent = ws.catalogue().recentFiles(AppPreferences.MAX_RECENT);
        } catch (WorkspaceException e) {
            // the recent list keeps what it had
        }
        BundleCatalogue.Recorded r = o.recorded();
        String id = o.bundle().data().info().bundleId();
        if (r.conflict()) {
            BundleCatalogue.Entry other = r.conflicts().get(0);
            executor.onUiThread(() -> {
                String header = messages.get("session.conflict.header", id);
                lifecycle.notice.set(header);
                dialogs.showError(messages.get("session.conflict.title"), header,
                        messages.get("session.conflict.body", other.signer(), other.issuer(), other.k(),
                                other.firstOpened() == null ? "" : java.util.Date.from(other.firstOpened()),
                                o.bundle().signerKeyId(), o.bundle().data().info().k()), null);
            });
        } else if (r.previousFile().isPresent()) {
            String was = String.valueOf(Path.of(r.previousFile().get()).getFileName());
            executor.onUiThread(() -> lifecycle.notice.show("session.sameBundle", id, was));
        }
    }

    /** How many bundles were reopened from the cache (for tests and the status line). */
    public int cacheHits() {
        return cacheHits.get();
    }

    /** The recent list: bundles in the catalogue, then files from the preferences not in it. */
    private List<Path> recent() {
        Set<Path> all = new LinkedHashSet<>(catalogueRecent);
        all.addAll(prefs.recentBundles());
        return all.stream().limit(AppPreferences.MAX_RECENT).toList();
    }

    // ---- services for other panels -------------------------------------------------------------------------

    @Override
    public boolean available() {
        return lifecycle.available();
    }

    @Override
    public long recordRiskRun(String model, String parametersJson, String summaryJson, String bundleId)
            throws WorkspaceException {
        Workspace ws = lifecycle.current();
        try {
            return lifecycle.thread.call(() -> ws.riskRuns().record(model, parametersJson, summaryJson, bundleId));
        } catch (WorkspaceException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <R, X extends Exception> R publishExport(Path target, String format, String bundleId,
                                                    ExportLog.Writer<R, X> writer)
            throws WorkspaceException, IOException, X {
        return lifecycle.current().exports().publish(target, format, bundleId, writer).result();
    }

    /** Saves the session document (what is open and shown) in the workspace, in the background. */
    public void saveSessionDocument(int formatVersion, String json) {
        cancelPendingSave();
        if (!available()) {
            return;
        }
        var f = lifecycle.future();
        lifecycle.thread.execute(() -> save(f, formatVersion, json));
    }

    /**
     * Saves the session document after {@code delay} on the workspace thread, unless another save comes first
     * (debounced: a drag of the map writes once); dropped if the workstation is locked meanwhile.
     */
    public void saveSessionDocumentLater(int formatVersion, String json, java.time.Duration delay) {
        cancelPendingSave();
        if (!available()) {
            return;
        }
        var f = lifecycle.future();
        synchronized (this) {
            pendingSave = lifecycle.thread.after(delay, () -> save(f, formatVersion, json));
        }
    }

    private synchronized void cancelPendingSave() {
        if (pendingSave != null) {
            pendingSave.cancel(false);
            pendingSave = null;
        }
    }

    /** On the workspace thread: saves if the workspace opened as {@code f} is still open. */
    private void save(java.util.concurrent.CompletableFuture<Workspace> f, int formatVersion, String json) {
        Workspace ws = f == null || f.isCompletedExceptionally() ? null : f.getNow(null);
        if (ws == null || ws.isClosed()) {
            return;
        }
        try {
            ws.sessionState().save(SESSION_DOCUMENT, formatVersion, json);
        } catch (WorkspaceException e) {
            executor.onUiThread(() -> lifecycle.notice.set(messages.format(e)));
        } catch (RuntimeException e) {
            executor.onUiThread(() -> lifecycle.notice.set(messages.get("session.error",
                    String.valueOf(e.getMessage()))));
        }
    }

    /**
     * Keeps imported case tables in the workspace's encrypted case-table store ({@code CASE_IMPORT} entry), so that
     * they come back after a lock or a restart; the same content imported again under the same name is kept once.
     */
    public org.epiflow.ui.risk.CaseTableKeeper caseTableKeeper() {
        return new org.epiflow.ui.risk.CaseTableKeeper() {
            @Override
            public long keep(String source, byte[] csv) throws Exception {
                Workspace ws = lifecycle.current();
                return lifecycle.thread.call(() -> {
                    for (var t : ws.caseTables().list()) {
                        if (t.source().equals(source)) {
                            Optional<byte[]> c = ws.caseTables().content(t.id());
                            boolean same = c.isPresent() && java.security.MessageDigest.isEqual(c.get(), csv);
                            c.ifPresent(x -> java.util.Arrays.fill(x, (byte) 0));
                            if (same) {
                                return t.id();
                            }
                        }
                    }
                    return ws.caseTables().importCsv(source, source, csv);
                });
            }

            @Override
            public Optional<byte[]> content(long id) throws Exception {
                Workspace ws = lifecycle.current();
                return lifecycle.thread.call(() -> ws.caseTables().content(id));
            }
        };
    }

    /** The session document saved last (waits for the workspace; empty when there is none or it is damaged). */
    public Optional<SessionStateStore.SessionState> sessionDocument() throws Exception {
        Workspace ws = lifecycle.current();
        return lifecycle.thread.call(() -> ws.sessionState().load(SESSION_DOCUMENT));
    }

    // ---- preferences ---------------------------------------------------------------------------------------

    /** Minutes of inactivity before locking (from the workspace settings while unlocked). */
    public IntegerProperty idleMinutesProperty() {
        return lifecycle.idleMinutes;
    }

    /** Stores a new idle time in the workspace settings (a {@code SETTING} entry). */
    public void setIdleMinutes(int minutes) {
        if (minutes < 1 || minutes > 24 * 60) {
            throw new IllegalArgumentException("idle minutes must be between 1 and 1440");
        }
        lifecycle.idleMinutes.set(minutes);
        if (available()) {
            executor.execute(ctx -> lifecycle.thread.call(() -> {
                lifecycle.current().settings().setIdleLockMinutes(minutes);
                return null;
            }), TaskCallbacks.of(x -> { }, e -> lifecycle.notice.set(error(e))));
        }
    }

    public IdleLock idle() {
        return lifecycle.idle;
    }

    // ---- saved views ---------------------------------------------------------------------------------------

    private java.util.function.Supplier<ViewDefinition.Heatmap> heatmapView = () -> null;

    /** Where {@link #capture()} finds the heatmap on screen (the risk panel's), for saved views. */
    public void setHeatmapView(java.util.function.Supplier<ViewDefinition.Heatmap> s) {
        heatmapView = s;
    }

    private java.util.function.Supplier<ViewDefinition.Comparison> comparisonView = () -> null;
    private java.util.function.Consumer<ViewDefinition.Comparison> comparisonApply = c -> { };

    /** Where {@link #capture()} finds the comparison, per-capita and groups shown, and {@link #apply} puts them. */
    public void setComparisonView(java.util.function.Supplier<ViewDefinition.Comparison> capture,
                                  java.util.function.Consumer<ViewDefinition.Comparison> apply) {
        comparisonView = capture;
        comparisonApply = apply;
    }

    /** The current view as a saved-view definition. */
    public ViewDefinition capture() {
        return ViewCapture.capture(views, heatmapView.get()).withComparison(comparisonView.get());
    }

    /** Shows a view: filters, layers, dates, extent, selection (the bundle must be the current one). */
    public void apply(ViewDefinition v) {
        ViewCapture.apply(views, v);
        comparisonApply.accept(v.comparison());   // after the dates: the baseline is asked relative to them
    }

    /** View → Save view…: asks a name and stores the current view in the workspace. */
    public void saveViewInteractive() {
        if (viewDialogs == null || !available()) {
            return;
        }
        ViewDefinition v = capture();
        OpenedBundle b = views.open().currentProperty().get();
        String suggestion = b == null ? "" : b.data().info().issuer() + " " + LocalDate.now(clock);
        viewDialogs.askName(suggestion).ifPresent(name -> saveView(name, v));
    }

    /** Stores a view under a name ({@code VIEW_SAVED} entry). */
    public void saveView(String name, ViewDefinition v) {
        String json = v.toJson();
        executor.execute(ctx -> lifecycle.thread.call(() -> lifecycle.current().views().save(name, json)),
                TaskCallbacks.<Long>of(id -> lifecycle.notice.show("view.saved", name),
                        e -> lifecycle.notice.set(error(e))));
    }

    /** View → Open view…: lists the saved views, and shows the one chosen. */
    public void openViewInteractive() {
        if (viewDialogs == null || !available()) {
            return;
        }
        executor.execute(ctx -> lifecycle.thread.call(() -> lifecycle.current().views().list()),
                TaskCallbacks.<List<SavedViews.StoredView>>of(list -> {
                    if (list.isEmpty()) {
                        dialogs.showInfo(messages.get("view.open.title"), messages.get("view.open.none"));
                        return;
                    }
                    viewDialogs.choose(list.stream().map(SavedViews.StoredView::name).toList())
                            .flatMap(n -> list.stream().filter(sv -> sv.name().equals(n)).findFirst())
                            .ifPresent(sv -> openView(sv.json()));
                }, e -> lifecycle.notice.set(error(e))));
    }

    /** Shows a saved view: opens its bundle (from the cache when unchanged) if needed, then applies it. */
    public void openView(String json) {
        ViewDefinition v;
        try {
            v = ViewDefinition.parse(json);
        } catch (IllegalArgumentException e) {
            dialogs.showError(messages.get("view.open.title"), messages.get("view.open.invalid"),
                    messages.describe(e), null);
            return;
        }
        if (v.bundle() == null) {
            apply(v);
            return;
        }
        OpenedBundle cur = views.open().currentProperty().get();
        if (cur != null && cur.data().info().bundleId().equals(v.bundle().id())) {
            apply(v);
            return;
        }
        for (OpenedBundle b : views.open().bundles()) {
            if (b.data().info().bundleId().equals(v.bundle().id())) {
                restore = v;
                views.open().currentProperty().set(b);
                return;
            }
        }
        Path file = v.bundle().file() == null ? null : Path.of(v.bundle().file());
        if (file == null || !Files.isRegularFile(file)) {
            dialogs.showError(messages.get("view.open.title"), messages.get("view.open.missing",
                    v.bundle().id()), messages.get("view.open.missing.file", String.valueOf(file)), null);
            return;
        }
        restore = v;
        views.open().open(file);
    }

    /** The view to return to after the next unlock (null when none). */
    public ViewDefinition pendingRestore() {
        return restore;
    }

    // ---- state ---------------------------------------------------------------------------------------------

    /** One line about the workspace (audit check, purges, damage, errors) for the status area. */
    public StringProperty noticeProperty() {
        return lifecycle.notice;
    }

    /** True while the workspace is open. */
    public ReadOnlyBooleanProperty readyProperty() {
        return lifecycle.ready.getReadOnlyProperty();
    }

    /** The audit check at the last open (null while locked). */
    public AuditVerification auditCheck() {
        return lifecycle.auditCheck();
    }

    private String error(Throwable e) {
        Throwable c = SessionLifecycle.cause(e);
        return c instanceof WorkspaceException w ? messages.format(w)
                : messages.get("session.error", String.valueOf(c.getMessage()));
    }

    /** Where the region groups are kept: the workspace's {@code RegionGroupStore}, on the workspace thread. */
    public org.epiflow.ui.compare.GroupStorage regionGroupStorage() {
        return new org.epiflow.ui.compare.GroupStorage() {
            @Override
            public boolean available() {
                return WorkspaceSession.this.available();
            }

            @Override
            public java.util.List<org.epiflow.data.RegionGroup> load() throws Exception {
                Workspace ws = lifecycle.current();
                return lifecycle.thread.call(() -> ws.regionGroups().list());
            }

            @Override
            public void save(java.util.List<org.epiflow.data.RegionGroup> groups) throws Exception {
                Workspace ws = lifecycle.current();
                lifecycle.thread.call(() -> {
                    ws.regionGroups().save(groups);
                    return null;
                });
            }
        };
    }
}
