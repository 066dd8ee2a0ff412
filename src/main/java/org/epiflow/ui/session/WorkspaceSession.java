package org.epiflow.ui.session;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.epiflow.bundle.BundleCancelledException;
import org.epiflow.bundle.BundleException;
import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.data.DayRange;
import org.epiflow.data.Direction;
import org.epiflow.data.audit.AuditVerification;
import org.epiflow.data.audit.PendingUnlockFailures;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.data.workspace.Workspace;
import org.epiflow.data.workspace.WorkspaceLocation;
import org.epiflow.map.FastMapRenderer;
import org.epiflow.map.MapViewport;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Period;
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
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The officer's session: opens the encrypted workspace at unlock (off the UI thread, on the workspace's own serial
 * thread), reports its audit check and purges, records every bundle open and refusal, caches opened aggregates and
 * reopens unchanged bundles from that cache, saves and opens views, records locks, and closes the workspace at lock.
 * All workspace calls run one after the other on one thread, so a lock's entry and close come after every record
 * before it and before the next unlock's open.
 */
public final class WorkspaceSession implements SessionServices {
    private static final Logger LOG = Logger.getLogger(WorkspaceSession.class.getName());
    private static final long WAIT_SECONDS = 120;

    /** The view-models a view is captured from and applied to. */
    public record Views(OpenBundlesViewModel open, TimelineViewModel timeline, MapViewModel map,
                        RegionSelection selection) {
    }

