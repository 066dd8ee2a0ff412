package org.epiflow.data.workspace;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.AppDirectories;
import org.epiflow.data.audit.AuditEntry;
import org.epiflow.data.audit.AuditJournal;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.data.audit.AuditLog;
import org.epiflow.data.audit.AuditVerification;
import org.epiflow.text.Message;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.InflaterInputStream;

/**
 * Restores a workspace from one of its backups ({@code epiflow workspace restore}, or the app's offer when it finds
 * damage). The backup is checked in full first — header MAC, every chunk's tag, every row's MAC, every table's
 * digest, the whole audit chain and its head — by rebuilding it in a folder of its own; only then is the damaged
 * database moved aside ({@code damaged/}, never deleted) and the rebuilt one moved into place. The workspace is then
 * opened, which brings back from the journal the entries acknowledged after the backup; a {@code RESTORE} entry
 * records the backup, what came back, and what the backup does not have (the records written after it, entries
 * that could not be recovered). Backups newer than the one restored are marked superseded (kept, not expected).
 */
public final class WorkspaceRestore {
    private WorkspaceRestore() {
    }

    /**
     * What a restore did.
     *
     * @param backup          the backup restored
     * @param recovered       entries brought back from the journal (written after the backup)
     * @param notInWorkspace  records written after the backup, which the restored workspace does not have
     * @param lostFrom        the first entry that could not be recovered (0: none lost)
     * @param lostTo          the last entry known to be lost (0: none, or unknown)
     * @param damagedKeptAs   where the database that was replaced now is (null when there was none)
     * @param superseded      ids of newer backups marked superseded
     */
    public record Restored(WorkspaceBackups.BackupInfo backup, int recovered, List<Message> notInWorkspace,
                           long lostFrom, long lostTo, Path damagedKeptAs, List<String> superseded) {
    }

    /**
     * Restores {@code backupId} (null: the newest usable backup) into the workspace in {@code dir}, then opens it.
     * The caller closes the workspace returned.
     *
     * @throws WorkspaceException {@code NOT_FOUND} without a usable backup, {@code CORRUPTED} if the backup does not
     *                            check out (nothing is changed then), {@code LOCKED} if the workspace is open
     */
    public static Result restore(Path dir, AgeIdentity identity, String backupId, Workspace.OpenOptions options)
            throws WorkspaceException {
        Path d = dir.toAbsolutePath().normalize();
        List<WorkspaceBackups.BackupInfo> all = WorkspaceBackups.list(d, identity);
        WorkspaceBackups.BackupInfo chosen = all.stream()
                .filter(b -> backupId == null ? b.authentic() && !b.superseded() : b.id().equals(backupId))
                .findFirst().orElse(null);
        if (chosen == null && backupId == null) {
            chosen = all.stream().filter(WorkspaceBackups.BackupInfo::authentic).findFirst().orElse(null);
        }
        if (chosen == null) {
            throw new WorkspaceException(WorkspaceException.Reason.NOT_FOUND, backupId == null
                    ? Message.of("data.restore.noBackup", d.toString())
                    : Message.of("data.restore.noSuchBackup", backupId), Message.of("data.restore.advice.list"));
        }
        if (!chosen.authentic()) {
            throw damagedBackup(chosen, null);
        }
        Path damagedKeptAs = null;
        long lostFrom = 0;
        long lostTo = 0;
        List<String> superseded = new ArrayList<>();
        try (WorkspaceLock lock = WorkspaceLock.acquire(d, options.holder())) {
            BackupFile.Header h = rebuild(d, identity, chosen, options.clock());
            Path rebuilt = d.resolve("restore-" + chosen.id()).resolve(Workspace.DB_FILE);
            Path db = d.resolve(Workspace.DB_FILE);
            if (Files.exists(db)) {
                Path damaged = AppDirectories.createOwnerOnly(d.resolve("damaged"));
                damagedKeptAs = damaged.resolve("workspace-" + java.time.format.DateTimeFormatter
                        .ofPattern("yyyyMMdd-HHmmss-SSS").withZone(java.time.ZoneOffset.UTC)
                        .format(Instant.now(options.clock())) + ".mv.db");
                Files.move(db, damagedKeptAs);
            }
            WorkspaceBackups.move(rebuilt, db);
            deleteTree(rebuilt.getParent());
            WorkspaceMeta meta = h.meta();
            boolean sameKeys;
            try {
                sameKeys = WorkspaceMeta.read(d).sameKeys(meta);
            } catch (IOException | WorkspaceException e) {
                sameKeys = false;
            }
            if (!sameKeys) {
                meta.current().write(d, WorkspaceMeta.FILE);
            }
            long[] lost = settleJournal(d, identity, h, sameKeys);
            lostFrom = lost[0];
            lostTo = lost[1];
            for (WorkspaceBackups.BackupInfo b : all) {
                if (b.created().isAfter(chosen.created()) && !b.superseded()) {
                    Path to = b.file().resolveSibling(b.file().getFileName() + WorkspaceBackups.SUPERSEDED);
                    Files.move(b.file(), to);
                    superseded.add(b.id());
                }
            }
            WorkspaceOpening.restrictFiles(d);
        } catch (IOException e) {
            throw DbErrors.translate(Message.of("data.store.folder", d.toString()), e, false);
        }
        Workspace ws = Workspace.open(d, identity, options.withCreateIfMissing(false));
        boolean ok = false;
        try {
            Workspace.Recovery r = ws.openReport().recovery();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("backupId", chosen.id());
            details.put("backupCreated", chosen.created().toString());
            details.put("backupHeadSeq", chosen.auditHead().seq());
            details.put("backupHeadHash", chosen.auditHead().hashHex());
            details.put("recoveredFromJournal", r.entries());
            details.put("notInWorkspace", r.notInDatabase().stream().map(Message::english).toList());
            if (lostFrom > 0) {
                details.put("lostEntriesFrom", lostFrom);
                details.put("lostEntriesTo", lostTo > 0 ? String.valueOf(lostTo) : "unknown");
            }
            details.put("damagedDatabaseKeptAs", damagedKeptAs == null ? "" : damagedKeptAs.getFileName().toString());
            details.put("supersededBackups", superseded);
            ws.audit().append(AuditKind.RESTORE, details);
            ok = true;
            return new Result(ws, new Restored(chosen, r.entries(), r.notInDatabase(), lostFrom, lostTo,
                    damagedKeptAs, List.copyOf(superseded)));
        } finally {
            if (!ok) {
                ws.close();
            }
        }
    }

