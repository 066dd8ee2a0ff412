package org.epiflow.data.workspace;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.AppDirectories;
import org.epiflow.data.audit.AuditEntry;
import org.epiflow.data.audit.AuditJournal;
import org.epiflow.data.audit.AuditLog;
import org.epiflow.data.audit.AuditVerification;
import org.epiflow.text.Message;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One officer's encrypted workspace: an embedded H2 database ({@code CIPHER=AES}) whose keys are derived from the
 * officer's unlocked identity, in {@code <app data>/workspaces/<officer key id>/} (docs/workspace-and-audit.md).
 * This class keeps opening, the lock and closing; the stores ({@link #catalogue()}, {@link #cache()},
 * {@link #views()}, {@link #riskRuns()}, {@link #exports()}, {@link #caseTables()}, {@link #settings()},
 * {@link #sessionState()}) and the {@link #audit() trail} share one transaction helper. Every record is MAC'd and
 * checked when read; damage found is in {@link #damage()}. Backups are in {@link #backups()}.
 *
 * <p>Opening ({@link WorkspaceOpening}) takes the lock (another window or command gets {@code LOCKED}, naming
 * it), applies migrations, brings back from the journal any acknowledged entries the database lost, refuses a
 * database older than its own newest backup, checks the trail since its last checkpoint, folds in failed unlocks,
 * records the open and purges expired cached data; {@link #openReport()} tells what happened. Closing writes a
 * checkpoint and, as the options ask, a backup. Thread-safe (one connection; the stores synchronize on it).
 */
public final class Workspace implements AutoCloseable {
    static final String DB_NAME = "workspace";
    static final String DB_FILE = DB_NAME + ".mv.db";
    static final String H2_USER = "epiflow";
    /**
     * H2 settings: AES file encryption; native file lock (released by the OS if the process dies); no trace file and
     * no trace output (trace text could quote data); every commit written to the file at once (no write delay).
     */
    static final String H2_SETTINGS = ";CIPHER=AES;FILE_LOCK=FS;TRACE_LEVEL_FILE=0;TRACE_LEVEL_SYSTEM_OUT=0"
            + ";WRITE_DELAY=0;CACHE_SIZE=65536";
    /** Default minutes of inactivity before the application locks itself. */
    public static final int DEFAULT_IDLE_LOCK_MINUTES = WorkspaceSettings.DEFAULT_IDLE_LOCK_MINUTES;

    private final Path dir;
    private final String officerKeyId;
    private final Connection connection;
    private final WorkspaceLock lock;
    private final AuditJournal journal;
    private final Tx tx;
    private final DamageLog damage;
    private final OpenOptions options;
    private final byte[] salt;
    private final BundleCatalogue catalogue;
    private final DatasetCache cache;
    private final SavedViews views;
    private final RiskRunLog riskRuns;
    private final ExportLog exports;
    private final CaseTableStore caseTables;
    private final WorkspaceSettings settings;
    private final SessionStateStore sessionState;
    private final RegionGroupStore regionGroups;
    private final AuditTrail audit;
    private final WorkspaceBackups backups;
    private OpenReport report;
    private boolean closed;

    /**
     * How to open a workspace.
     *
     * @param createIfMissing create the workspace if the folder has none (otherwise {@code NOT_FOUND})
     * @param purpose         why it is opened, written into the audit entry (e.g. "desktop", "audit verify")
     * @param identityFile    the identity file just unlocked: an {@code UNLOCK} entry is written and failed attempts
     *                        recorded for that file are folded into the chain (null: neither)
     * @param pending         where failed unlock attempts wait (null: beside the folder, {@code pending-unlocks})
     * @param clock           time source (entries, expiry)
     * @param window          whether an app window opens it (else a command): the lock says so to others
     * @param backupOnClose   a backup is written at a clean close when the newest is older than this (null: never)
     */
    public record OpenOptions(boolean createIfMissing, String purpose, Path identityFile, Path pending, Clock clock,
                              boolean window, Duration backupOnClose) {
        public OpenOptions {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(clock, "clock");
        }

        /** The app's defaults: create if missing, a window, a backup at every clean close. */
        public static OpenOptions defaults() {
            return new OpenOptions(true, "desktop", null, null, Clock.systemUTC(), true, Duration.ZERO);
        }

        /** A command's defaults: as {@link #defaults()}, but a command, backing up at most every 15 minutes. */
        public static OpenOptions command(String name) {
            return new OpenOptions(true, name, null, null, Clock.systemUTC(), false, Duration.ofMinutes(15));
        }

        public OpenOptions withCreateIfMissing(boolean create) {
            return new OpenOptions(create, purpose, identityFile, pending, clock, window, backupOnClose);
        }

        public OpenOptions withPurpose(String p) {
            return new OpenOptions(createIfMissing, p, identityFile, pending, clock, window, backupOnClose);
        }

        public OpenOptions withIdentityFile(Path file) {
            return new OpenOptions(createIfMissing, purpose, file, pending, clock, window, backupOnClose);
        }

        public OpenOptions withPending(Path dir) {
            return new OpenOptions(createIfMissing, purpose, identityFile, dir, clock, window, backupOnClose);
        }

        public OpenOptions withClock(Clock c) {
            return new OpenOptions(createIfMissing, purpose, identityFile, pending, c, window, backupOnClose);
        }

        public OpenOptions withBackupOnClose(Duration minAge) {
            return new OpenOptions(createIfMissing, purpose, identityFile, pending, clock, window, minAge);
        }

        WorkspaceLock.Holder holder() {
            return window ? WorkspaceLock.Holder.window() : WorkspaceLock.Holder.command(purpose);
        }
    }

    /**
     * What happened while opening.
     *
     * @param created              the workspace was created now
     * @param schemaVersion        schema version after migrations
     * @param migrated             migrations applied now (e.g. "V2__cache_and_case_tables.sql")
     * @param audit                the audit chain as checked at open (since the last checkpoint), before this
     *                             open's entries were added
     * @param foldedUnlockFailures failed unlock attempts folded into the chain now
     * @param purged               bundles whose cached aggregates were purged now because they expired
     * @param recovery             what was brought back from the journal, and what was not
     * @param head                 the trail's head once this open's own entries were written
     */
    public record OpenReport(boolean created, int schemaVersion, List<String> migrated, AuditVerification audit,
                             int foldedUnlockFailures, List<DatasetCache.Purged> purged, Recovery recovery,
                             AuditEntry.Head head) {
    }

    /**
     * Audit entries brought back from the journal because the database had lost them (a power cut, a truncated
     * file, a restore), and the records those entries describe, which are not in the database.
     *
     * @param entries     how many entries came back from the journal
     * @param firstSeq    the first of them (0 when none)
     * @param notInDatabase the records written by those entries that the database does not have (a saved view…)
     * @param journal     what was wrong with the journal itself
     */
    public record Recovery(int entries, long firstSeq, List<Message> notInDatabase, AuditJournal.Problem journal) {
        static Recovery none(AuditJournal.Problem journal) {
            return new Recovery(0, 0, List.of(), journal);
        }
    }

    Workspace(Path dir, String officerKeyId, byte[] salt, Connection connection, WorkspaceLock lock,
              AuditJournal journal, AuditLog log, RecordMac mac, byte[] backupKey, OpenOptions options) {
        this.dir = dir;
        this.officerKeyId = officerKeyId;
        this.salt = salt.clone();
        this.connection = connection;
        this.lock = lock;
        this.journal = journal;
        this.options = options;
        this.damage = new DamageLog();
        this.tx = new Tx(connection, log, mac, damage, options.clock());
        this.catalogue = new BundleCatalogue(tx);
        this.cache = new DatasetCache(tx, catalogue);
        this.views = new SavedViews(tx);
        this.riskRuns = new RiskRunLog(tx);
        this.exports = new ExportLog(tx);
        this.caseTables = new CaseTableStore(tx);
        this.settings = new WorkspaceSettings(tx);
        this.sessionState = new SessionStateStore(tx);
        this.regionGroups = new RegionGroupStore(sessionState);
        this.audit = new AuditTrail(tx);
        this.backups = new WorkspaceBackups(this, backupKey);
    }

    /** The default folder of this officer's workspace: {@code <app data>/workspaces/<key id>}. */
    public static Path defaultDirectory(AgeIdentity identity) {
        return AppDirectories.workspaceOf(identity.keyId());
    }

    /** Where failed unlock attempts wait for a workspace folder: beside it, in {@code pending-unlocks}. */
    public static Path pendingDirectory(Path workspaceDir) {
        return AppDirectories.pendingUnlocksBeside(workspaceDir);
    }

    /** Opens (creating if needed) the workspace in {@code dir} with default options. */
    public static Workspace open(Path dir, AgeIdentity identity) throws WorkspaceException {
        return open(dir, identity, OpenOptions.defaults());
    }

    /**
     * Opens the workspace in {@code dir}.
     *
     * @throws WorkspaceException {@code WRONG_IDENTITY} if it belongs to another officer, {@code CORRUPTED} if
     *                            damaged, older than its backups or has lost entries (restore a backup),
     *                            {@code LOCKED} if open in another window or command (named),
     *                            {@code NEWER_VERSION}, {@code NOT_FOUND}, {@code IO}
     */
    public static Workspace open(Path dir, AgeIdentity identity, OpenOptions options) throws WorkspaceException {
        return WorkspaceOpening.open(dir, identity, options);
    }

    void setReport(OpenReport r) {
        this.report = r;
    }

    public OpenReport openReport() {
        return report;
    }

    public Path directory() {
        return dir;
    }

    public String officerKeyId() {
        return officerKeyId;
    }

    OpenOptions options() {
        return options;
    }

    byte[] salt() {
        return salt.clone();
    }

    Tx tx() {
        return tx;
    }

    AuditJournal journal() {
        return journal;
    }

    // ---- stores --------------------------------------------------------------------------------------------

    public BundleCatalogue catalogue() {
        return catalogue;
    }

    public DatasetCache cache() {
        return cache;
    }

    public SavedViews views() {
        return views;
    }

    public RiskRunLog riskRuns() {
        return riskRuns;
    }

    public ExportLog exports() {
        return exports;
    }

    public CaseTableStore caseTables() {
        return caseTables;
    }

    public WorkspaceSettings settings() {
        return settings;
    }

    public SessionStateStore sessionState() {
        return sessionState;
    }

    /** The officer's named region groups. */
    public RegionGroupStore regionGroups() {
        return regionGroups;
    }

    public AuditTrail audit() {
        return audit;
    }

    public WorkspaceBackups backups() {
        return backups;
    }

    public int schemaVersion() throws WorkspaceException {
        return tx.read(Message.of("data.store.database"), () -> Migrations.currentVersion(connection));
    }

    // ---- damage --------------------------------------------------------------------------------------------

    /** The damage found in this session so far, once per item. */
    public List<Damage> damage() {
        return damage.all();
    }

    /** Calls {@code listener} for each new damage found (on the thread that found it). */
    public void onDamage(Consumer<Damage> listener) {
        damage.listen(listener);
    }

    /** Reads and checks every record, cached copy and the whole audit chain ({@code epiflow workspace check}). */
    public WorkspaceCheck.Report check() throws WorkspaceException {
        return WorkspaceCheck.run(this);
    }

    /** Whether damage that stops the database from working was found in this session. */
    public boolean broken() {
        return tx.broken();
    }

    // ---- closing -------------------------------------------------------------------------------------------

    /**
     * Writes a backup if the newest is at least {@code maxAge} old (the app calls it every hour: a backup at least
     * daily while in use). Failures are returned, not thrown: damage found while backing up keeps the older, good
     * backups.
     */
    public Optional<WorkspaceBackups.Written> backupIfOlderThan(Duration maxAge) {
        if (tx.closed() || tx.broken()) {
            return Optional.empty();
        }
        try {
            return backups.newest().filter(b -> b.created().plus(maxAge).isAfter(options.clock().instant()))
                    .isPresent() ? Optional.empty() : Optional.of(backups.write());
        } catch (WorkspaceException e) {
            return Optional.of(WorkspaceBackups.Written.failed(e));
        }
    }

    /**
     * Closes: writes a checkpoint of the trail and (as the options ask) a backup, shuts the database down and
     * releases the lock. When cached aggregates were purged in this session the database is compacted on the way
     * out ({@code SHUTDOWN COMPACT}) so the freed, encrypted pages are rewritten away.
     */
    @Override
    public void close() {
        synchronized (connection) {
            if (closed) {
                return;
            }
            closed = true;
            if (!tx.broken()) {
                try {
                    if (tx.audit.verifySinceCheckpoint().ok()) {
                        tx.audit.checkpoint();
                    }
                } catch (SQLException | RuntimeException e) {
                    // the next open checks from the previous checkpoint
                }
                if (options.backupOnClose() != null) {
                    backupIfOlderThan(options.backupOnClose());
                }
            }
            tx.markClosed();
            try (Statement s = connection.createStatement()) {
                s.execute(cache.purgedThisSession() ? "SHUTDOWN COMPACT" : "SHUTDOWN");
            } catch (SQLException | RuntimeException e) {
                // closing below anyway
            }
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
                // nothing more to do
            }
            journal.close();
            backups.wipe();
            lock.close();
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }
}