    private final Messages messages;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final AppPreferences prefs;
    private final Clock clock;
    private final Path workspacesRoot;
    private final Views views;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "epiflow-workspace");
        t.setDaemon(true);
        return t;
    });
    private final StringProperty notice = new SimpleStringProperty("");
    private final IntegerProperty idleMinutes = new SimpleIntegerProperty(Workspace.DEFAULT_IDLE_LOCK_MINUTES);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
    private final IdleLock idle;
    private final AtomicInteger cacheHits = new AtomicInteger();
    private volatile CompletableFuture<Workspace> workspace;
    private volatile List<Path> catalogueRecent = List.of();
    private volatile AuditVerification auditCheck;
    private ViewDialogs viewDialogs;
    private ViewDefinition restore;
    private Runnable lockAction = () -> { };

    /**
     * @param workspacesRoot the folder holding officers' workspaces (null: {@link WorkspaceLocation#workspacesRoot()})
     * @param clock          time source of the workspace and of the idle lock
     */
    public WorkspaceSession(Messages messages, TaskExecutor executor, DialogService dialogs, AppPreferences prefs,
                            Clock clock, Path workspacesRoot, Views views) {
        this.messages = messages;
        this.executor = executor;
        this.dialogs = dialogs;
        this.prefs = prefs;
        this.clock = clock;
        this.workspacesRoot = workspacesRoot;
        this.views = views;
        this.idle = new IdleLock(clock, idleMinutes::get, () -> workspace != null, () -> lockAction.run());
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
    }

    /** What locks the workstation (the idle lock calls it with the reason "idle"). */
    public void setLockAction(Runnable lock) {
        this.lockAction = lock;
    }

    public void setViewDialogs(ViewDialogs d) {
        this.viewDialogs = d;
    }

    private Path root() {
        return workspacesRoot != null ? workspacesRoot : WorkspaceLocation.workspacesRoot();
    }

    private Path pendingDirectory() {
        return root().resolve("pending-unlocks");
    }

    // ---- unlock and lock ---------------------------------------------------------------------------------------

    /** A failed unlock: recorded beside the workspaces until the next successful unlock folds it into the trail. */
    public void failedUnlock(Path identityFile, String reason) {
        thread.execute(() -> {
            try {
                new PendingUnlockFailures(pendingDirectory(), clock).record(identityFile, reason);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot record a failed unlock", e);
            }
        });
    }

    /**
     * The officer unlocked: opens (or creates) the workspace in the background, folding in failed unlocks and
     * writing {@code UNLOCK}. Bundle opens started meanwhile wait for it.
     */
    public void unlocked(Session s) {
        CompletableFuture<Workspace> f = new CompletableFuture<>();
        workspace = f;
        idle.touch();
        Path dir = root().resolve(s.keyId());
        Workspace.OpenOptions options = Workspace.OpenOptions.defaults().withPurpose("desktop")
                .withIdentityFile(s.identityFile()).withPending(pendingDirectory()).withClock(clock);
        notice.set(messages.get("session.opening"));
        thread.execute(() -> {
            try {
                Workspace ws = Workspace.open(dir, s.identity(), options);
                catalogueRecent = ws.recentFiles(AppPreferences.MAX_RECENT);
                idleMinutesFromWorkspace(ws);
                f.complete(ws);
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        executor.execute(ctx -> await(f), TaskCallbacks.<Workspace>of(this::opened, e -> {
            if (workspace == f) {
                notice.set(messages.get("session.workspaceFailed", String.valueOf(cause(e).getMessage())));
                dialogs.showError(messages.get("session.workspaceFailed.title"),
                        messages.get("session.workspaceFailed.header"),
                        messages.get("session.workspaceFailed.body"), String.valueOf(cause(e).getMessage()));
            }
        }));
    }

    private void idleMinutesFromWorkspace(Workspace ws) throws SQLException {
        int m = ws.idleLockMinutes();
        executor.onUiThread(() -> idleMinutes.set(m));
    }

    private void opened(Workspace ws) {
        if (workspace == null || workspace.getNow(null) != ws) {
            return;
        }
        ready.set(true);
        Workspace.OpenReport r = ws.openReport();
        auditCheck = r.audit();
        views.open().setRecentSource(this::recent);
        List<String> lines = new ArrayList<>();
        if (r.audit().ok()) {
            notice.set(messages.get("session.auditOk", r.audit().entries()));
        } else {
            String bad = messages.get("session.auditBroken", r.audit().firstBadSeq(), r.audit().problem());
            notice.set(bad);
            dialogs.showError(messages.get("session.auditBroken.title"), bad,
                    messages.get("session.auditBroken.body"), String.valueOf(r.audit().problem()));
        }
        for (Workspace.PurgedBundle p : r.purged()) {
            lines.add(messages.get("session.purged", p.bundleId(), p.expires()));
        }
        if (!lines.isEmpty()) {
            dialogs.showInfo(messages.get("session.purged.title"), String.join("\n", lines));
            if (r.audit().ok()) {
                notice.set(String.join(" ", lines));
            }
        }
    }

    /** The recent list: bundles in the catalogue, then files from the preferences not in it. */
    private List<Path> recent() {
        Set<Path> all = new LinkedHashSet<>(catalogueRecent);
        all.addAll(prefs.recentBundles());
        return all.stream().limit(AppPreferences.MAX_RECENT).toList();
    }

    /**
     * Locking: remembers the view (to return to it after the next unlock), writes {@code LOCK} and closes the
     * workspace (on its thread, after every record before it). The caller then drops the bundles and wipes the key.
     *
     * @param reason "manual", "idle" or "quit"
     */
    public void locking(String reason) {
        CompletableFuture<Workspace> f = workspace;
        if (f == null) {
            return;
        }
        ViewDefinition v = capture();
        restore = v.bundle() == null ? null : v;
        workspace = null;
        ready.set(false);
        auditCheck = null;
        views.open().setRecentSource(null);
        int minutes = "idle".equals(reason) ? idleMinutes.get() : 0;
        thread.execute(() -> {
            Workspace ws = f.getNow(null);
            if (ws == null) {
                try {
                    ws = f.get(WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (Exception e) {
                    return;
                }
            }
            try {
                ws.recordLock(reason, minutes);
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "cannot record the lock", e);
            } finally {
                ws.close();
            }
        });
        catalogueRecent = List.of();
        notice.set("idle".equals(reason) ? messages.get("session.locked.idle", minutes)
                : messages.get("session.locked.manual"));
    }

    /** Waits until every workspace call so far has finished (the workspace is closed if locked). */
    public void flush() {
        try {
            thread.submit(() -> { }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "workspace thread did not finish", e);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // already shut down
        }
    }

    /** On quitting (after locking): finishes pending workspace work and stops its thread. */
    public void shutdown() {
        idle.stop();
        flush();
        thread.shutdown();
        try {
            thread.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- bundles -----------------------------------------------------------------------------------------------

    /**
     * The session's bundle opener: reopens from the encrypted cache when the file is unchanged (container and carrier
     * signature checked again, fingerprint equal to the cached one, not expired), otherwise runs every check and
     * caches the result; every open and refusal is recorded.
     */
    public BundleOpener opener(Session s) {
        BundleOpener full = BundleOpener.of(s);
        CompletableFuture<Workspace> f = workspace;
        return (file, progress) -> {
            Workspace ws = f == null ? null : awaitQuietly(f);
            if (ws == null) {
                return full.open(file, progress);
            }
            try {
                OpenedBundle b = fromCache(ws, s, file, progress);
                if (b == null) {
                    b = full.open(file, progress);
                    OpenedBundle opened = b;
                    record(() -> {
                        ws.recordBundleOpened(opened);
                        try {
                            ws.cacheDataset(opened.fingerprint(), opened.data());
                        } catch (IllegalArgumentException expired) {
                            // not cached
                        }
                        catalogueRecent = ws.recentFiles(AppPreferences.MAX_RECENT);
                        return null;
                    });
                } else {
                    cacheHits.incrementAndGet();
                    OpenedBundle opened = b;
                    record(() -> {
                        ws.recordBundleOpened(opened);
                        catalogueRecent = ws.recentFiles(AppPreferences.MAX_RECENT);
                        return null;
                    });
                }
                return b;
            } catch (BundleCancelledException e) {
                throw e;
            } catch (BundleException e) {
                record(() -> {
                    ws.recordBundleRefused(file, e);
                    return null;
                });
                throw e;
            }
        };
    }

    private OpenedBundle fromCache(Workspace ws, Session s, Path file, org.epiflow.bundle.BundleProgress progress)
            throws IOException, BundleException {
        BundleReader.Verified v = new BundleReader(s.trust()).verify(file, progress);
        String id = v.header().bundleId();
        Optional<AggregateDataset> data;
        try {
            Optional<String> fp = onWorkspaceThread(() -> ws.cachedFingerprint(id));
            if (fp.isEmpty() || !fp.get().equals(v.fingerprint())) {
                return null;
            }
            data = onWorkspaceThread(() -> ws.cachedDataset(id));
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read the cache; opening the file", e);
            return null;
        }
        if (data.isEmpty() || !data.get().info().bundleId().equals(id)
                || LocalDate.now(clock).isAfter(data.get().info().expires())) {
            return null;
        }
        progress.update("Opened", 1.0);
        return new OpenedBundle(file, v.header(), v.signerKeyId(), v.fingerprint(), data.get());
    }

    /** How many bundles were reopened from the cache (for tests and the status line). */
    public int cacheHits() {
        return cacheHits.get();
    }

    // ---- services for other panels -----------------------------------------------------------------------------

    @Override
    public boolean available() {
        CompletableFuture<Workspace> f = workspace;
        return f != null && f.isDone() && !f.isCompletedExceptionally();
    }

    private Workspace current() {
        CompletableFuture<Workspace> f = workspace;
        Workspace ws = f == null ? null : awaitQuietly(f);
        if (ws == null) {
            throw new IllegalStateException("the workstation is locked (no workspace open)");
        }
        return ws;
    }

    @Override
    public long recordRiskRun(String model, String parametersJson, String summaryJson, String bundleId)
            throws SQLException {
        Workspace ws = current();
        try {
            return onWorkspaceThread(() -> ws.recordRiskRun(model, parametersJson, summaryJson, bundleId));
        } catch (IOException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    @Override
    public void recordExport(Path file, String format, String bundleId) throws SQLException, IOException {
        Workspace ws = current();
        onWorkspaceThread(() -> ws.recordExport(file, format, bundleId));
    }

    // ---- preferences -------------------------------------------------------------------------------------------

    /** Minutes of inactivity before locking (from the workspace settings while unlocked). */
    public IntegerProperty idleMinutesProperty() {
        return idleMinutes;
    }

    /** Stores a new idle time in the workspace settings (a {@code SETTING} entry). */
    public void setIdleMinutes(int minutes) {
        if (minutes < 1 || minutes > 24 * 60) {
            throw new IllegalArgumentException("idle minutes must be between 1 and 1440");
        }
        idleMinutes.set(minutes);
        CompletableFuture<Workspace> f = workspace;
        if (f != null) {
            executor.execute(ctx -> onWorkspaceThread(() -> {
                awaitQuietly(f).setIdleLockMinutes(minutes);
                return null;
            }), TaskCallbacks.of(x -> { }, e -> notice.set(messages.get("session.error", cause(e).getMessage()))));
        }
    }

    public IdleLock idle() {
        return idle;
    }

    // ---- saved views -------------------------------------------------------------------------------------------

    private java.util.function.Supplier<ViewDefinition.Heatmap> heatmapView = () -> null;

    /** Where {@link #capture()} finds the heatmap on screen (the risk panel's), for saved views. */
    public void setHeatmapView(java.util.function.Supplier<ViewDefinition.Heatmap> s) {
        heatmapView = s;
    }

    /** The current view as a saved-view definition. */
    public ViewDefinition capture() {
        OpenedBundle b = views.open().currentProperty().get();
        ViewDefinition.Bundle bundle = null;
        ViewDefinition.Dates dates = null;
        if (b != null) {
            bundle = new ViewDefinition.Bundle(b.data().info().bundleId(), b.fingerprint(),
                    b.file().toAbsolutePath().normalize().toString());
            Period p = views.timeline().periodProperty().get();
            DayRange d = views.timeline().days();
            if (p != null && d != null) {
                dates = new ViewDefinition.Dates(views.timeline().modeProperty().get().name(),
                        views.timeline().granularityProperty().get().name(), p.day(d.first()), p.day(d.last()));
            }
        }
        var f = views.map().filters();
        MapViewport vp = views.map().viewportProperty().get();
        ViewDefinition.Extent extent = vp == null ? null : new ViewDefinition.Extent(
                ViewDefinition.Extent.ALBERS_CHINA, vp.centerX(), vp.centerY(), vp.metresPerPixel(), vp.width(),
                vp.height());
        String code = views.selection().code();
        boolean flows = views.map().flowsVisibleProperty().get();
        return ViewDefinition.of(bundle, dates,
                new ViewDefinition.Filters(f.topNProperty().get(), f.minVolumeProperty().get(),
                        f.directionProperty().get().name(), f.lockScaleProperty().get(),
                        f.autoProvincesProperty().get()),
                new ViewDefinition.Layers(f.provincesProperty().get(), flows,
                        views.map().heatmapProperty().get() != null, flows, true), extent,
                code == null || code.isEmpty() ? List.of() : List.of(code), heatmapView.get())
                .withPresentation(views.map().themeProperty().get() == org.epiflow.ui.prefs.Theme.DARK ? "dark"
                        : "light", null, null, null);
    }

    /** Shows a view: filters, layers, dates, extent, selection (the bundle must be the current one). */
    public void apply(ViewDefinition v) {
        var f = views.map().filters();
        f.provincesProperty().set(v.layers().provinces());
        f.topNProperty().set(v.filters().topN());
        f.minVolumeProperty().set(v.filters().minVolume());
        f.directionProperty().set(Direction.valueOf(v.filters().direction()));
        TimelineViewModel t = views.timeline();
        Period p = t.periodProperty().get();
        if (v.dates() != null && p != null) {
            t.playingProperty().set(false);
            t.modeProperty().set(TimelineViewModel.Mode.valueOf(v.dates().mode()));
            t.granularityProperty().set(TimelineViewModel.Granularity.valueOf(v.dates().granularity()));
            int last = Math.max(0, p.days() - 1);
            int s = (int) Math.max(0, Math.min(last, ChronoUnit.DAYS.between(p.start(), v.dates().start())));
            int e = (int) Math.max(0, Math.min(last, ChronoUnit.DAYS.between(p.start(), v.dates().end())));
            t.endProperty().set(Math.max(e, s));
            t.startProperty().set(s);
            t.endProperty().set(Math.max(e, s));
        }
        if (v.extent() != null) {
            MapViewport cur = views.map().viewportProperty().get();
            int w = cur != null ? cur.width() : Math.max(1, v.extent().width());
            int h = cur != null ? cur.height() : Math.max(1, v.extent().height());
            double mpp = Math.max(MapViewport.MIN_METRES_PER_PIXEL, Math.min(MapViewport.MAX_METRES_PER_PIXEL,
                    v.extent().metresPerPixel()));
            views.map().viewportProperty().set(new MapViewport(w, h, v.extent().centerX(), v.extent().centerY(),
                    mpp));
        }
        if (v.selectedRegions().isEmpty()) {
            views.selection().clear();
        } else {
            views.selection().select(v.selectedRegions().get(0));
        }
        f.lockScaleProperty().set(v.filters().lockScale());
        f.autoProvincesProperty().set(v.filters().autoProvincesOn());
        views.map().flowsVisibleProperty().set(v.shows("flows"));
        views.map().requestRender(FastMapRenderer.Quality.FULL);
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
        Workspace ws = current();
        String json = v.toJson();
        executor.execute(ctx -> onWorkspaceThread(() -> ws.saveView(name, json)), TaskCallbacks.<Long>of(
                id -> notice.set(messages.get("view.saved", name)),
                e -> notice.set(messages.get("session.error", cause(e).getMessage()))));
    }

    /** View → Open view…: lists the saved views, and shows the one chosen. */
    public void openViewInteractive() {
        if (viewDialogs == null || !available()) {
            return;
        }
        Workspace ws = current();
        executor.execute(ctx -> onWorkspaceThread(ws::views), TaskCallbacks.<List<Workspace.SavedView>>of(list -> {
            if (list.isEmpty()) {
                dialogs.showInfo(messages.get("view.open.title"), messages.get("view.open.none"));
                return;
            }
            viewDialogs.choose(list.stream().map(Workspace.SavedView::name).toList()).flatMap(n -> list.stream()
                    .filter(sv -> sv.name().equals(n)).findFirst()).ifPresent(sv -> openView(sv.json()));
        }, e -> notice.set(messages.get("session.error", cause(e).getMessage()))));
    }

    /** Shows a saved view: opens its bundle (from the cache when unchanged) if needed, then applies it. */
    public void openView(String json) {
        ViewDefinition v;
        try {
            v = ViewDefinition.parse(json);
        } catch (IllegalArgumentException e) {
            dialogs.showError(messages.get("view.open.title"), messages.get("view.open.invalid"), e.getMessage(),
                    null);
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
                    v.bundle().id()), String.valueOf(file), null);
            return;
        }
        restore = v;
        views.open().open(file);
    }

    /** The view to return to after the next unlock (null when none). */
    public ViewDefinition pendingRestore() {
        return restore;
    }

    // ---- state -------------------------------------------------------------------------------------------------

    /** One line about the workspace (audit check, purges, errors) for the status area. */
    public StringProperty noticeProperty() {
        return notice;
    }

    /** True while the workspace is open. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** The audit check at the last open (null while locked). */
    public AuditVerification auditCheck() {
        return auditCheck;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private <T> T onWorkspaceThread(Callable<T> work) throws SQLException, IOException {
        try {
            return thread.submit(work).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IOException("the workspace did not answer in time", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof SQLException s) {
                throw s;
            }
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(c);
        }
    }

    /** Records something; a failure (e.g. locked meanwhile) is logged and shown, not thrown. */
    private void record(Callable<Void> work) {
        try {
            onWorkspaceThread(work);
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot record in the workspace", e);
            executor.onUiThread(() -> notice.set(messages.get("session.error", String.valueOf(e.getMessage()))));
        }
    }

    private static Workspace await(CompletableFuture<Workspace> f) throws Exception {
        try {
            return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    private static Workspace awaitQuietly(CompletableFuture<Workspace> f) {
        try {
            return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private static Throwable cause(Throwable e) {
        return e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    }
}
