package org.epiflow.data.workspace;

import org.epiflow.bundle.BundleException;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.data.audit.AuditLog;
import org.epiflow.data.audit.AuditVerification;
import org.epiflow.data.audit.PendingUnlockFailures;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One officer's encrypted workspace: an embedded H2 database ({@code CIPHER=AES}) whose keys are derived from the
 * officer's unlocked identity, in {@code <app data>/workspaces/<officer key id>/} (docs/workspace-and-audit.md).
 * It holds the catalogue of bundles opened, saved views, risk runs, export history, settings, imported case tables,
 * an optional cache of decrypted aggregates, and the {@link AuditLog}.
 *
 * <p>Opening takes an exclusive lock (another process or window gets {@link WorkspaceException.Reason#LOCKED}),
 * applies migrations, verifies the audit chain, folds in failed unlock attempts, writes the open to the audit
 * trail and purges cached aggregates of expired bundles; {@link #openReport()} tells the caller what happened.
 * Thread-safe (one connection; methods synchronize on it). Close it (try-with-resources).
 */
public final class Workspace implements AutoCloseable {
    static final String DB_NAME = "workspace";
    static final String DB_FILE = DB_NAME + ".mv.db";
    static final String LOCK_FILE = "workspace.lock";
    static final String H2_USER = "epiflow";
    /**
     * H2 settings: AES file encryption; native file lock (released by the OS if the process dies); no trace file and
     * no trace output (trace text could quote data); every commit written to the file at once (no write delay), so a
     * killed process loses at most the transaction in flight.
     */
    static final String H2_SETTINGS = ";CIPHER=AES;FILE_LOCK=FS;TRACE_LEVEL_FILE=0;TRACE_LEVEL_SYSTEM_OUT=0"
            + ";WRITE_DELAY=0;CACHE_SIZE=65536";
    /** Default minutes of inactivity before the application locks itself. */
    public static final int DEFAULT_IDLE_LOCK_MINUTES = 10;

    private final Path dir;
    private final String officerKeyId;
    private final Connection connection;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AuditLog audit;
    private final Clock clock;
    private OpenReport report;
    private boolean purgedThisSession;
    private boolean closed;

    /**
     * How to open a workspace.
     *
     * @param createIfMissing create the workspace if the folder has none (otherwise {@code NOT_FOUND})
     * @param purpose         why it is opened, written into the audit entry (e.g. "desktop", "audit verify")
     * @param identityFile    the identity file just unlocked: an {@code UNLOCK} entry is written and failed attempts
     *                        recorded for that file are folded into the chain (null: neither)
     * @param pending         where failed unlock attempts wait (null: {@link #pendingDirectory(Path)} of the folder)
     * @param clock           time source (entries, expiry)
     */
    public record OpenOptions(boolean createIfMissing, String purpose, Path identityFile, Path pending, Clock clock) {
        public OpenOptions {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(clock, "clock");
        }

        public static OpenOptions defaults() {
            return new OpenOptions(true, "desktop", null, null, Clock.systemUTC());
        }

        public OpenOptions withCreateIfMissing(boolean create) {
            return new OpenOptions(create, purpose, identityFile, pending, clock);
        }

        public OpenOptions withPurpose(String p) {
            return new OpenOptions(createIfMissing, p, identityFile, pending, clock);
        }

        public OpenOptions withIdentityFile(Path file) {
            return new OpenOptions(createIfMissing, purpose, file, pending, clock);
        }

        public OpenOptions withPending(Path dir) {
            return new OpenOptions(createIfMissing, purpose, identityFile, dir, clock);
        }

        public OpenOptions withClock(Clock c) {
            return new OpenOptions(createIfMissing, purpose, identityFile, pending, c);
        }
    }

    /**
     * What happened while opening.
     *
     * @param created             the workspace was created now
     * @param schemaVersion       schema version after migrations
     * @param migrated            migrations applied now (e.g. "V2__cache_and_case_tables.sql")
     * @param audit               the audit chain as verified at open, before this open's entries were added
     * @param foldedUnlockFailures failed unlock attempts folded into the chain now
     * @param purged              bundles whose cached aggregates were purged now because they expired
     */
    public record OpenReport(boolean created, int schemaVersion, List<String> migrated, AuditVerification audit,
                             int foldedUnlockFailures, List<PurgedBundle> purged) {
    }

    /** A bundle whose cached aggregates were purged. */
    public record PurgedBundle(String bundleId, LocalDate expires, String reason) {
    }

    /** A bundle in the catalogue. */
    public record CatalogueEntry(String bundleId, String issuer, LocalDate periodStart, LocalDate periodEnd, int k,
                                 String fingerprint, String signer, LocalDate expires, Instant firstOpened,
                                 Instant lastOpened, int openCount, Instant purgedAt) {
    }

    /** A saved map view (JSON: layers, filters, extent, dates). */
    public record SavedView(long id, String name, String json, Instant created, Instant updated) {
    }

    /** A risk model run. */
    public record RiskRun(long id, String model, String parametersJson, String summaryJson, String bundleId,
                          Instant created) {
    }

    /** An export. */
    public record ExportRecord(long id, String fileName, String format, String sha256, String bundleId,
                               Instant exportedAt) {
    }

    /** An imported case table (content kept as the UTF-8 CSV it was imported from). */
    public record CaseTable(long id, String name, String source, List<String> columns, int rowCount,
                            Instant importedAt) {
    }

    private Workspace(Path dir, String officerKeyId, Connection connection, FileChannel lockChannel, FileLock lock,
                      AuditLog audit, Clock clock) {
        this.dir = dir;
        this.officerKeyId = officerKeyId;
        this.connection = connection;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.audit = audit;
        this.clock = clock;
    }

    /** The default folder of this officer's workspace: {@code <app data>/workspaces/<key id>}. */
    public static Path defaultDirectory(AgeIdentity identity) {
        return WorkspaceLocation.forOfficer(identity.keyId());
    }

    /** Where failed unlock attempts wait for a workspace folder: beside it, in {@code pending-unlocks}. */
    public static Path pendingDirectory(Path workspaceDir) {
        Path parent = workspaceDir.toAbsolutePath().getParent();
        return (parent == null ? workspaceDir : parent).resolve("pending-unlocks");
    }

    /** Opens (creating if needed) the workspace in {@code dir} with default options. */
    public static Workspace open(Path dir, AgeIdentity identity) throws WorkspaceException {
        return open(dir, identity, OpenOptions.defaults());
    }

    /**
     * Opens the workspace in {@code dir}.
     *
     * @throws WorkspaceException {@code WRONG_IDENTITY} if it belongs to another officer or does not decrypt,
     *                            {@code CORRUPTED} if damaged (the message says how to recover), {@code LOCKED} if
     *                            open elsewhere, {@code NEWER_VERSION}, {@code NOT_FOUND}, {@code IO}
     */
    public static Workspace open(Path dir, AgeIdentity identity, OpenOptions options) throws WorkspaceException {
        Path d = dir.toAbsolutePath().normalize();
        String keyId = identity.keyId();
        FileChannel lockChannel = null;
        FileLock lock = null;
        Connection conn = null;
        boolean ok = false;
        try {
            if (!Files.isDirectory(d) && !options.createIfMissing()) {
                throw new WorkspaceException(WorkspaceException.Reason.NOT_FOUND, "there is no workspace in " + d);
            }
            WorkspaceLocation.createOwnerOnlyDirectory(d);
            lockChannel = FileChannel.open(d.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            WorkspaceLocation.ownerOnlyFile(d.resolve(LOCK_FILE));
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new WorkspaceException(WorkspaceException.Reason.LOCKED, "the workspace in " + d + " is open "
                        + "in another EpiFlow window or process; close it there first");
            }
            boolean metaExists = Files.exists(d.resolve(WorkspaceMeta.FILE));
            boolean dbExists = Files.exists(d.resolve(DB_FILE));
            if (!metaExists && Files.exists(d.resolve(WorkspaceMeta.NEW_FILE))) {
                // an earlier creation was interrupted before it completed: nothing was stored yet, start again
                Files.deleteIfExists(d.resolve(DB_FILE));
                Files.deleteIfExists(d.resolve(WorkspaceMeta.NEW_FILE));
                dbExists = false;
            }
            if (!metaExists && dbExists) {
                throw new WorkspaceException(WorkspaceException.Reason.CORRUPTED, "the workspace in " + d + " has "
                        + "lost its key file " + WorkspaceMeta.FILE + "; without the salt in it the database cannot "
                        + "be decrypted. Restore the whole folder from a backup.");
            }
            if (!metaExists && !options.createIfMissing()) {
                throw new WorkspaceException(WorkspaceException.Reason.NOT_FOUND, "there is no workspace in " + d);
            }
            WorkspaceMeta meta;
            boolean created = false;
            if (metaExists) {
                meta = WorkspaceMeta.read(d);
                if (!meta.officerKeyId().equals(keyId)) {
                    throw new WorkspaceException(WorkspaceException.Reason.WRONG_IDENTITY, "this workspace belongs to "
                            + "another officer (key id " + meta.officerKeyId() + "); the identity unlocked has key id "
                            + keyId + ". It cannot be decrypted with this identity.");
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
            byte[] macKey;
            try (WorkspaceKeys keys = WorkspaceKeys.derive(identity, meta.salt())) {
                if (!keys.matchesKeyCheck(meta.keyCheck())) {
                    throw new WorkspaceException(WorkspaceException.Reason.WRONG_IDENTITY, "this workspace cannot be "
                            + "decrypted with the identity unlocked (its key check does not match): it belongs to "
                            + "another officer or its key file was replaced.");
                }
                conn = connect(d, keys, !created);
                macKey = keys.auditMacKey();
            }
            List<Migrations.Applied> migrated = Migrations.migrate(conn);
            if (created) {
                WorkspaceMeta.commitNew(d);
            }
            restrictFiles(d);
            int version = Migrations.currentVersion(conn);
            AuditLog audit;
            try {
                audit = AuditLog.attach(conn, keyId, macKey, options.clock());
            } finally {
                Arrays.fill(macKey, (byte) 0);
            }
            AuditVerification check = audit.verify();
            Workspace ws = new Workspace(d, keyId, conn, lockChannel, lock, audit, options.clock());
            ws.report = ws.afterOpen(created, version, migrated, check, options);
            ok = true;
            return ws;
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Reason.IO, "cannot open the workspace in " + d + ": " + e,
                    e);
        } catch (SQLException e) {
            throw translate(d, e);
        } finally {
            if (!ok) {
                closeQuietly(conn);
                releaseQuietly(lock, lockChannel);
            }
        }
    }

    private OpenReport afterOpen(boolean created, int version, List<Migrations.Applied> migrated,
                                 AuditVerification check, OpenOptions options) throws SQLException, IOException {
        List<String> migratedNames = migrated.stream().map(Migrations.Applied::script).toList();
        if (created) {
            audit.append(AuditKind.WORKSPACE_CREATED, Map.of("schemaVersion", version));
        } else if (!migrated.isEmpty()) {
            audit.append(AuditKind.MIGRATION, Map.of("applied", migratedNames, "schemaVersion", version));
        }
        int folded = 0;
        if (options.identityFile() != null) {
            PendingUnlockFailures pending = new PendingUnlockFailures(
                    options.pending() != null ? options.pending() : pendingDirectory(dir), clock);
            List<PendingUnlockFailures.Failure> failures = pending.pending(options.identityFile());
            if (!failures.isEmpty()) {
                audit.appendAll(AuditKind.UNLOCK_FAILED, failures.stream().map(PendingUnlockFailures.Failure::details)
                        .toList());
                pending.clear(options.identityFile());
                folded = failures.size();
            }
            audit.append(AuditKind.UNLOCK, Map.of("identityFile", String.valueOf(options.identityFile().getFileName())));
        }
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("purpose", options.purpose());
        open.put("schemaVersion", version);
        open.put("auditCheck", check.ok() ? "ok" : "BAD");
        open.put("auditEntries", check.entries());
        if (!check.ok()) {
            open.put("firstBadSeq", check.firstBadSeq());
            open.put("problem", check.problem());
        }
        audit.append(AuditKind.WORKSPACE_OPEN, open);
        List<PurgedBundle> purged = purgeExpired();
        return new OpenReport(created, version, migratedNames, check, folded, purged);
    }

    static String jdbcUrl(Path dir, boolean mustExist) {
        return "jdbc:h2:file:" + dir.resolve(DB_NAME).toAbsolutePath() + H2_SETTINGS
                + (mustExist ? ";IFEXISTS=TRUE" : "");
    }

    static Connection connect(Path dir, WorkspaceKeys keys, boolean mustExist) throws SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", H2_USER);
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

    private static WorkspaceException translate(Path d, SQLException e) {
        int code = e.getErrorCode();
        String advice = " Your data cannot be read from it as it is. Keep the folder " + d + " (do not delete it), "
                + "restore the workspace from a backup of the whole folder, or move the folder aside to start a new "
                + "empty workspace.";
        return switch (code) {
            case 90020 -> new WorkspaceException(WorkspaceException.Reason.LOCKED, "the workspace database in " + d
                    + " is in use by another process; close EpiFlow there first", e);
            case 90049, 90030, 90048 -> new WorkspaceException(WorkspaceException.Reason.CORRUPTED,
                    "the workspace database " + d.resolve(DB_FILE) + " is damaged (" + firstLine(e) + ")." + advice, e);
            case 90146, 90013 -> new WorkspaceException(WorkspaceException.Reason.CORRUPTED, "the workspace database "
                    + "file " + d.resolve(DB_FILE) + " is missing although its key file is there." + advice, e);
            case 28000 -> new WorkspaceException(WorkspaceException.Reason.WRONG_IDENTITY, "this workspace cannot be "
                    + "decrypted with the identity unlocked: it belongs to another officer", e);
            default -> new WorkspaceException(WorkspaceException.Reason.IO, "workspace database error in " + d + ": "
                    + firstLine(e), e);
        };
    }

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** 0600 on every file in the workspace folder (H2 creates its files with the default umask). */
    private static void restrictFiles(Path d) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
            for (Path p : s) {
                if (Files.isRegularFile(p)) {
                    WorkspaceLocation.ownerOnlyFile(p);
                }
            }
        }
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

    public AuditLog audit() {
        return audit;
    }

    public int schemaVersion() throws SQLException {
        synchronized (connection) {
            return Migrations.currentVersion(connection);
        }
    }

    // ---- catalogue -------------------------------------------------------------------------------------------

    /** Records that a bundle passed every check and was opened (catalogue + {@code BUNDLE_OPEN} entry). */
    public void recordBundleOpened(OpenedBundle bundle) throws SQLException {
        BundleInfo i = bundle.data().info();
        OffsetDateTime now = now();
        inTransaction(() -> {
            try (PreparedStatement up = connection.prepareStatement("UPDATE bundles SET last_opened = ?, open_count = "
                    + "open_count + 1, issuer = ?, fingerprint = ?, signer = ?, expires = ?, last_file = ? "
                    + "WHERE bundle_id = ?")) {
                up.setObject(1, now);
                up.setString(2, i.issuer());
                up.setString(3, bundle.fingerprint());
                up.setString(4, bundle.signerKeyId());
                up.setObject(5, i.expires());
                up.setString(6, fileText(bundle.file()));
                up.setString(7, i.bundleId());
                if (up.executeUpdate() == 0) {
                    try (PreparedStatement ins = connection.prepareStatement("INSERT INTO bundles (bundle_id, issuer, "
                            + "period_start, period_end, k, fingerprint, signer, expires, first_opened, last_opened, "
                            + "open_count, last_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)")) {
                        ins.setString(1, i.bundleId());
                        ins.setString(2, i.issuer());
                        ins.setObject(3, i.period().start());
                        ins.setObject(4, i.period().end());
                        ins.setInt(5, i.k());
                        ins.setString(6, bundle.fingerprint());
                        ins.setString(7, bundle.signerKeyId());
                        ins.setObject(8, i.expires());
                        ins.setObject(9, now);
                        ins.setObject(10, now);
                        ins.setString(11, fileText(bundle.file()));
                        ins.executeUpdate();
                    }
                }
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("bundleId", i.bundleId());
            d.put("issuer", i.issuer());
            d.put("period", i.period().toString());
            d.put("k", i.k());
            d.put("fingerprint", bundle.fingerprint());
            d.put("signer", bundle.signerKeyId());
            d.put("expires", i.expires().toString());
            d.put("file", String.valueOf(bundle.file() == null ? "" : bundle.file().getFileName()));
            audit.appendWithinTransaction(AuditKind.BUNDLE_OPEN, d);
        });
    }

    private static String fileText(Path file) {
        return file == null ? null : file.toAbsolutePath().normalize().toString();
    }

    /**
     * The files bundles were last opened from, most recently opened first (for the desktop's recent list); bundles
     * whose cache was purged are included (opening them again runs every check, and refuses them if expired).
     */
    public List<Path> recentFiles(int limit) throws SQLException {
        synchronized (connection) {
            List<Path> out = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT last_file FROM bundles WHERE last_file IS "
                    + "NOT NULL ORDER BY last_opened DESC, bundle_id LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Path.of(rs.getString(1)));
                    }
                }
            }
            return out;
        }
    }

    /** The fingerprint of the bundle file whose aggregates are cached, if cached and not expired. */
    public Optional<String> cachedFingerprint(String bundleId) throws SQLException {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT fingerprint, expires FROM dataset_cache WHERE bundle_id = ?")) {
                ps.setString(1, bundleId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || today().isAfter(rs.getObject(2, LocalDate.class))) {
                        return Optional.empty();
                    }
                    return Optional.of(rs.getString(1));
                }
            }
        }
    }

    /**
     * Records that the desktop locked itself ({@code LOCK}): {@code reason} is "manual", "idle" or "quit";
     * {@code idleMinutes} the idle time for "idle" (else 0).
     */
    public void recordLock(String reason, int idleMinutes) throws SQLException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("reason", reason);
        if (idleMinutes > 0) {
            d.put("idleMinutes", idleMinutes);
        }
        audit.append(AuditKind.LOCK, d);
    }

    /** Records that a bundle was refused: {@code BUNDLE_REFUSED} with the failed check and why. */
    public void recordBundleRefused(Path file, BundleException refusal) throws SQLException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("file", String.valueOf(file.getFileName()));
        d.put("check", refusal.check().name());
        d.put("checkTitle", refusal.check().title());
        d.put("reason", String.valueOf(refusal.getMessage()));
        audit.append(AuditKind.BUNDLE_REFUSED, d);
    }

    /** The bundles opened so far, most recently opened first. */
    public List<CatalogueEntry> catalogue() throws SQLException {
        synchronized (connection) {
            List<CatalogueEntry> out = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT bundle_id, issuer, "
                    + "period_start, period_end, k, fingerprint, signer, expires, first_opened, last_opened, "
                    + "open_count, purged_at FROM bundles ORDER BY last_opened DESC, bundle_id")) {
                while (rs.next()) {
                    out.add(new CatalogueEntry(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getString(6), rs.getString(7),
                            rs.getObject(8, LocalDate.class), instant(rs, 9), instant(rs, 10), rs.getInt(11),
                            instant(rs, 12)));
                }
            }
            return out;
        }
    }

    // ---- cache of decrypted aggregates ---------------------------------------------------------------------

    /**
     * Caches a bundle's decrypted aggregates inside the encrypted database for quick reopening (replacing any
     * earlier copy). Refused for an expired bundle.
     */
    public void cacheDataset(String fingerprint, AggregateDataset data) throws SQLException, IOException {
        BundleInfo i = data.info();
        if (today().isAfter(i.expires())) {
            throw new IllegalArgumentException("bundle " + i.bundleId() + " expired on " + i.expires()
                    + "; expired data may not be cached");
        }
        byte[] bytes = DatasetCodec.encode(data);
        try {
            inTransaction(() -> {
                try (PreparedStatement del = connection.prepareStatement(
                        "DELETE FROM dataset_cache WHERE bundle_id = ?")) {
                    del.setString(1, i.bundleId());
                    del.executeUpdate();
                }
                try (PreparedStatement ins = connection.prepareStatement("INSERT INTO dataset_cache (bundle_id, "
                        + "fingerprint, expires, cached_at, codec, byte_count, content) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ins.setString(1, i.bundleId());
                    ins.setString(2, fingerprint);
                    ins.setObject(3, i.expires());
                    ins.setObject(4, now());
                    ins.setInt(5, DatasetCodec.VERSION);
                    ins.setLong(6, bytes.length);
                    ins.setBinaryStream(7, new ByteArrayInputStream(bytes), bytes.length);
                    ins.executeUpdate();
                }
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("bundleId", i.bundleId());
                d.put("fingerprint", fingerprint);
                d.put("bytes", bytes.length);
                d.put("expires", i.expires().toString());
                audit.appendWithinTransaction(AuditKind.CACHE, d);
            });
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The cached aggregates of a bundle, if cached and not expired. */
    public Optional<AggregateDataset> cachedDataset(String bundleId) throws SQLException, IOException {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT expires, content FROM dataset_cache WHERE bundle_id = ?")) {
                ps.setString(1, bundleId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    if (today().isAfter(rs.getObject(1, LocalDate.class))) {
                        return Optional.empty();
                    }
                    try (InputStream in = rs.getBinaryStream(2)) {
                        return Optional.of(DatasetCodec.decode(in));
                    }
                }
            }
        }
    }

    /** Bundle ids with cached aggregates. */
    public List<String> cachedBundles() throws SQLException {
        synchronized (connection) {
            List<String> out = new ArrayList<>();
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT bundle_id FROM dataset_cache ORDER BY bundle_id")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /**
     * Deletes the cached aggregates of every expired bundle (also run at each open), marks them purged in the
     * catalogue and writes a {@code PURGE} entry for each, in one transaction.
     *
     * @return the bundles purged now
     */
    public List<PurgedBundle> purgeExpired() throws SQLException {
        LocalDate today = today();
        List<PurgedBundle> purged = new ArrayList<>();
        inTransaction(() -> {
            purged.clear();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT bundle_id, expires FROM dataset_cache WHERE expires < ? ORDER BY bundle_id")) {
                ps.setObject(1, today);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        purged.add(new PurgedBundle(rs.getString(1), rs.getObject(2, LocalDate.class), "expired"));
                    }
                }
            }
            for (PurgedBundle p : purged) {
                try (PreparedStatement del = connection.prepareStatement(
                        "DELETE FROM dataset_cache WHERE bundle_id = ?")) {
                    del.setString(1, p.bundleId());
                    del.executeUpdate();
                }
                try (PreparedStatement mark = connection.prepareStatement(
                        "UPDATE bundles SET purged_at = ? WHERE bundle_id = ?")) {
                    mark.setObject(1, now());
                    mark.setString(2, p.bundleId());
                    mark.executeUpdate();
                }
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("bundleId", p.bundleId());
                d.put("expires", p.expires().toString());
                d.put("reason", "bundle expired; cached aggregates deleted");
                audit.appendWithinTransaction(AuditKind.PURGE, d);
            }
        });
        if (!purged.isEmpty()) {
            purgedThisSession = true;
        }
        return List.copyOf(purged);
    }

    // ---- saved views ---------------------------------------------------------------------------------------

    /**
     * Saves (or replaces, by name) a view; {@code json} must be a JSON object. Returns its id. Writes a
     * {@code VIEW_SAVED} entry (name and bundle id, not the view's contents) in the same transaction.
     */
    public long saveView(String name, String json) throws SQLException {
        requireJsonObject(json);
        long[] id = new long[1];
        inTransaction(() -> {
            OffsetDateTime now = now();
            boolean replaced;
            try (PreparedStatement up = connection.prepareStatement(
                    "UPDATE saved_views SET definition = ?, updated = ? WHERE name = ?")) {
                up.setString(1, json);
                up.setObject(2, now);
                up.setString(3, name);
                replaced = up.executeUpdate() > 0;
            }
            if (replaced) {
                try (PreparedStatement q = connection.prepareStatement("SELECT id FROM saved_views WHERE name = ?")) {
                    q.setString(1, name);
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        id[0] = rs.getLong(1);
                    }
                }
            } else {
                try (PreparedStatement ins = connection.prepareStatement("INSERT INTO saved_views (name, definition, "
                        + "created, updated) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    ins.setString(1, name);
                    ins.setString(2, json);
                    ins.setObject(3, now);
                    ins.setObject(4, now);
                    ins.executeUpdate();
                    id[0] = generatedId(ins);
                }
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("viewId", id[0]);
            d.put("name", name);
            d.put("replaced", replaced);
            String bundle = "";
            try {
                bundle = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("bundle").path("id").asText("");
            } catch (IOException e) {
                // checked above
            }
            d.put("bundleId", bundle);
            audit.appendWithinTransaction(AuditKind.VIEW_SAVED, d);
        });
        return id[0];
    }

    /** The saved view with this name. */
    public Optional<SavedView> view(String name) throws SQLException {
        return views().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public List<SavedView> views() throws SQLException {
        synchronized (connection) {
            List<SavedView> out = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, name, definition, created, updated FROM saved_views ORDER BY name")) {
                while (rs.next()) {
                    out.add(new SavedView(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                            instant(rs, 5)));
                }
            }
            return out;
        }
    }

    public boolean deleteView(long id) throws SQLException {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM saved_views WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        }
    }

    // ---- risk runs -----------------------------------------------------------------------------------------

    /** Records a risk model run (and a {@code RISK_RUN} entry). Returns its id. */
    public long recordRiskRun(String model, String parametersJson, String summaryJson, String bundleId)
            throws SQLException {
        requireJsonObject(parametersJson);
        requireJsonObject(summaryJson);
        long[] id = new long[1];
        inTransaction(() -> {
            try (PreparedStatement ins = connection.prepareStatement("INSERT INTO risk_runs (model, parameters, "
                    + "summary, bundle_id, created) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ins.setString(1, model);
                ins.setString(2, parametersJson);
                ins.setString(3, summaryJson);
                ins.setString(4, bundleId);
                ins.setObject(5, now());
                ins.executeUpdate();
                id[0] = generatedId(ins);
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("runId", id[0]);
            d.put("model", model);
            d.put("bundleId", bundleId == null ? "" : bundleId);
            d.put("parametersSha256", sha256Hex(parametersJson));
            audit.appendWithinTransaction(AuditKind.RISK_RUN, d);
        });
        return id[0];
    }

    public List<RiskRun> riskRuns() throws SQLException {
        synchronized (connection) {
            List<RiskRun> out = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT id, model, "
                    + "parameters, summary, bundle_id, created FROM risk_runs ORDER BY id")) {
                while (rs.next()) {
                    out.add(new RiskRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), instant(rs, 6)));
                }
            }
            return out;
        }
    }

    // ---- exports -------------------------------------------------------------------------------------------

    /**
     * Records an export: hashes the written file (SHA-256), stores it in the export history and writes an
     * {@code EXPORT} entry with the hash, in one transaction.
     */
    public ExportRecord recordExport(Path file, String format, String bundleId) throws SQLException, IOException {
        String sha = sha256Hex(file);
        String name = String.valueOf(file.getFileName());
        Instant at = now().toInstant();
        long[] id = new long[1];
        inTransaction(() -> {
            try (PreparedStatement ins = connection.prepareStatement("INSERT INTO exports (file_name, format, sha256, "
                    + "bundle_id, exported_at) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ins.setString(1, name);
                ins.setString(2, format);
                ins.setString(3, sha);
                ins.setString(4, bundleId);
                ins.setObject(5, at.atOffset(ZoneOffset.UTC));
                ins.executeUpdate();
                id[0] = generatedId(ins);
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("file", name);
            d.put("format", format);
            d.put("sha256", sha);
            d.put("bytes", Files.size(file));
            d.put("bundleId", bundleId == null ? "" : bundleId);
            audit.appendWithinTransaction(AuditKind.EXPORT, d);
        });
        return new ExportRecord(id[0], name, format, sha, bundleId, at);
    }

    public List<ExportRecord> exports() throws SQLException {
        synchronized (connection) {
            List<ExportRecord> out = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT id, file_name, "
                    + "format, sha256, bundle_id, exported_at FROM exports ORDER BY id")) {
                while (rs.next()) {
                    out.add(new ExportRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), instant(rs, 6)));
                }
            }
            return out;
        }
    }

    // ---- case tables ---------------------------------------------------------------------------------------

    /**
     * Imports a case table (UTF-8 CSV with a header line) into the encrypted database; returns its id.
     *
     * @param name   a name for people
     * @param source where it came from (file name)
     * @param csv    the CSV bytes (the caller may wipe them afterwards)
     */
    public long importCaseTable(String name, String source, byte[] csv) throws SQLException {
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = text.split("\r?\n", -1);
        List<String> columns = lines.length == 0 || lines[0].isBlank() ? List.of()
                : Arrays.stream(lines[0].split(",", -1)).map(String::strip).toList();
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a case table needs a header line");
        }
        int rows = 0;
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows++;
            }
        }
        int rowCount = rows;
        long[] id = new long[1];
        inTransaction(() -> {
            try (PreparedStatement ins = connection.prepareStatement("INSERT INTO case_tables (name, source, columns, "
                    + "row_count, imported_at, content) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ins.setString(1, name);
                ins.setString(2, source);
                ins.setString(3, AuditLog.json(Map.of("columns", columns)));
                ins.setInt(4, rowCount);
                ins.setObject(5, now());
                ins.setBinaryStream(6, new ByteArrayInputStream(csv), csv.length);
                ins.executeUpdate();
                id[0] = generatedId(ins);
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("caseTableId", id[0]);
            d.put("name", name);
            d.put("source", source);
            d.put("rows", rowCount);
            d.put("sha256", sha256Hex(csv));
            audit.appendWithinTransaction(AuditKind.CASE_IMPORT, d);
        });
        return id[0];
    }

    public List<CaseTable> caseTables() throws SQLException {
        synchronized (connection) {
            List<CaseTable> out = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name, source, "
                    + "columns, row_count, imported_at FROM case_tables ORDER BY id")) {
                while (rs.next()) {
                    List<String> cols = new ArrayList<>();
                    try {
                        new com.fasterxml.jackson.databind.ObjectMapper().readTree(rs.getString(4)).path("columns")
                                .forEach(n -> cols.add(n.asText()));
                    } catch (IOException e) {
                        throw new SQLException("case table columns are not JSON", e);
                    }
                    out.add(new CaseTable(rs.getLong(1), rs.getString(2), rs.getString(3), cols, rs.getInt(5),
                            instant(rs, 6)));
                }
            }
            return out;
        }
    }

    /** The CSV bytes of an imported case table (the caller wipes them when done). */
    public Optional<byte[]> caseTableContent(long id) throws SQLException {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT content FROM case_tables WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        }
    }

    // ---- settings ------------------------------------------------------------------------------------------

    public Optional<String> setting(String name) throws SQLException {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT setting_value FROM settings WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        }
    }

    /** Sets a setting (and writes a {@code SETTING} entry with the new value: settings hold no secrets). */
    public void setSetting(String name, String value) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "MERGE INTO settings (name, setting_value) KEY (name) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            audit.appendWithinTransaction(AuditKind.SETTING, Map.of("name", name, "value", value));
        });
    }

    /** Minutes of inactivity before the application locks itself (default {@value #DEFAULT_IDLE_LOCK_MINUTES}). */
    public int idleLockMinutes() throws SQLException {
        try {
            return setting("idle_lock_minutes").map(Integer::parseInt).orElse(DEFAULT_IDLE_LOCK_MINUTES);
        } catch (NumberFormatException e) {
            return DEFAULT_IDLE_LOCK_MINUTES;
        }
    }

    public void setIdleLockMinutes(int minutes) throws SQLException {
        if (minutes < 1 || minutes > 24 * 60) {
            throw new IllegalArgumentException("idle lock minutes must be between 1 and 1440: " + minutes);
        }
        setSetting("idle_lock_minutes", Integer.toString(minutes));
    }

    // ---- closing -------------------------------------------------------------------------------------------

    /**
     * Closes the database and releases the lock. When cached aggregates were purged in this session the database
     * is compacted on the way out ({@code SHUTDOWN COMPACT}) so the freed, encrypted pages are rewritten away.
     */
    @Override
    public void close() {
        synchronized (connection) {
            if (closed) {
                return;
            }
            closed = true;
            try (Statement s = connection.createStatement()) {
                s.execute(purgedThisSession ? "SHUTDOWN COMPACT" : "SHUTDOWN");
            } catch (SQLException e) {
                // closing below anyway
            }
            closeQuietly(connection);
            releaseQuietly(lock, lockChannel);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException, IOException;
    }

    private void inTransaction(SqlWork work) throws SQLException {
        synchronized (connection) {
            if (closed) {
                throw new SQLException("the workspace is closed");
            }
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (IOException e) {
                connection.rollback();
                throw new SQLException(e.getMessage(), e);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static void requireJsonObject(String json) {
        try {
            if (json == null || !new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).isObject()) {
                throw new IllegalArgumentException("expected a JSON object");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    static String sha256Hex(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    private static String sha256Hex(String s) {
        return sha256Hex(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String sha256Hex(byte[] b) {
        return HexFormat.of().formatHex(sha256().digest(b));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to do
            }
        }
    }

    private static void releaseQuietly(FileLock lock, FileChannel channel) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
