package org.epiflow.data.workspace;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.AppDirectories;
import org.epiflow.data.audit.AuditEntry;
import org.epiflow.data.audit.AuditJournal;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.data.audit.AuditLog;
import org.epiflow.data.audit.AuditVerification;
import org.epiflow.data.audit.PendingUnlockFailures;
import org.epiflow.text.Message;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** How a {@link Workspace} is opened (see its class comment); every failure is a {@link WorkspaceException}. */
final class WorkspaceOpening {
    private WorkspaceOpening() {
    }

    static Workspace open(Path dir, AgeIdentity identity, Workspace.OpenOptions options) throws WorkspaceException {
        Path d = dir.toAbsolutePath().normalize();
        String keyId = identity.keyId();
        WorkspaceLock lock = null;
        Connection conn = null;
        AuditJournal journal = null;
        boolean ok = false;
        try {
            if (!Files.isDirectory(d) && !options.createIfMissing()) {
                throw new WorkspaceException(WorkspaceException.Reason.NOT_FOUND,
                        Message.of("data.workspace.notFound", d.toString()));
            }
            AppDirectories.createOwnerOnly(d);
            lock = WorkspaceLock.acquire(d, options.holder());
            boolean metaExists = Files.exists(d.resolve(WorkspaceMeta.FILE));
            boolean dbExists = Files.exists(d.resolve(Workspace.DB_FILE));
            if (!metaExists && Files.exists(d.resolve(WorkspaceMeta.NEW_FILE))) {
                // an earlier creation was interrupted before it completed: nothing was stored yet, start again
                Files.deleteIfExists(d.resolve(Workspace.DB_FILE));
                Files.deleteIfExists(d.resolve(WorkspaceMeta.NEW_FILE));
                Files.deleteIfExists(d.resolve(AuditJournal.FILE));
                dbExists = false;
            }
            if (!metaExists && dbExists) {
                throw new WorkspaceException(WorkspaceException.Reason.CORRUPTED,
                        Message.of("data.workspace.meta.lost", d.toString(), WorkspaceMeta.FILE));
            }
            if (metaExists && !dbExists) {
                throw new WorkspaceException(WorkspaceException.Reason.CORRUPTED,
                        Message.of("data.workspace.db.missing", d.resolve(Workspace.DB_FILE).toString()));
            }
            if (!metaExists && !options.createIfMissing()) {
                throw new WorkspaceException(WorkspaceException.Reason.NOT_FOUND,
                        Message.of("data.workspace.notFound", d.toString()));
            }
            WorkspaceMeta meta;
            boolean created = false;
            if (metaExists) {
                meta = WorkspaceMeta.read(d);
                if (!meta.officerKeyId().equals(keyId)) {
                    throw new WorkspaceException(WorkspaceException.Reason.WRONG_IDENTITY,
                            Message.of("data.workspace.otherOfficer", meta.officerKeyId(), keyId));
                }
            } else {
                byte[] salt = new byte[32];
                new SecureRandom().nextBytes(salt);
                byte[] check;
                try (WorkspaceKeys keys = WorkspaceKeys.derive(identity, salt)) {
                    check = keys.keyCheck();
                }
                meta = new WorkspaceMeta(WorkspaceMeta.FORMAT, keyId, salt, check,
                        Instant.now(options.clock()).truncatedTo(ChronoUnit.SECONDS).toString());
                meta.write(d, WorkspaceMeta.NEW_FILE);
                created = true;
            }
            byte[] auditKey;
            byte[] journalKey;
            byte[] backupKey;
            RecordMac mac;
            try (WorkspaceKeys keys = WorkspaceKeys.derive(identity, meta.salt())) {
                if (!keys.matchesKeyCheck(meta.keyCheck())) {
                    throw new WorkspaceException(WorkspaceException.Reason.WRONG_IDENTITY,
                            Message.of("data.workspace.keyCheck"));
                }
                conn = connect(d, keys, !created);
                auditKey = keys.auditMacKey();
                journalKey = keys.journalKey();
                backupKey = keys.backupKey();
                byte[] recordKey = keys.recordMacKey();
                mac = new RecordMac(recordKey);
                Arrays.fill(recordKey, (byte) 0);
            }
            List<Migrations.Applied> migrated;
            int version;
            try {
                migrated = Migrations.migrate(conn, mac);
                version = Migrations.currentVersion(conn);
            } catch (SQLException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
                throw DbErrors.atOpen(d, e);
            }
            if (created) {
                WorkspaceMeta.commitNew(d);
            }
            restrictFiles(d);
            AuditLog log;
            try {
                journal = AuditJournal.open(d.resolve(AuditJournal.FILE), journalKey, keyId, !created);
                log = AuditLog.attach(conn, keyId, auditKey, options.clock(), journal);
            } finally {
                Arrays.fill(auditKey, (byte) 0);
                Arrays.fill(journalKey, (byte) 0);
            }
            Workspace ws;
            try {
                ws = new Workspace(d, keyId, meta.salt(), conn, lock, journal, log, mac, backupKey, options);
            } finally {
                Arrays.fill(backupKey, (byte) 0);
            }
            ws.setReport(afterOpen(ws, created, version, migrated, options));
            ok = true;
            return ws;
        } catch (IOException e) {
            throw DbErrors.translate(Message.of("data.store.folder", d.toString()), e, false);
        } catch (SQLException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw DbErrors.atOpen(d, e);
        } finally {
            if (!ok) {
                if (conn != null) {
                    try {
                        conn.close();
                    } catch (SQLException | RuntimeException ignored) {
                        // failing anyway
                    }
                }
                if (journal != null) {
                    journal.close();
                }
                if (lock != null) {
                    lock.close();
                }
            }
        }
    }

