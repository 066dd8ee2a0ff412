package org.epiflow.data.workspace;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.AppDirectories;
import org.epiflow.data.audit.AuditEntry;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.data.audit.AuditLog;
import org.epiflow.text.Message;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Encrypted backups of the workspace, in its folder ({@value #FOLDER}/, owner-only): written at a clean close and at
 * least daily while the workspace is in use, the newest {@value #KEEP} kept. A backup holds every record and the
 * whole trail, but not the cache of decrypted aggregates (it is rebuilt from the bundles). Each row is checked while
 * it is copied: a workspace with damage is not backed up, so the good backups are never pushed out by a damaged
 * one. See {@link BackupFile} for the format and {@link WorkspaceRestore} for restoring.
 */
public final class WorkspaceBackups {
    /** The folder inside the workspace folder. */
    public static final String FOLDER = "backups";
    /** How many backups are kept. */
    public static final int KEEP = 7;
    static final String SUPERSEDED = ".superseded";
    /** The tables a backup holds, in order (not the cache, not the schema history). */
    static final List<String> TABLES = List.of(WorkspaceSettings.TABLE, BundleCatalogue.TABLE, SavedViews.TABLE,
            RiskRunLog.TABLE, ExportLog.TABLE, CaseTableStore.TABLE, SessionStateStore.TABLE, RecordDigests.TABLE,
            "audit_log", "audit_head", "audit_checkpoints");
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final Workspace ws;
    private byte[] backupKey;

    WorkspaceBackups(Workspace ws, byte[] backupKey) {
        this.ws = ws;
        this.backupKey = backupKey.clone();
    }

    /**
     * A backup in the folder.
     *
     * @param id            its id (its UTC time)
     * @param created       when it was written
     * @param size          bytes
     * @param auditHead     the trail's head it holds (compare with a printed head)
     * @param schemaVersion the schema of its rows
     * @param file          where it is
     * @param superseded    a newer backup than the one last restored (kept, but not used as the state to expect)
     * @param authentic     whether its header verifies with this officer's key (else: damaged or not theirs)
     */
    public record BackupInfo(String id, Instant created, long size, AuditEntry.Head auditHead, int schemaVersion,
                             Path file, boolean superseded, boolean authentic) {
    }

    /** The result of trying to write a backup. */
    public record Written(Optional<BackupInfo> backup, Optional<WorkspaceException> failure) {
        static Written failed(WorkspaceException e) {
            return new Written(Optional.empty(), Optional.of(e));
        }

        public boolean ok() {
            return backup.isPresent();
        }
    }

    /** The backups of this workspace, newest first. */
    public List<BackupInfo> list() {
        return list(ws.directory(), salt -> MessageDigest.isEqual(salt, ws.salt()) ? backupKey.clone() : null);
    }

    /** The newest authentic backup that was not superseded by a restore. */
    public Optional<BackupInfo> newest() {
        return list().stream().filter(b -> b.authentic() && !b.superseded()).findFirst();
    }

    /** The backups in a workspace folder, newest first (without opening the workspace: keys from the identity). */
    public static List<BackupInfo> list(Path workspaceDir, AgeIdentity identity) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        try {
            return list(workspaceDir, salt -> {
                String k = java.util.HexFormat.of().formatHex(salt);
                byte[] key = keys.get(k);
                if (key == null) {
                    try (WorkspaceKeys wk = WorkspaceKeys.derive(identity, salt)) {
                        key = wk.backupKey();
                    }
                    keys.put(k, key);
                }
                return key.clone();
            });
        } finally {
            keys.values().forEach(b -> Arrays.fill(b, (byte) 0));
        }
    }

    @FunctionalInterface
    interface KeyForSalt {
        byte[] key(byte[] salt);
    }

    static List<BackupInfo> list(Path workspaceDir, KeyForSalt keys) {
        Path folder = workspaceDir.resolve(FOLDER);
        List<BackupInfo> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                boolean superseded = name.endsWith(BackupFile.EXTENSION + SUPERSEDED);
                if (!superseded && !name.endsWith(BackupFile.EXTENSION)) {
                    continue;
                }
                out.add(info(p, superseded, keys));
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing(BackupInfo::created).reversed().thenComparing(BackupInfo::id,
                Comparator.reverseOrder()));
        return out;
    }

    private static BackupInfo info(Path p, boolean superseded, KeyForSalt keys) {
        String name = p.getFileName().toString();
        String id = name.substring(0, name.indexOf(BackupFile.EXTENSION));
        long size = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(p))) {
            size = Files.size(p);
            byte[] json = BackupFile.readHeaderBytes(in);
            BackupFile.Header h = BackupFile.Header.parse(json);
            byte[] key = keys.key(h.salt());
            boolean ok;
            try {
                ok = key != null && BackupFile.headerAuthentic(in, json, key) && h.id().equals(id);
            } finally {
                if (key != null) {
                    Arrays.fill(key, (byte) 0);
                }
            }
            return new BackupInfo(id, h.created(), size, h.auditHead(), h.schemaVersion(), p, superseded, ok);
        } catch (IOException | RuntimeException e) {
            Instant when;
            try {
                when = Files.getLastModifiedTime(p).toInstant();
            } catch (IOException x) {
                when = Instant.EPOCH;
            }
            return new BackupInfo(id, when, size, new AuditEntry.Head(0, new byte[32]), 0, p, superseded, false);
        }
    }

    /**
     * Writes a backup now: every row copied and checked (MACs, digests, the whole chain), encrypted, forced to
     * disk, then moved into place; a {@code BACKUP} entry; the oldest beyond {@value #KEEP} deleted and the journal
     * cut to the entries after the oldest kept backup.
     *
     * @throws WorkspaceException {@code CORRUPTED} (nothing written) when damage was found while copying
     */
    public Written write() throws WorkspaceException {
        try {
            return writeNow();
        } catch (WorkspaceException e) {
            if (e.reason() == WorkspaceException.Reason.CORRUPTED) {
                ws.tx().report(new Damage(Damage.Area.DATABASE, "backup", Message.of("data.item.backup"), e.what(),
                        false));
            }
            throw e;
        }
    }

    private Written writeNow() throws WorkspaceException {
        Tx tx = ws.tx();
        Path folder = ws.directory().resolve(FOLDER);
        BackupInfo info = tx.read(Message.of("data.store.backups"), () -> {
            AppDirectories.createOwnerOnly(folder);
            Instant now = tx.now();
            String id = ID.format(now);
            Path file = folder.resolve(id + BackupFile.EXTENSION);
            Path tmp = folder.resolve(id + BackupFile.EXTENSION + ".tmp");
            AuditEntry.Head head = tx.audit.head();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String t : TABLES) {
                try (Statement s = tx.connection.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
            byte[] nonce = new byte[16];
            new SecureRandom().nextBytes(nonce);
            WorkspaceMeta meta = WorkspaceMeta.read(ws.directory());
            BackupFile.Header h = new BackupFile.Header(id, now, ws.officerKeyId(), meta.salt(), meta.keyCheck(),
                    meta.created(), Migrations.currentVersion(tx.connection), head, counts, nonce);
            Copying copy = new Copying(tx);
            boolean done = false;
            try {
                try (OutputStream f = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    AppDirectories.ownerOnlyFile(tmp);
                    OutputStream body = BackupFile.write(new BufferedOutputStream(f), h, backupKey);
                    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
                    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                            new DeflaterOutputStream(body, deflater, 64 * 1024)))) {
                        BackupRows.write(tx.connection, TABLES, out, copy);
                    } catch (IOException e) {
                        if (e.getCause() instanceof WorkspaceException w) {
                            throw w;
                        }
                        throw e;
                    } finally {
                        deflater.end();
                    }
                }
                copy.finish();
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                move(tmp, file);
                done = true;
            } finally {
                if (!done) {
                    Files.deleteIfExists(tmp);
                }
            }
            return new BackupInfo(id, now, Files.size(file), head, h.schemaVersion(), file, false, true);
        });
        ws.audit().append(AuditKind.BACKUP, Map.of("backupId", info.id(), "auditHeadSeq", info.auditHead().seq(),
                "auditHeadHash", info.auditHead().hashHex(), "bytes", info.size()));
        rotate();
        return new Written(Optional.of(info), Optional.empty());
    }

    /** Checks rows while they are copied; a failure stops the backup. */
    private static final class Copying implements BackupRows.RowCheck {
        private final Tx tx;
        private final AuditLog.ChainCheck chain;
        private final Map<String, RecordDigests.Sum> sums = new LinkedHashMap<>();

        Copying(Tx tx) {
            this.tx = tx;
            this.chain = tx.audit.chainCheck();
        }

        @Override
        public void row(String table, ResultSet rs) throws SQLException, IOException {
            TableSeals.RowMac m = TableSeals.TABLES.get(table);
            if (m != null) {
                byte[] stored = rs.getBytes("mac");
                sums.computeIfAbsent(table, t -> new RecordDigests.Sum()).add(stored);
                if (stored == null || !MessageDigest.isEqual(m.of(tx.mac, rs), stored)) {
                    throw damaged(Message.of("data.backup.damagedRow", listName(table)));
                }
            } else if (table.equals("audit_log")) {
                AuditEntry e = new AuditEntry(rs.getLong("seq"), rs.getString("at"), rs.getString("officer_key_id"),
                        rs.getString("kind"), rs.getString("details"), rs.getBytes("prev_hash"), rs.getBytes("hash"),
                        rs.getBytes("mac"));
                if (!chain.accept(e)) {
                    throw damaged(Message.of("data.backup.damagedTrail", chain.finish().message()));
                }
            }
        }

        void finish() throws SQLException, WorkspaceException {
            var v = chain.finish();
            if (!v.ok()) {
                throw new WorkspaceException(WorkspaceException.Reason.CORRUPTED,
                        Message.of("data.backup.damagedTrail", v.message()));
            }
            for (String t : TABLES) {
                if (!TableSeals.TABLES.containsKey(t)) {
                    continue;
                }
                RecordDigests.Sum s = sums.getOrDefault(t, new RecordDigests.Sum());
                if (!tx.digests.read(tx.connection, t).matches(s)) {
                    throw new WorkspaceException(WorkspaceException.Reason.CORRUPTED,
                            Message.of("data.backup.damagedList", listName(t)));
                }
            }
        }

        private static IOException damaged(Message what) {
            return new IOException(new WorkspaceException(WorkspaceException.Reason.CORRUPTED, what));
        }
    }

    /** The name, for people, of a sealed table's records. */
    static Message listName(String table) {
        return switch (table) {
            case "bundle_catalogue" -> Message.of("data.list.catalogue");
            case "saved_views" -> Message.of("data.list.views");
            case "risk_runs" -> Message.of("data.list.riskRuns");
            case "exports" -> Message.of("data.list.exports");
            case "case_tables" -> Message.of("data.list.caseTables");
            case "settings" -> Message.of("data.list.settings");
            case "session_state" -> Message.of("data.list.sessionState");
            default -> Message.of("data.list.cache");
        };
    }

    /** Deletes backups beyond the newest {@value #KEEP}; cuts the journal to what the oldest kept one lacks. */
    private void rotate() {
        List<BackupInfo> all = list();
        for (int i = KEEP; i < all.size(); i++) {
            try {
                Files.deleteIfExists(all.get(i).file());
            } catch (IOException ignored) {
                // tried again after the next backup
            }
        }
        List<BackupInfo> kept = all.subList(0, Math.min(KEEP, all.size())).stream()
                .filter(b -> b.authentic() && !b.superseded()).toList();
        if (kept.size() < Math.min(KEEP, all.size())) {
            return;
        }
        long oldest = kept.stream().mapToLong(b -> b.auditHead().seq()).min().orElse(0);
        synchronized (ws.tx().connection) {
            try {
                if (oldest > 0 && ws.journal().firstSeq() <= oldest) {
                    ws.journal().keepOnlyAfter(oldest);
                }
            } catch (IOException ignored) {
                // the journal only grows until the next backup
            }
        }
    }

    void wipe() {
        if (backupKey != null) {
            Arrays.fill(backupKey, (byte) 0);
        }
    }

    byte[] key() {
        return backupKey.clone();
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
