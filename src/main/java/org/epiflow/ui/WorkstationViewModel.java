package org.epiflow.ui;

import javafx.beans.binding.BooleanBinding;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.ui.detail.DetailViewModel;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.BoundariesViewModel;
import org.epiflow.ui.map.MapRenderWorker;
import org.epiflow.ui.map.MapViewModel;
import org.epiflow.ui.map.RegionSelection;
import org.epiflow.ui.open.OpenBundlesViewModel;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.search.SearchViewModel;
import org.epiflow.ui.session.SessionServices;
import org.epiflow.ui.session.WorkspaceSession;
import org.epiflow.ui.status.StatusViewModel;
import org.epiflow.ui.time.TimelineViewModel;
import org.epiflow.ui.unlock.IdentityUnlocker;
import org.epiflow.ui.unlock.UnlockViewModel;
import org.epiflow.ui.util.DialogService;
import org.epiflow.ui.util.FileChooserService;
import org.epiflow.ui.util.TaskCallbacks;
import org.epiflow.ui.util.TaskExecutor;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole workstation's state: unlock, open bundles, timeline, map, selection, detail, search and status, wired
 * together. Locking wipes the key and drops every opened bundle; the files are reopened after the next unlock.
 */
public final class WorkstationViewModel {
    private final Messages messages;
    private final AppPreferences prefs;
    private final TaskExecutor executor;
    private final MapRenderWorker worker;
    private final UnlockViewModel unlock;
    private final OpenBundlesViewModel open;
    private final TimelineViewModel timeline;
    private final RegionSelection selection = new RegionSelection();
    private final MapViewModel map;
    private final DetailViewModel detail;
    private final SearchViewModel search;
    private final StatusViewModel status;
    private final org.epiflow.ui.risk.RiskViewModel risk;
    private final BoundariesViewModel boundaries;
    private final WorkspaceSession session;
    private final org.epiflow.ui.export.ExportViewModel export;
    private final org.epiflow.ui.map.LegendSettings legends;
    private final org.epiflow.ui.compare.ComparisonViewModel comparison;
    private final org.epiflow.ui.compare.RegionGroupsViewModel groups;
    private final org.epiflow.ui.compare.SplitViewModel split;
    private final org.epiflow.ui.session.SessionCarryOver carry;

    public WorkstationViewModel(Messages messages, AppPreferences prefs, TaskExecutor executor, DialogService dialogs,
                                FileChooserService files, IdentityUnlocker unlocker, Clock clock) {
        this(messages, prefs, executor, dialogs, files, unlocker, clock, null);
    }