    private static Workspace.OpenReport afterOpen(Workspace ws, boolean created, int version,
                                                  List<Migrations.Applied> migrated, Workspace.OpenOptions options)
            throws WorkspaceException, IOException {
        Tx tx = ws.tx();
        List<String> migratedNames = migrated.stream().map(Migrations.Applied::script).toList();
        Workspace.Recovery recovery = tx.read(Message.of("data.store.audit"), () -> reconcile(ws, tx));
        refuseIfOlderThanBackups(ws, tx);
        AuditVerification check = tx.read(Message.of("data.store.audit"), tx.audit::verifySinceCheckpoint);
        int[] folded = {0};
        PendingUnlockFailures pending = options.identityFile() == null ? null : new PendingUnlockFailures(
                options.pending() != null ? options.pending() : Workspace.pendingDirectory(ws.directory()),
                options.clock());
        List<PendingUnlockFailures.Failure> failures = pending == null ? List.of()
                : pending.pending(options.identityFile());
        tx.write(Message.of("data.store.audit"), Tx.Durability.JOURNAL, () -> {
            if (created) {
                tx.audit.appendWithinTransaction(AuditKind.WORKSPACE_CREATED, Map.of("schemaVersion", version));
            } else if (!migrated.isEmpty()) {
                tx.audit.appendWithinTransaction(AuditKind.MIGRATION, Map.of("applied", migratedNames,
                        "schemaVersion", version));
            }
            for (PendingUnlockFailures.Failure f : failures) {
                tx.audit.appendWithinTransaction(AuditKind.UNLOCK_FAILED, f.details());
                folded[0]++;
            }
            if (options.identityFile() != null) {
                tx.audit.appendWithinTransaction(AuditKind.UNLOCK, Map.of("identityFile",
                        String.valueOf(options.identityFile().getFileName())));
            }
            Map<String, Object> open = new LinkedHashMap<>();
            open.put("purpose", options.purpose());
            open.put("schemaVersion", version);
            open.put("auditCheck", check.ok() ? "ok" : "BAD");
            open.put("auditEntries", check.headSeq());
            if (!check.ok()) {
                open.put("firstBadSeq", check.firstBadSeq());
                open.put("problem", check.problemText());
            }
            if (recovery.entries() > 0) {
                open.put("recoveredFromJournal", recovery.entries());
                open.put("recoveredFrom", recovery.firstSeq());
                open.put("notInDatabase", recovery.notInDatabase().stream().map(Message::english).toList());
            }
            if (recovery.journal() != AuditJournal.Problem.NONE) {
                open.put("journal", recovery.journal().name());
            }
            tx.audit.appendWithinTransaction(AuditKind.WORKSPACE_OPEN, open);
            return null;
        });
        if (pending != null && !failures.isEmpty()) {
            pending.clear(options.identityFile());
        }
        if (recovery.journal() == AuditJournal.Problem.DAMAGED_ENTRIES
                || recovery.journal() == AuditJournal.Problem.REPLACED) {
            tx.report(new Damage(Damage.Area.AUDIT_JOURNAL, "journal", Message.of("data.item.journal"),
                    Message.of("data.damage.journal.effect"), true));
        }
        List<DatasetCache.Purged> purged = ws.cache().purgeExpired();
        ws.settings().idleLockMinutes();
        AuditEntry.Head now = tx.read(Message.of("data.store.audit"), tx.audit::head);
        return new Workspace.OpenReport(created, version, migratedNames, check, folded[0], purged, recovery, now);
    }

