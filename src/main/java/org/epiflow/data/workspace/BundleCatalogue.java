package org.epiflow.data.workspace;

import org.epiflow.bundle.BundleException;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.model.BundleInfo;
import org.epiflow.text.Message;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bundles this officer opened, one row per bundle as the carrier signed it: keyed by signer, bundle id and the
 * SHA-256 of the signed payload ({@link Key}). A renamed or moved copy of a bundle is the same row (its new file is
 * remembered); the same bundle id with other content, or from another signer, is a separate row and is reported as a
 * {@link Recorded#conflicts() conflict} and written to the audit trail ({@code BUNDLE_CONFLICT}). Rows from before
 * this keying carry the payload hash {@value #UNKNOWN_PAYLOAD} and are adopted by the first open of the same
 * signer, id and fingerprint.
 */
public final class BundleCatalogue {
    static final String TABLE = "bundle_catalogue";
    /** The payload hash of rows written before the catalogue was keyed by it. */
    public static final String UNKNOWN_PAYLOAD = "unknown";
    private static final String COLUMNS = "id, signer, bundle_id, payload_sha256, issuer, period_start, period_end, k, "
            + "fingerprint, expires, first_opened, last_opened, open_count, purged_at, first_file, last_file, "
            + "row_version, mac";
    private final Tx tx;

    BundleCatalogue(Tx tx) {
        this.tx = tx;
    }

    /**
     * Which bundle: the carrier key that signed it, its id, and the SHA-256 of its payload as signed.
     *
     * @param signer        minisign key id (hex)
     * @param bundleId      the bundle's id
     * @param payloadSha256 hex, or {@value #UNKNOWN_PAYLOAD}
     */
    public record Key(String signer, String bundleId, String payloadSha256) {
        public Key {
            Objects.requireNonNull(signer, "signer");
            Objects.requireNonNull(bundleId, "bundleId");
            Objects.requireNonNull(payloadSha256, "payloadSha256");
        }

        /** The key of an opened bundle. */
        public static Key of(OpenedBundle b) {
            return new Key(b.signerKeyId(), b.data().info().bundleId(),
                    b.payloadSha256() == null ? UNKNOWN_PAYLOAD : b.payloadSha256());
        }

        /** {@code signer/bundle id/payload hash}: one line, for session documents. */
        @Override
        public String toString() {
            return signer + "/" + bundleId + "/" + payloadSha256;
        }

        /** Reads {@link #toString()}. */
        public static Key parse(String s) {
            String[] p = s == null ? new String[0] : s.split("/", -1);
            if (p.length != 3 || p[0].isEmpty() || p[1].isEmpty() || p[2].isEmpty()) {
                throw new IllegalArgumentException("not a catalogue key: " + s);
            }
            return new Key(p[0], p[1], p[2]);
        }
    }

    /** A bundle in the catalogue. */
    public record Entry(long id, Key key, String issuer, LocalDate periodStart, LocalDate periodEnd, int k,
                        String fingerprint, LocalDate expires, Instant firstOpened, Instant lastOpened,
                        int openCount, Instant purgedAt, String firstFile, String lastFile, long version,
                        byte[] mac) {
        public String bundleId() {
            return key.bundleId();
        }

        public String signer() {
            return key.signer();
        }
    }

    /**
     * What recording an open found.
     *
     * @param entry        the catalogue row now
     * @param firstTime    whether this bundle was opened for the first time
     * @param previousFile the file it was last opened from, when that was another file (a renamed or moved copy)
     * @param conflicts    other rows with the same bundle id but other content or another signer
     */
    public record Recorded(Entry entry, boolean firstTime, Optional<String> previousFile, List<Entry> conflicts) {
        public boolean conflict() {
            return !conflicts.isEmpty();
        }
    }

    /**
     * Records that a bundle passed every check and was opened: catalogue row, {@code BUNDLE_OPEN} entry and, for a
     * conflict, {@code BUNDLE_CONFLICT}, in one transaction forced to disk before this returns.
     *
     * @param how how it was opened ("file": every check; "cache": from the encrypted cache), for the entry
     */
    public Recorded recordOpened(OpenedBundle bundle, String how) throws WorkspaceException {
        BundleInfo info = bundle.data().info();
        Key key = Key.of(bundle);
        String file = fileText(bundle.file());
        return tx.write(Message.of("data.store.catalogue"), Tx.Durability.JOURNAL, () -> {
            List<Entry> all = readAll();
            Instant now = tx.now();
            Entry same = null;
            List<Entry> conflicts = new ArrayList<>();
            for (Entry e : all) {
                if (!e.bundleId().equals(key.bundleId())) {
                    continue;
                }
                if (e.key().equals(key) || (same == null && e.key().payloadSha256().equals(UNKNOWN_PAYLOAD)
                        && e.signer().equals(key.signer()) && e.fingerprint().equals(bundle.fingerprint()))) {
                    same = same == null ? e : same;
                } else {
                    conflicts.add(e);
                }
            }
            Entry now1;
            Optional<String> previous = Optional.empty();
            if (same == null) {
                dropDamaged(key, all);
                long id = tx.nextId(TABLE, "id");
                now1 = new Entry(id, key, info.issuer(), info.period().start(), info.period().end(), info.k(),
                        bundle.fingerprint(), info.expires(), now, now, 1, null, file, file, 1, null);
                now1 = withMac(now1);
                insert(now1);
                tx.digests.change(tx.connection, TABLE, null, now1.mac());
            } else {
                if (same.lastFile() != null && file != null && !same.lastFile().equals(file)) {
                    previous = Optional.of(same.lastFile());
                }
                now1 = withMac(new Entry(same.id(), key, info.issuer(), info.period().start(), info.period().end(),
                        info.k(), bundle.fingerprint(), info.expires(), same.firstOpened(), now,
                        same.openCount() + 1, same.purgedAt(), same.firstFile() == null ? file : same.firstFile(),
                        file == null ? same.lastFile() : file, same.version() + 1, null));
                update(now1);
                tx.digests.change(tx.connection, TABLE, same.mac(), now1.mac());
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("bundleId", info.bundleId());
            d.put("issuer", info.issuer());
            d.put("period", info.period().toString());
            d.put("k", info.k());
            d.put("fingerprint", bundle.fingerprint());
            d.put("signer", bundle.signerKeyId());
            d.put("payloadSha256", key.payloadSha256());
            d.put("expires", info.expires().toString());
            d.put("file", bundle.file() == null ? "" : String.valueOf(bundle.file().getFileName()));
            d.put("catalogueId", now1.id());
            d.put("openedFrom", how);
            previous.ifPresent(p -> d.put("previousFile", String.valueOf(Path.of(p).getFileName())));
            tx.audit.appendWithinTransaction(AuditKind.BUNDLE_OPEN, d);
            if (!conflicts.isEmpty()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("bundleId", info.bundleId());
                c.put("signer", key.signer());
                c.put("payloadSha256", key.payloadSha256());
                c.put("conflictsWith", conflicts.stream().map(e -> Map.of("catalogueId", e.id(), "signer",
                        e.signer(), "payloadSha256", e.key().payloadSha256(), "issuer", e.issuer(), "k", e.k()))
                        .toList());
                tx.audit.appendWithinTransaction(AuditKind.BUNDLE_CONFLICT, c);
            }
            return new Recorded(now1, same == null, previous, List.copyOf(conflicts));
        });
    }

    /**
     * Within the caller's transaction: deletes rows of this bundle that are damaged (they were left out of
     * {@code intact}), so that it can be recorded again; a catalogue entry is rebuilt by opening the bundle.
     */
    private void dropDamaged(Key key, List<Entry> intact) throws SQLException {
        List<long[]> doomed = new ArrayList<>();
        List<byte[]> macs = new ArrayList<>();
        try (PreparedStatement ps = tx.connection.prepareStatement("SELECT id, mac FROM " + TABLE
                + " WHERE signer = ? AND bundle_id = ? AND payload_sha256 = ?")) {
            ps.setString(1, key.signer());
            ps.setString(2, key.bundleId());
            ps.setString(3, key.payloadSha256());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (intact.stream().noneMatch(e -> e.id() == id)) {
                        doomed.add(new long[] {id});
                        macs.add(rs.getBytes(2));
                    }
                }
            }
        }
        for (int i = 0; i < doomed.size(); i++) {
            try (PreparedStatement del = tx.connection.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ?")) {
                del.setLong(1, doomed.get(i)[0]);
                del.executeUpdate();
            }
            tx.digests.change(tx.connection, TABLE, macs.get(i), null);
        }
    }

    /** Records that a bundle was refused: {@code BUNDLE_REFUSED} with the failed check and why. */
    public void recordRefused(Path file, BundleException refusal) throws WorkspaceException {
        tx.write(Message.of("data.store.catalogue"), Tx.Durability.JOURNAL, () -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("file", String.valueOf(file.getFileName()));
            d.put("check", refusal.check().name());
            d.put("checkTitle", refusal.check().title());
            d.put("reason", String.valueOf(refusal.getMessage()));
            tx.audit.appendWithinTransaction(AuditKind.BUNDLE_REFUSED, d);
            return null;
        });
    }

    /** The bundles opened so far, most recently opened first (damaged rows are reported and left out). */
    public List<Entry> entries() throws WorkspaceException {
        return tx.read(Message.of("data.store.catalogue"), () -> {
            List<Entry> all = new ArrayList<>(readAll());
            all.sort(Comparator.comparing(Entry::lastOpened).reversed().thenComparing(Entry::bundleId));
            return all;
        });
    }

    /** The row of this bundle, if it was opened before. */
    public Optional<Entry> find(Key key) throws WorkspaceException {
        return entries().stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /**
     * The files bundles were last opened from, most recently opened first (for the desktop's recent list); bundles
     * whose cache was purged are included (opening them again runs every check, and refuses them if expired).
     */
    public List<Path> recentFiles(int limit) throws WorkspaceException {
        List<Path> out = new ArrayList<>();
        for (Entry e : entries()) {
            if (e.lastFile() != null && out.size() < limit) {
                Path p = Path.of(e.lastFile());
                if (!out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Within the caller's transaction: marks a bundle's cache as purged. */
    void markPurged(long id, Instant at) throws SQLException, WorkspaceException {
        for (Entry e : readAll()) {
            if (e.id() == id) {
                Entry marked = withMac(new Entry(e.id(), e.key(), e.issuer(), e.periodStart(), e.periodEnd(), e.k(),
                        e.fingerprint(), e.expires(), e.firstOpened(), e.lastOpened(), e.openCount(), at,
                        e.firstFile(), e.lastFile(), e.version() + 1, null));
                update(marked);
                tx.digests.change(tx.connection, TABLE, e.mac(), marked.mac());
                return;
            }
        }
    }

    // ---- rows ----------------------------------------------------------------------------------------------

    List<Entry> readAll() throws SQLException {
        return tx.scan(Damage.Area.CATALOGUE, TABLE, Message.of("data.list.catalogue"),
                "SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY id", this::row,
                r -> new Damage(Damage.Area.CATALOGUE, r.key(), r.name(),
                        Message.of("data.damage.catalogue.effect"), false));
    }

    private Tx.Row<Entry> row(ResultSet rs) throws SQLException {
        Entry e = new Entry(rs.getLong("id"), new Key(rs.getString("signer"), rs.getString("bundle_id"),
                rs.getString("payload_sha256")), rs.getString("issuer"), Tx.date(rs, "period_start"),
                Tx.date(rs, "period_end"), rs.getInt("k"), rs.getString("fingerprint"), Tx.date(rs, "expires"),
                Tx.instant(rs, "first_opened"), Tx.instant(rs, "last_opened"), rs.getInt("open_count"),
                Tx.instant(rs, "purged_at"), rs.getString("first_file"), rs.getString("last_file"),
                rs.getLong("row_version"), rs.getBytes("mac"));
        boolean ok = macOf(tx.mac, e).matches(e.mac());
        return new Tx.Row<>(e, "id" + e.id(), Message.of("data.item.bundle", e.bundleId()), e.mac(), ok);
    }

    private Entry withMac(Entry e) {
        return new Entry(e.id(), e.key(), e.issuer(), e.periodStart(), e.periodEnd(), e.k(), e.fingerprint(),
                e.expires(), e.firstOpened(), e.lastOpened(), e.openCount(), e.purgedAt(), e.firstFile(),
                e.lastFile(), e.version(), macOf(tx.mac, e).mac());
    }

    static RecordMac.Builder macOf(RecordMac mac, Entry e) {
        return mac.of(TABLE, Long.toString(e.id()), e.version()).addAll(e.signer(), e.bundleId(),
                e.key().payloadSha256(), e.issuer(), e.periodStart(), e.periodEnd(), (long) e.k(), e.fingerprint(),
                e.expires(), e.firstOpened(), e.lastOpened(), (long) e.openCount(), e.purgedAt(), e.firstFile(),
                e.lastFile());
    }

    /** The MAC of a row as stored (migrations seal old rows with it). */
    static byte[] macOfRow(RecordMac mac, ResultSet rs) throws SQLException {
        Entry e = new Entry(rs.getLong("id"), new Key(rs.getString("signer"), rs.getString("bundle_id"),
                rs.getString("payload_sha256")), rs.getString("issuer"), Tx.date(rs, "period_start"),
                Tx.date(rs, "period_end"), rs.getInt("k"), rs.getString("fingerprint"), Tx.date(rs, "expires"),
                Tx.instant(rs, "first_opened"), Tx.instant(rs, "last_opened"), rs.getInt("open_count"),
                Tx.instant(rs, "purged_at"), rs.getString("first_file"), rs.getString("last_file"),
                rs.getLong("row_version"), null);
        return macOf(mac, e).mac();
    }

    private void insert(Entry e) throws SQLException {
        try (PreparedStatement ps = tx.connection.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, e);
            ps.executeUpdate();
        }
    }

    private void update(Entry e) throws SQLException {
        try (PreparedStatement ps = tx.connection.prepareStatement("UPDATE " + TABLE + " SET id = ?, signer = ?, "
                + "bundle_id = ?, payload_sha256 = ?, issuer = ?, period_start = ?, period_end = ?, k = ?, "
                + "fingerprint = ?, expires = ?, first_opened = ?, last_opened = ?, open_count = ?, purged_at = ?, "
                + "first_file = ?, last_file = ?, row_version = ?, mac = ? WHERE id = ?")) {
            bind(ps, e);
            ps.setLong(19, e.id());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("catalogue row " + e.id() + " vanished");
            }
        }
    }

    private static void bind(PreparedStatement ps, Entry e) throws SQLException {
        ps.setLong(1, e.id());
        ps.setString(2, e.signer());
        ps.setString(3, e.bundleId());
        ps.setString(4, e.key().payloadSha256());
        ps.setString(5, e.issuer());
        ps.setObject(6, e.periodStart());
        ps.setObject(7, e.periodEnd());
        ps.setInt(8, e.k());
        ps.setString(9, e.fingerprint());
        ps.setObject(10, e.expires());
        ps.setObject(11, Tx.utc(e.firstOpened()));
        ps.setObject(12, Tx.utc(e.lastOpened()));
        ps.setInt(13, e.openCount());
        ps.setObject(14, Tx.utc(e.purgedAt()));
        ps.setString(15, e.firstFile());
        ps.setString(16, e.lastFile());
        ps.setLong(17, e.version());
        ps.setBytes(18, e.mac());
    }

    private static String fileText(Path file) {
        return file == null ? null : file.toAbsolutePath().normalize().toString();
    }
}