    /** @param workspacesRoot where officers' workspaces live (null: the app-data folder) */
    public WorkstationViewModel(Messages messages, AppPreferences prefs, TaskExecutor executor, DialogService dialogs,
                                FileChooserService files, IdentityUnlocker unlocker, Clock clock,
                                Path workspacesRoot) {
        this.messages = messages;
        this.prefs = prefs;
        this.executor = executor;
        this.worker = new MapRenderWorker();
        this.unlock = new UnlockViewModel(messages, executor, unlocker, prefs, files, clock);
        this.open = new OpenBundlesViewModel(messages, executor, dialogs, files, prefs);
        this.timeline = new TimelineViewModel(messages);
        this.legends = new org.epiflow.ui.map.LegendSettings(prefs.node().node("legends"));
        this.map = new MapViewModel(messages, executor, worker, selection);
        this.detail = new DetailViewModel(messages, selection);
        this.search = new SearchViewModel(selection);
        this.status = new StatusViewModel(messages, unlock.sessionProperty(), open.currentProperty());
        this.boundaries = new BoundariesViewModel(messages, executor, dialogs, files, prefs, map.basemapProperty());
        map.themeProperty().set(prefs.theme());
        this.risk = new org.epiflow.ui.risk.RiskViewModel(messages, executor, files, selection, map);
        risk.bundleProperty().bind(open.currentProperty());
        unlock.sessionProperty().addListener((o, a, s) -> {
            if (s == null) {
                risk.clear();
            }
        });
        var views = new WorkspaceSession.Views(open, timeline, map, selection);
        this.session = new WorkspaceSession(messages, executor, dialogs, prefs, clock, workspacesRoot, views);
        this.carry = new org.epiflow.ui.session.SessionCarryOver(messages, executor, dialogs, clock, session, views,
                risk);
        session.setOnReady(carry::unlocked);
        risk.caseData().setKeeper(session.caseTableKeeper());
        session.setLockAction(() -> lock("idle"));
        session.setUnavailableAction(() -> {
            String why = session.noticeProperty().get();
            lock("unavailable");
            unlock.messageProperty().set(messages.get("session.notUnlocked", why));
        });
        session.setHeatmapView(() -> org.epiflow.ui.export.HeatmapViews.of(risk.heatmap()));
        risk.addRunListener(this::recordRiskRun);
        unlock.setOnFailedUnlock(session::failedUnlock);
        this.export = new org.epiflow.ui.export.ExportViewModel(messages, executor, dialogs, files, map,
                risk.heatmap(), timeline, session, this::exportSource, prefs.node().node("export"), clock);

        unlock.sessionProperty().addListener((o, a, s) -> {
            if (s != null) {
                session.unlocked(s);
            }
            if (unlock.session() == s) {   // not when the workspace could not be opened (locked again meanwhile)
                open.setOpener(s == null ? null : session.opener(s));
            }
        });
        open.currentProperty().addListener((o, a, b) -> show(b));
        timeline.daysProperty().addListener((o, a, d) -> {
            map.daysProperty().set(d);
            detail.daysProperty().set(d);
        });
        timeline.granularityProperty().addListener((o, a, g) ->
                detail.weeklyProperty().set(g == TimelineViewModel.Granularity.WEEKLY));

        // issue 15: comparison with a baseline, split view, per-capita, region groups
        this.comparison = new org.epiflow.ui.compare.ComparisonViewModel(messages);
        comparison.currentProperty().bind(open.currentProperty());
        javafx.beans.binding.Bindings.bindContent(comparison.bundles(), open.bundles());
        comparison.periodProperty().bind(timeline.periodProperty());
        comparison.daysProperty().bind(timeline.daysProperty());
        map.baselineProperty().bind(comparison.mapRequestProperty());
        detail.baselineProperty().bind(comparison.mapRequestProperty());
        org.epiflow.ui.compare.HeatmapComparisonLink.link(comparison, risk.heatmapBaseline(), risk.heatmap());
        this.split = new org.epiflow.ui.compare.SplitViewModel(messages, executor, map, comparison);
        this.groups = new org.epiflow.ui.compare.RegionGroupsViewModel(messages, executor, files, selection);
        groups.storageProperty().set(session.regionGroupStorage());
        var capture = new org.epiflow.ui.compare.ComparisonCapture(comparison, groups);
        session.setComparisonView(capture::capture, capture::apply);
        session.readyProperty().addListener((o, a, ready) -> {
            if (ready) {
                groups.load();
            }
        });
        unlock.sessionProperty().addListener((o, a, s) -> {
            if (s == null) {
                groups.clear();
                comparison.enabledProperty().set(false);
            }
        });
        groups.groups().addListener((javafx.collections.ListChangeListener<org.epiflow.data.RegionGroup>) c ->
                risk.form().groupsProperty().set(List.copyOf(groups.groups())));
    }

    /** Records a finished risk run in the workspace's catalogue and audit trail (off the UI thread). */
    private void recordRiskRun(org.epiflow.ui.risk.RiskRun run) {
        executor.execute(ctx -> {
            if (!session.available()) {
                return null;
            }
            var json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
            return session.recordRiskRun(run.settings().model().id(), json.writeValueAsString(run.settings()),
                    json.writeValueAsString(run.result().summary()), run.data().info().bundleId());
        }, TaskCallbacks.<Long>of(id -> { }, e -> session.noticeProperty().set(
                messages.get("risk.notRecorded", String.valueOf(e.getMessage())))));
    }