    /**
     * Compares the database's trail with the journal: entries the journal holds beyond the database's head are
     * brought back (they must chain on exactly); a journal that does not match the trail is set aside.
     */
    static Workspace.Recovery reconcile(Workspace ws, Tx tx) throws SQLException, IOException, WorkspaceException {
        AuditJournal journal = ws.journal();
        AuditEntry.Head head = tx.audit.lastStored();
        Optional<AuditEntry> last = journal.last();
        AuditJournal.Problem problem = journal.problem();
        if (last.isEmpty()) {
            backfill(ws, tx, newestBackupHead(ws));
            return Workspace.Recovery.none(problem);
        }
        AuditEntry j = last.get();
        if (j.seq() <= head.seq()) {
            Optional<AuditEntry> same = tx.audit.entry(j.seq());
            if (same.isPresent() && MessageDigest.isEqual(same.get().hash(), j.hash())) {
                // entries the database committed but the journal never got (killed in between): journal them now
                backfill(ws, tx, j.seq());
                return Workspace.Recovery.none(problem);
            }
            // the journal is from another history (the folder was copied or rolled back): the database is primary
            journal.keepOnlyAfter(Long.MAX_VALUE);
            backfill(ws, tx, newestBackupHead(ws));
            tx.report(new Damage(Damage.Area.AUDIT_JOURNAL, "journal-mismatch", Message.of("data.item.journal"),
                    Message.of("data.damage.journal.mismatch"), true));
            return Workspace.Recovery.none(AuditJournal.Problem.REPLACED);
        }
        List<AuditEntry> missing = journal.after(head.seq());
        if (missing.isEmpty() || missing.get(0).seq() != head.seq() + 1
                || !MessageDigest.isEqual(missing.get(0).prevHash(), head.hash())) {
            throw new WorkspaceException(WorkspaceException.Reason.CORRUPTED,
                    Message.of("data.workspace.lostEntries", head.seq(), j.seq()));
        }
        List<AuditEntry> chain = new ArrayList<>();
        long expected = head.seq() + 1;
        byte[] prev = head.hash();
        for (AuditEntry e : missing) {
            if (e.seq() != expected || !MessageDigest.isEqual(e.prevHash(), prev) || !tx.audit.intact(e)) {
                break;
            }
            chain.add(e);
            prev = e.hash();
            expected++;
        }
        tx.audit.replay(chain);
        List<Message> lost = WorkspaceRecords.writtenBy(chain);
        if (expected <= j.seq()) {
            tx.report(new Damage(Damage.Area.AUDIT_JOURNAL, "journal-gap", Message.of("data.item.journal"),
                    Message.of("data.damage.journal.gap", expected, j.seq()), false));
        }
        return new Workspace.Recovery(chain.size(), head.seq() + 1, lost, problem);
    }

    /**
     * Appends to the journal the database's entries after {@code after}, so that the journal holds everything after
     * the newest backup even when it was started again or missed entries (a kill between commit and journal).
     */
    private static void backfill(Workspace ws, Tx tx, long after) throws SQLException, IOException {
        if (after < 0) {
            return;
        }
        List<AuditEntry> missing = new ArrayList<>();
        tx.audit.forEachAfter(after, missing::add);
        for (int from = 0; from < missing.size(); from += 1000) {
            ws.journal().append(missing.subList(from, Math.min(missing.size(), from + 1000)));
        }
    }

    /** The head of the newest usable backup (-1 when there is none: then nothing needs to be journaled again). */
    private static long newestBackupHead(Workspace ws) {
        return ws.backups().newest().map(b -> b.auditHead().seq()).orElse(-1L);
    }

    /** A database whose trail is behind the newest backup went back in time (truncated, or replaced by a copy). */
    private static void refuseIfOlderThanBackups(Workspace ws, Tx tx) throws WorkspaceException {
        Optional<WorkspaceBackups.BackupInfo> newest = ws.backups().newest();
        if (newest.isEmpty()) {
            return;
        }
        AuditEntry.Head head = tx.read(Message.of("data.store.audit"), tx.audit::lastStored);
        WorkspaceBackups.BackupInfo b = newest.get();
        if (head.seq() < b.auditHead().seq()) {
            throw new WorkspaceException(WorkspaceException.Reason.CORRUPTED,
                    Message.of("data.workspace.olderThanBackup", head.seq(), b.id(), b.auditHead().seq()));
        }
        Optional<AuditEntry> at = tx.read(Message.of("data.store.audit"), () -> tx.audit.entry(b.auditHead().seq()));
        if (at.isPresent() && !MessageDigest.isEqual(at.get().hash(), b.auditHead().hash())) {
            tx.report(new Damage(Damage.Area.AUDIT_TRAIL, "backup-mismatch", Message.of("data.item.trail"),
                    Message.of("data.damage.trail.backupMismatch", b.id(), b.auditHead().seq()), false));
        }
    }

    static String jdbcUrl(Path dir, boolean mustExist) {
        return "jdbc:h2:file:" + dir.resolve(Workspace.DB_NAME).toAbsolutePath() + Workspace.H2_SETTINGS
                + (mustExist ? ";IFEXISTS=TRUE" : "");
    }

    static Connection connect(Path dir, WorkspaceKeys keys, boolean mustExist) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", Workspace.H2_USER);
        char[] password = keys.h2Password();
        props.put("password", password);
        try {
            Connection c = new org.h2.Driver().connect(jdbcUrl(dir, mustExist), props);
            if (c == null) {
                throw new SQLException("H2 refused the URL");
            }
            return c;
        } finally {
            Arrays.fill(password, '\0');
            props.clear();
        }
    }

    /** 0600 on every file in the workspace folder (H2 creates its files with the default umask). */
    static void restrictFiles(Path d) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
            for (Path p : s) {
                if (Files.isRegularFile(p)) {
                    AppDirectories.ownerOnlyFile(p);
                }
            }
        }
    }
}
