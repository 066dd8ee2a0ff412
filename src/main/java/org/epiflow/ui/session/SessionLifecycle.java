package org.epiflow.ui.session;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.epiflow.data.AppDirectories;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.data.audit.AuditVerification;
import org.epiflow.data.audit.PendingUnlockFailures;
import org.epiflow.data.workspace.Damage;
import org.epiflow.data.workspace.DatasetCache;
import org.epiflow.data.workspace.Workspace;
import org.epiflow.data.workspace.WorkspaceBackups;
import org.epiflow.data.workspace.WorkspaceException;
import org.epiflow.data.workspace.WorkspaceRestore;
import org.epiflow.text.Message;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.unlock.Session;
import org.epiflow.ui.util.DialogService;
import org.epiflow.ui.util.TaskCallbacks;
import org.epiflow.ui.util.TaskExecutor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The session's unlock, lock and idle lifecycle: opens the workspace at unlock on the {@link WorkspaceThread}
 * (refusing to go on, with a dialog that says why, when it is open in another window, or offering to restore the
 * newest backup when it is damaged), shows what the open found, writes a backup at least daily and runs the full
 * check in the background while it is open, shows damage as it is found (offering the restore for anything that
 * is not rebuilt on its own), records the lock and closes the workspace (which writes a backup).
 */
final class SessionLifecycle {
    private static final Logger LOG = Logger.getLogger(SessionLifecycle.class.getName());
    /** How often the open workspace looks whether a backup is due, and how old the newest may be. */
    static final Duration BACKUP_CHECK = Duration.ofHours(1);
    static final Duration BACKUP_AGE = Duration.ofDays(1);
    /** The full check runs this long after opening (so that reopening the bundles is not kept waiting). */
    static final Duration CHECK_DELAY = Duration.ofSeconds(20);

    private final Messages messages;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Clock clock;
    private final Path workspacesRoot;
    final WorkspaceThread thread = new WorkspaceThread();
    final org.epiflow.ui.i18n.LocalText notice;
    final IntegerProperty idleMinutes = new SimpleIntegerProperty(Workspace.DEFAULT_IDLE_LOCK_MINUTES);
    final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
    final IdleLock idle;
    private volatile CompletableFuture<Workspace> workspace;
    private volatile AuditVerification auditCheck;
    private volatile Session session;
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private Consumer<Workspace> onOpened = ws -> { };
    private Runnable lockAction = () -> { };
    private Runnable unavailableAction = () -> { };
    private boolean restoreOffered;
    private volatile boolean restoring;

    SessionLifecycle(Messages messages, TaskExecutor executor, DialogService dialogs, Clock clock,
                     Path workspacesRoot) {
        this.messages = messages;
        this.notice = messages.text();
        this.executor = executor;
        this.dialogs = dialogs;
        this.clock = clock;
        this.workspacesRoot = workspacesRoot;
        this.idle = new IdleLock(clock, idleMinutes::get, () -> workspace != null, () -> lockAction.run());
    }

    void setOnOpened(Consumer<Workspace> c) {
        this.onOpened = c;
    }

    void setLockAction(Runnable lock) {
        this.lockAction = lock;
    }

    void setUnavailableAction(Runnable r) {
        this.unavailableAction = r;
    }

    Path root() {
        return workspacesRoot != null ? workspacesRoot : AppDirectories.workspacesRoot();
    }

    private Path pendingDirectory() {
        return AppDirectories.pendingUnlocks(root());
    }

    private Path dirOf(Session s) {
        return root().resolve(s.keyId());
    }

    // ---- unlock --------------------------------------------------------------------------------------------

    /** A failed unlock: recorded beside the workspaces until the next successful unlock folds it into the trail. */
    void failedUnlock(Path identityFile, String reason) {
        thread.execute(() -> {
            try {
                new PendingUnlockFailures(pendingDirectory(), clock).record(identityFile, reason);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot record a failed unlock");
            }
        });
    }