    private void show(OpenedBundle b) {
        var data = b == null ? null : b.data();
        selection.clear();
        selection.datasetProperty().set(data);
        timeline.setPeriod(data == null ? null : data.info().period());
        map.daysProperty().set(timeline.days());
        detail.daysProperty().set(timeline.days());
        map.datasetProperty().set(data);
        boundaries.datasetProperty().set(data);
        session.shown(b);
    }

    /** What an export of the bundle shown draws from, or null when none is shown (or the workstation is locked). */
    private org.epiflow.export.ExportSource exportSource() {
        OpenedBundle b = open.currentProperty().get();
        var s = unlock.session();
        if (b == null || s == null) {
            return null;
        }
        return org.epiflow.export.ExportSource.of(b, map.basemapProperty().get(), s.keyId());
    }

    /** The export dialog's state (briefing exports of the view shown). */
    public org.epiflow.ui.export.ExportViewModel export() {
        return export;
    }

    /** Loads the basemap (and remembered official boundaries) in the background; flows draw without it until then. */
    public void loadBasemap() {
        boundaries.load();
    }

    /** Which boundaries the map draws. */
    public BoundariesViewModel boundaries() {
        return boundaries;
    }

    /** Wipes the key, drops the open bundles (the session document brings them back after the next unlock). */
    public void lock() {
        lock("manual");
    }

    /**
     * Locks: saves the session document (what is open and shown, to return to after the next unlock or a restart),
     * records the lock and closes the workspace, drops the open bundles, wipes the key.
     *
     * @param reason "manual", "idle" or "quit"
     */
    public void lock(String reason) {
        if (unlock.session() == null) {
            return;
        }
        timeline.playingProperty().set(false);
        carry.locking();
        session.locking(reason);
        open.closeAll();
        unlock.lock();
    }

    /** On quitting: wipes the key and stops background work. */
    public void shutdown() {
        lock("quit");
        session.shutdown();
        executor.shutdown();
        worker.close();
        split.close();
    }

    public BooleanBinding lockedProperty() {
        return unlock.sessionProperty().isNull();
    }

    public Messages messages() {
        return messages;
    }

    public AppPreferences prefs() {
        return prefs;
    }

    public UnlockViewModel unlock() {
        return unlock;
    }

    public OpenBundlesViewModel open() {
        return open;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    public RegionSelection selection() {
        return selection;
    }

    public MapViewModel map() {
        return map;
    }

    public DetailViewModel detail() {
        return detail;
    }

    public SearchViewModel search() {
        return search;
    }

    /** Spread-risk runs, heatmap, ranking and forecasts. */
    public org.epiflow.ui.risk.RiskViewModel risk() {
        return risk;
    }

    /** The officer's workspace session (saved views, idle lock, audit notices). */
    public WorkspaceSession session() {
        return session;
    }

    /** The officer's work carrying over between sessions (the session document). */
    public org.epiflow.ui.session.SessionCarryOver carry() {
        return carry;
    }

    /** Hooks for recording risk runs and exports in the workspace. */
    public SessionServices services() {
        return session;
    }

    /** Where the map's legends sit and which are shown. */
    public org.epiflow.ui.map.LegendSettings legends() {
        return legends;
    }

    /** The comparison with a baseline and per-capita setting (the Compare panel). */
    public org.epiflow.ui.compare.ComparisonViewModel comparison() {
        return comparison;
    }

    /** The officer's region groups. */
    public org.epiflow.ui.compare.RegionGroupsViewModel groups() {
        return groups;
    }

    /** Period and baseline side by side. */
    public org.epiflow.ui.compare.SplitViewModel split() {
        return split;
    }

    public StatusViewModel status() {
        return status;
    }
}