    /** The restored, open workspace and what the restore did. */
    public record Result(Workspace workspace, Restored restored) {
    }

    /**
     * Rebuilds the backup in {@code <dir>/restore-<id>/} and checks everything in it; throws (and leaves nothing
     * behind) when any check fails.
     */
    private static BackupFile.Header rebuild(Path d, AgeIdentity identity, WorkspaceBackups.BackupInfo b, Clock clock)
            throws WorkspaceException, IOException {
        Path folder = d.resolve("restore-" + b.id());
        deleteTree(folder);
        AppDirectories.createOwnerOnly(folder);
        boolean ok = false;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(b.file()), 1 << 16)) {
            byte[] json = BackupFile.readHeaderBytes(raw);
            BackupFile.Header h = BackupFile.Header.parse(json);
            if (!h.officerKeyId().equals(identity.keyId())) {
                throw damagedBackup(b, null);
            }
            try (WorkspaceKeys keys = WorkspaceKeys.derive(identity, h.salt())) {
                if (!keys.matchesKeyCheck(h.keyCheck())) {
                    throw damagedBackup(b, null);
                }
                byte[] backupKey = keys.backupKey();
                byte[] recordKey = keys.recordMacKey();
                byte[] auditKey = keys.auditMacKey();
                RecordMac mac = new RecordMac(recordKey);
                try (Connection c = WorkspaceOpening.connect(folder, keys, false)) {
                    if (!BackupFile.headerAuthentic(raw, json, backupKey)) {
                        throw damagedBackup(b, null);
                    }
                    if (h.schemaVersion() < 4 || h.schemaVersion() > Migrations.LATEST) {
                        throw damagedBackup(b, null);
                    }
                    Migrations.migrate(c, h.schemaVersion(), mac);
                    try (Statement s = c.createStatement()) {
                        for (String t : WorkspaceBackups.TABLES) {
                            s.executeUpdate("DELETE FROM " + t);
                        }
                        s.executeUpdate("DELETE FROM " + DatasetCache.TABLE);
                    }
                    Map<String, Long> counts;
                    try (DataInputStream in = new DataInputStream(new BufferedInputStream(new InflaterInputStream(
                            BackupFile.body(raw, h, json, backupKey)), 1 << 16))) {
                        counts = BackupRows.read(in, c);
                        if (in.read() != -1) {
                            throw damagedBackup(b, null);
                        }
                    }
                    if (!counts.equals(h.rows())) {
                        throw damagedBackup(b, null);
                    }
                    new RecordDigests(mac).write(c, DatasetCache.TABLE, 0, new byte[32]);
                    for (String t : TableSeals.TABLES.keySet()) {
                        if (!TableSeals.check(c, mac, t).ok()) {
                            throw damagedBackup(b, WorkspaceBackups.listName(t));
                        }
                    }
                    AuditVerification v = AuditLog.attach(c, h.officerKeyId(), auditKey, clock).verify();
                    if (!v.ok() || v.headSeq() != h.auditHead().seq()
                            || !MessageDigest.isEqual(v.headHash(), h.auditHead().hash())) {
                        throw damagedBackup(b, Message.of("data.item.trail"));
                    }
                    Migrations.migrate(c, mac);
                    try (Statement s = c.createStatement()) {
                        s.execute("SHUTDOWN");
                    }
                } finally {
                    Arrays.fill(backupKey, (byte) 0);
                    Arrays.fill(recordKey, (byte) 0);
                    Arrays.fill(auditKey, (byte) 0);
                }
            }
            ok = true;
            return h;
        } catch (SQLException | RuntimeException e) {
            throw damagedBackup(b, null, e);
        } catch (IOException e) {
            if (Files.exists(b.file())) {
                throw damagedBackup(b, null, e);
            }
            throw e;
        } finally {
            if (!ok) {
                deleteTree(folder);
            }
        }
    }

    /**
     * Makes the journal fit the restored trail: if it holds the entries right after the backup's head it stays (the
     * open brings them back); otherwise it is moved aside and the entries it cannot give back are reported lost.
     *
     * @return the first and last entry lost (0, 0 when none; last 0 when unknown)
     */
    private static long[] settleJournal(Path d, AgeIdentity identity, BackupFile.Header h, boolean sameKeys)
            throws IOException {
        Path file = d.resolve(AuditJournal.FILE);
        long headSeq = h.auditHead().seq();
        if (!Files.exists(file)) {
            return new long[] {headSeq + 1, 0};
        }
        byte[] key;
        try (WorkspaceKeys keys = WorkspaceKeys.derive(identity, h.salt())) {
            key = keys.journalKey();
        }
        long[] lost = {0, 0};
        boolean keep;
        try (AuditJournal j = AuditJournal.open(file, key, h.officerKeyId(), true)) {
            Optional<AuditEntry> last = j.last();
            if (last.isEmpty()) {
                keep = true;
            } else if (last.get().seq() <= headSeq) {
                // nothing after the backup to bring back; the open compares the rest with the restored trail
                keep = sameKeys;
            } else {
                List<AuditEntry> after = j.after(headSeq);
                keep = !after.isEmpty() && after.get(0).seq() == headSeq + 1
                        && MessageDigest.isEqual(after.get(0).prevHash(), h.auditHead().hash());
                if (!keep) {
                    lost = new long[] {headSeq + 1, last.get().seq()};
                }
            }
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        if (!keep) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".set-aside-" + System.currentTimeMillis()));
        }
        return lost;
    }

    private static WorkspaceException damagedBackup(WorkspaceBackups.BackupInfo b, Message part) {
        return damagedBackup(b, part, null);
    }

    private static WorkspaceException damagedBackup(WorkspaceBackups.BackupInfo b, Message part, Throwable cause) {
        return new WorkspaceException(WorkspaceException.Reason.CORRUPTED, part == null
                ? Message.of("data.restore.damaged", b.id()) : Message.of("data.restore.damagedPart", b.id(), part),
                Message.of("data.restore.advice.other"), cause);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