    /** The officer unlocked: opens (or creates) the workspace in the background; bundle opens wait for it. */
    void unlocked(Session s) {
        session = s;
        restoreOffered = false;
        idle.touch();
        notice.show("session.opening");
        start(s, () -> Workspace.open(dirOf(s), s.identity(), options(s)));
    }

    private Workspace.OpenOptions options(Session s) {
        return Workspace.OpenOptions.defaults().withPurpose("desktop").withIdentityFile(s.identityFile())
                .withPending(pendingDirectory()).withClock(clock);
    }

    private void start(Session s, WorkspaceThread.Work<Workspace> open) {
        CompletableFuture<Workspace> f = new CompletableFuture<>();
        workspace = f;
        thread.execute(() -> {
            try {
                Workspace ws = open.run();
                int m = ws.settings().idleLockMinutes();
                ws.onDamage(d -> executor.onUiThread(() -> damaged(d)));
                executor.onUiThread(() -> idleMinutes.set(m));
                f.complete(ws);
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        executor.execute(ctx -> await(f), TaskCallbacks.<Workspace>of(ws -> opened(f, ws), e -> {
            if (workspace == f) {
                failed(s, cause(e));
            }
        }));
    }

    private void opened(CompletableFuture<Workspace> f, Workspace ws) {
        if (workspace != f) {
            return;
        }
        ready.set(true);
        Workspace.OpenReport r = ws.openReport();
        auditCheck = r.audit();
        if (r.audit().ok()) {
            notice.show("session.auditOk", r.head().seq());
        } else {
            String bad = messages.get("session.auditBroken", r.audit().firstBadSeq(), messages.format(r.audit().problem()));
            notice.set(bad);
            dialogs.showError(messages.get("session.auditBroken.title"), bad,
                    messages.get("session.auditBroken.body"), null);
        }
        List<String> lines = new ArrayList<>();
        for (DatasetCache.Purged p : r.purged()) {
            lines.add(messages.get("session.purged", p.bundleId(), p.expires()));
        }
        if (!lines.isEmpty()) {
            dialogs.showInfo(messages.get("session.purged.title"), String.join("\n", lines));
            if (r.audit().ok()) {
                notice.set(String.join(" ", lines));
            }
        }
        boolean afterRestore = restoring;
        restoring = false;
        if (r.recovery().entries() > 0 && !afterRestore) {
            String body = messages.get("session.recovered", r.recovery().entries(), r.recovery().firstSeq())
                    + notInWorkspace(r.recovery().notInDatabase());
            notice.show("session.recovered.short", r.recovery().entries());
            dialogs.showInfo(messages.get("session.recovered.title"), body);
        }
        for (Damage d : ws.damage()) {
            damaged(d);
        }
        synchronized (timers) {
            timers.add(thread.every(BACKUP_CHECK, () -> backupIfDue(f)));
            timers.add(thread.after(CHECK_DELAY, () -> checkNow(f)));
        }
        onOpened.accept(ws);
    }

    private String notInWorkspace(List<Message> records) {
        if (records.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\n\n").append(messages.get("session.notInWorkspace"));
        for (Message m : records) {
            b.append("\n  • ").append(messages.format(m));
        }
        return b.toString();
    }

    /** The workspace could not be opened: says why; for damage, offers the newest backup; else back to the lock. */
    private void failed(Session s, Throwable e) {
        ready.set(false);
        if (!(e instanceof WorkspaceException w)) {
            LOG.log(Level.WARNING, "workspace not opened: " + e.getClass().getSimpleName());
            notice.show("session.workspaceFailed", String.valueOf(e.getMessage()));
            dialogs.showError(messages.get("session.workspaceFailed.title"),
                    messages.get("session.workspaceFailed.header"), messages.get("session.workspaceFailed.body"),
                    String.valueOf(e));
            giveUp();
            return;
        }
        notice.show(w.what());
        if (w.reason() == WorkspaceException.Reason.LOCKED) {
            boolean command = "data.workspace.locked.command".equals(w.what().key());
            dialogs.showError(messages.get("session.inUse.title"), messages.format(w.what()),
                    messages.get(command ? "session.inUse.body.command" : "session.inUse.body"), null);
            giveUp();
            return;
        }
        if (w.restoreHelps() && s != null && !restoreOffered) {
            offerRestore(s, w.what());
            return;
        }
        dialogs.showError(messages.get("session.workspaceFailed.title"), messages.format(w.what()),
                w.advice() == null ? messages.get("session.workspaceFailed.body") : messages.format(w.advice()), null);
        giveUp();
    }

    private void giveUp() {
        workspace = null;
        unavailableAction.run();
    }

    /** Asks whether to restore the newest usable backup, naming what is damaged; restores if yes. */
    private void offerRestore(Session s, Message what) {
        restoreOffered = true;
        Optional<WorkspaceBackups.BackupInfo> newest = WorkspaceBackups.list(dirOf(s), s.identity()).stream()
                .filter(b -> b.authentic() && !b.superseded()).findFirst();
        if (newest.isEmpty()) {
            dialogs.showError(messages.get("session.damaged.title"), messages.format(what),
                    messages.get("session.damaged.noBackup"), null);
            giveUp();
            return;
        }
        WorkspaceBackups.BackupInfo b = newest.get();
        boolean yes = dialogs.confirm(messages.get("session.damaged.title"), messages.format(what) + "\n\n"
                + messages.get("session.restore.offer", Date.from(b.created()), b.auditHead().seq()),
                messages.get("session.restore.yes"), messages.get("session.restore.no"));
        if (!yes) {
            notice.show("session.restore.declined");
            giveUp();
            return;
        }
        restore(s, b.id());
    }

    /** Restores backup {@code id} (closing the workspace first if it is open) and opens the restored workspace. */
    void restore(Session s, String id) {
        CompletableFuture<Workspace> old = workspace;
        cancelTimers();
        ready.set(false);
        notice.show("session.restoring");
        restoring = true;
        start(s, () -> {
            Workspace current = old == null || !old.isDone() || old.isCompletedExceptionally() ? null
                    : old.getNow(null);
            if (current != null) {
                current.close();
            }
            WorkspaceRestore.Result r = WorkspaceRestore.restore(dirOf(s), s.identity(), id, options(s)
                    .withCreateIfMissing(false));
            executor.onUiThread(() -> restored(r.restored()));
            return r.workspace();
        });
    }

    private void restored(WorkspaceRestore.Restored r) {
        notice.show("session.restored.short", Date.from(r.backup().created()));
        StringBuilder body = new StringBuilder(messages.get("session.restored", Date.from(r.backup().created()),
                r.backup().auditHead().seq(), r.recovered()));
        if (r.lostFrom() > 0) {
            body.append("\n\n").append(r.lostTo() > 0 ? messages.get("session.restored.lost", r.lostFrom(), r.lostTo())
                    : messages.get("session.restored.lostUnknown", r.lostFrom()));
        }
        body.append(notInWorkspace(r.notInWorkspace()));
        if (r.damagedKeptAs() != null) {
            body.append("\n\n").append(messages.get("session.restored.kept", r.damagedKeptAs().toString()));
        }
        dialogs.showInfo(messages.get("session.restored.title"), body.toString());
    }

    /** Damage found while the workspace is in use: one line; for damage not rebuilt on its own, the restore offer. */
    private void damaged(Damage d) {
        notice.set(messages.format(d));
        if (d.rebuilt() || restoreOffered || session == null || workspace == null) {
            return;
        }
        Session s = session;
        List<WorkspaceBackups.BackupInfo> backups = WorkspaceBackups.list(dirOf(s), s.identity());
        Optional<WorkspaceBackups.BackupInfo> newest = backups.stream().filter(b -> b.authentic() && !b.superseded())
                .findFirst();
        restoreOffered = true;
        if (newest.isEmpty()) {
            dialogs.showError(messages.get("session.damaged.title"), messages.format(d.item()),
                    messages.format(d.effect()), null);
            return;
        }
        WorkspaceBackups.BackupInfo b = newest.get();
        if (dialogs.confirm(messages.get("session.damaged.title"), messages.format(d) + "\n\n"
                + messages.get("session.restore.offerWhileOpen", Date.from(b.created()), b.auditHead().seq()),
                messages.get("session.restore.yes"), messages.get("session.restore.no"))) {
            restore(s, b.id());
        }
    }

    // ---- while open ----------------------------------------------------------------------------------------

    private void backupIfDue(CompletableFuture<Workspace> f) {
        Workspace ws = f.getNow(null);
        if (ws == null || workspace != f) {
            return;
        }
        ws.backupIfOlderThan(BACKUP_AGE).flatMap(WorkspaceBackups.Written::failure).ifPresent(e ->
                executor.onUiThread(() -> notice.show("session.backupFailed", messages.format(e))));
    }

    /** The full check of every record and the whole chain, on the workspace thread (damage shows as found). */
    void checkNow(CompletableFuture<Workspace> f) {
        Workspace ws = f == null ? null : f.getNow(null);
        if (ws == null || workspace != f || ws.isClosed()) {
            return;
        }
        try {
            ws.check();
        } catch (WorkspaceException e) {
            executor.onUiThread(() -> notice.set(messages.format(e)));
        }
    }

    /** Runs the full check now (tests; the app runs it {@link #CHECK_DELAY} after opening). */
    void checkNow() {
        CompletableFuture<Workspace> f = workspace;
        thread.execute(() -> checkNow(f));
        thread.flush();
    }

    // ---- lock ----------------------------------------------------------------------------------------------

    /**
     * Locking: writes {@code LOCK} and closes the workspace (on its thread, after every record before it; the
     * close writes a backup).
     *
     * @param reason "manual", "idle" or "quit"
     */
    void locking(String reason) {
        CompletableFuture<Workspace> f = workspace;
        session = null;
        cancelTimers();
        if (f == null) {
            return;
        }
        workspace = null;
        ready.set(false);
        auditCheck = null;
        int minutes = "idle".equals(reason) ? idleMinutes.get() : 0;
        thread.execute(() -> {
            Workspace ws;
            try {
                ws = f.get(WorkspaceThread.WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                return;
            }
            try {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("reason", reason);
                if (minutes > 0) {
                    d.put("idleMinutes", minutes);
                }
                ws.audit().append(AuditKind.LOCK, d);
            } catch (WorkspaceException e) {
                LOG.log(Level.WARNING, "cannot record the lock: " + e.reason());
            } finally {
                ws.close();
            }
        });
        if ("idle".equals(reason)) {
            notice.show("session.locked.idle", minutes);
        } else {
            notice.show("session.locked.manual");
        }
    }

    private void cancelTimers() {
        synchronized (timers) {
            timers.forEach(t -> t.cancel(false));
            timers.clear();
        }
    }

    void shutdown() {
        idle.stop();
        cancelTimers();
        thread.shutdown();
    }

    // ---- state ---------------------------------------------------------------------------------------------

    boolean available() {
        CompletableFuture<Workspace> f = workspace;
        return f != null && f.isDone() && !f.isCompletedExceptionally();
    }

    /** The open workspace (waiting for the open to finish), or why there is none. */
    Workspace current() throws WorkspaceException {
        CompletableFuture<Workspace> f = workspace;
        if (f == null) {
            throw new WorkspaceException(WorkspaceException.Reason.CLOSED, Message.of("data.workspace.locked"));
        }
        try {
            return f.get(WorkspaceThread.WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkspaceException(WorkspaceException.Reason.CLOSED, Message.of("data.workspace.closed"), e);
        } catch (TimeoutException e) {
            throw new WorkspaceException(WorkspaceException.Reason.IO, Message.of("data.workspace.timeout"), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WorkspaceException w) {
                throw w;
            }
            throw new WorkspaceException(WorkspaceException.Reason.IO, Message.of("data.workspace.notOpened"),
                    e.getCause());
        }
    }

    CompletableFuture<Workspace> future() {
        return workspace;
    }

    AuditVerification auditCheck() {
        return auditCheck;
    }

    private static Workspace await(CompletableFuture<Workspace> f) throws Exception {
        try {
            return f.get(WorkspaceThread.WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    static Throwable cause(Throwable e) {
        return e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    }
}
