package org.epiflow.data.workspace;

import org.epiflow.bundle.BundleException;
import org.epiflow.bundle.BundleHeader;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.text.Message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.security.MessageDigest;

/**
 * Decrypted aggregates of opened bundles, kept only inside the encrypted database so that a bundle reopens without
 * being decrypted again. Each entry is the bundle's tables ({@link DatasetCodec}) and public header, MAC'd together
 * with the catalogue key they belong to; the MAC is checked before anything is decoded. A damaged entry is deleted
 * and reported as rebuilt ({@link Damage#rebuilt()}): the caller opens the bundle file again. Expired bundles are
 * never cached, and their entries are purged at every open.
 */
public final class DatasetCache {
    static final String TABLE = "dataset_cache";
    private final Tx tx;
    private final BundleCatalogue catalogue;
    private volatile boolean purgedThisSession;

    DatasetCache(Tx tx, BundleCatalogue catalogue) {
        this.tx = tx;
        this.catalogue = catalogue;
    }

    /**
     * A cached bundle.
     *
     * @param key         which bundle
     * @param header      its public header as verified when it was opened
     * @param fingerprint its fingerprint
     * @param file        the file it was last opened from (may no longer exist)
     * @param data        its tables
     */
    public record Cached(BundleCatalogue.Key key, BundleHeader header, String fingerprint, Path file,
                         AggregateDataset data) {
        /** As an opened bundle (for the screens and exports). */
        public OpenedBundle toOpened() {
            return new OpenedBundle(file, header, key.signer(), fingerprint, data,
                    BundleCatalogue.UNKNOWN_PAYLOAD.equals(key.payloadSha256()) ? null : key.payloadSha256());
        }
    }

    /** A bundle whose cached aggregates were purged. */
    public record Purged(String bundleId, LocalDate expires, String reason) {
    }

    /**
     * Caches a bundle's decrypted aggregates (replacing any earlier copy), after the catalogue recorded its open;
     * {@code CACHE} entry. Refused for an expired bundle or one not in the catalogue.
     */
    public void put(OpenedBundle bundle) throws WorkspaceException {
        BundleInfo i = bundle.data().info();
        if (tx.today().isAfter(i.expires())) {
            throw new IllegalArgumentException("bundle " + i.bundleId() + " expired on " + i.expires()
                    + "; expired data may not be cached");
        }
        BundleCatalogue.Key key = BundleCatalogue.Key.of(bundle);
        BundleCatalogue.Entry entry = catalogue.find(key).orElseThrow(() ->
                new IllegalArgumentException("bundle " + i.bundleId() + " is not in the catalogue"));
        byte[] content;
        try {
            content = DatasetCodec.encode(bundle.data());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the dataset", e);
        }
        String header = bundle.header() == null ? "" : new String(bundle.header().toJson(), StandardCharsets.UTF_8);
        byte[] sha = sha256(content);
        try {
            tx.write(Message.of("data.store.cache"), Tx.Durability.JOURNAL, () -> {
                byte[] old = storedMac(entry.id());
                deleteRow(entry.id());
                Row r = new Row(entry.id(), key, bundle.fingerprint(), i.expires(), tx.now(), DatasetCodec.VERSION,
                        header, content.length, sha, 1, null);
                byte[] mac = macOf(tx.mac, r).mac();
                try (PreparedStatement ins = tx.connection.prepareStatement("INSERT INTO " + TABLE + " (catalogue_id, "
                        + "bundle_id, signer, payload_sha256, fingerprint, expires, cached_at, codec, header_json, "
                        + "byte_count, content_sha256, content, row_version, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, 1, ?)")) {
                    ins.setLong(1, r.id());
                    ins.setString(2, key.bundleId());
                    ins.setString(3, key.signer());
                    ins.setString(4, key.payloadSha256());
                    ins.setString(5, r.fingerprint());
                    ins.setObject(6, r.expires());
                    ins.setObject(7, Tx.utc(r.cachedAt()));
                    ins.setInt(8, r.codec());
                    ins.setString(9, header);
                    ins.setLong(10, content.length);
                    ins.setBytes(11, sha);
                    ins.setBinaryStream(12, new ByteArrayInputStream(content), content.length);
                    ins.setBytes(13, mac);
                    ins.executeUpdate();
                }
                tx.digests.change(tx.connection, TABLE, old, mac);
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("bundleId", i.bundleId());
                d.put("catalogueId", entry.id());
                d.put("fingerprint", bundle.fingerprint());
                d.put("bytes", content.length);
                d.put("expires", i.expires().toString());
                tx.audit.appendWithinTransaction(AuditKind.CACHE, d);
                return null;
            });
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /** A cache row without its content (the MAC covers the content's SHA-256, so it is checked without it). */
    private record Row(long id, BundleCatalogue.Key key, String fingerprint, LocalDate expires, Instant cachedAt,
                       int codec, String header, long byteCount, byte[] contentSha256, long version, byte[] mac) {
    }

    /**
     * The cached copy of a bundle, if cached, intact and not expired. A damaged copy is deleted and reported
     * ({@link Damage#rebuilt()}: open the bundle file again to rebuild it); nothing damaged is ever decoded.
     */
    public Optional<Cached> get(BundleCatalogue.Key key) throws WorkspaceException {
        Optional<BundleCatalogue.Entry> entry = catalogue.find(key);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        long id = entry.get().id();
        Optional<Cached> found;
        try {
            found = tx.read(Message.of("data.store.cache"), () -> {
                List<Row> rows = rows();
                Row row = rows.stream().filter(r -> r.id() == id).findFirst().orElse(null);
                if (row == null) {
                    return damaged.contains(id) ? null : Optional.empty();
                }
                if (!row.key().equals(key)) {
                    report(key, entry.get());
                    return null;
                }
                return read(row, entry.get());
            });
        } catch (WorkspaceException e) {
            if (e.reason() != WorkspaceException.Reason.CORRUPTED) {
                throw e;
            }
            found = null;
        }
        if (found == null) {
            report(key, entry.get());
            drop(id, key, "damaged");
            return Optional.empty();
        }
        return found;
    }

    /** Ids of rows found damaged by the last scan. */
    private final java.util.Set<Long> damaged = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Every row without content, MAC-checked; damaged rows are reported (as rebuilt) and left out. */
    private List<Row> rows() throws SQLException {
        return tx.scan(Damage.Area.CACHE, TABLE, Message.of("data.list.cache"), "SELECT catalogue_id, bundle_id, "
                + "signer, payload_sha256, fingerprint, expires, cached_at, codec, header_json, byte_count, "
                + "content_sha256, row_version, mac FROM " + TABLE + " ORDER BY catalogue_id", rs -> {
                    Row r = new Row(rs.getLong("catalogue_id"), new BundleCatalogue.Key(rs.getString("signer"),
                            rs.getString("bundle_id"), rs.getString("payload_sha256")), rs.getString("fingerprint"),
                            Tx.date(rs, "expires"), Tx.instant(rs, "cached_at"), rs.getInt("codec"),
                            rs.getString("header_json"), rs.getLong("byte_count"), rs.getBytes("content_sha256"),
                            rs.getLong("row_version"), rs.getBytes("mac"));
                    boolean ok = r.header() != null && r.contentSha256() != null && macOf(tx.mac, r).matches(r.mac());
                    if (!ok) {
                        damaged.add(r.id());
                    }
                    return new Tx.Row<>(r, "id" + r.id(), Message.of("data.item.cachedBundle", r.key().bundleId()),
                            r.mac(), ok);
                }, r -> new Damage(Damage.Area.CACHE, r.key(), r.name(), Message.of("data.damage.cache.effect"), true));
    }

    /** Within a read: the content of a checked row, or empty (expired), or null when it is damaged. */
    private Optional<Cached> read(Row row, BundleCatalogue.Entry entry) throws SQLException, IOException {
        if (row.byteCount() < 0 || row.byteCount() > Integer.MAX_VALUE - 16) {
            return null;
        }
        byte[] content;
        try (PreparedStatement ps = tx.connection.prepareStatement("SELECT content FROM " + TABLE
                + " WHERE catalogue_id = ?")) {
            ps.setLong(1, row.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                content = rs.getBytes(1);
            }
        }
        try {
            if (content == null || content.length != row.byteCount()
                    || !MessageDigest.isEqual(sha256(content), row.contentSha256())) {
                return null;
            }
            if (row.codec() != DatasetCodec.VERSION || tx.today().isAfter(row.expires())) {
                return Optional.empty();
            }
            BundleHeader h = row.header().isEmpty() ? null
                    : BundleHeader.parse(row.header().getBytes(StandardCharsets.UTF_8));
            AggregateDataset data = DatasetCodec.decode(new ByteArrayInputStream(content));
            return Optional.of(new Cached(row.key(), h, row.fingerprint(),
                    entry.lastFile() == null ? null : Path.of(entry.lastFile()), data));
        } catch (BundleException e) {
            return null;
        } finally {
            if (content != null) {
                Arrays.fill(content, (byte) 0);
            }
        }
    }

    private void report(BundleCatalogue.Key key, BundleCatalogue.Entry entry) {
        tx.report(new Damage(Damage.Area.CACHE, "id" + entry.id(), Message.of("data.item.cachedBundle",
                key.bundleId()), Message.of("data.damage.cache.effect"), true));
    }

    /** Deletes a cache entry (damaged or not wanted), with a {@code PURGE} entry saying why. */
    private void drop(long id, BundleCatalogue.Key key, String why) throws WorkspaceException {
        tx.write(Message.of("data.store.cache"), Tx.Durability.JOURNAL, () -> {
            byte[] old = storedMac(id);
            if (deleteRow(id)) {
                tx.digests.change(tx.connection, TABLE, old, null);
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("bundleId", key.bundleId());
            d.put("catalogueId", id);
            d.put("reason", why);
            tx.audit.appendWithinTransaction(AuditKind.PURGE, d);
            return null;
        });
    }

    /** The bundles with cached aggregates (damaged rows are reported and left out). */
    public List<BundleCatalogue.Key> keys() throws WorkspaceException {
        return tx.read(Message.of("data.store.cache"), () -> rows().stream().map(Row::key).toList());
    }

    /**
     * Deletes the cached aggregates of every expired bundle (also run at each open), marks them purged in the
     * catalogue and writes a {@code PURGE} entry for each, in one transaction.
     */
    public List<Purged> purgeExpired() throws WorkspaceException {
        LocalDate today = tx.today();
        List<Purged> purged = tx.write(Message.of("data.store.cache"), Tx.Durability.JOURNAL, () -> {
            List<Purged> out = new ArrayList<>();
            List<long[]> ids = new ArrayList<>();
            try (PreparedStatement ps = tx.connection.prepareStatement("SELECT catalogue_id, bundle_id, expires, mac "
                    + "FROM " + TABLE + " WHERE expires < ? ORDER BY catalogue_id")) {
                ps.setObject(1, today);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Purged(rs.getString(2), Tx.date(rs, "expires"), "expired"));
                        ids.add(new long[] {rs.getLong(1)});
                    }
                }
            }
            for (int n = 0; n < out.size(); n++) {
                long id = ids.get(n)[0];
                byte[] old = storedMac(id);
                deleteRow(id);
                tx.digests.change(tx.connection, TABLE, old, null);
                catalogue.markPurged(id, tx.now());
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("bundleId", out.get(n).bundleId());
                d.put("catalogueId", id);
                d.put("expires", out.get(n).expires().toString());
                d.put("reason", "bundle expired; cached aggregates deleted");
                tx.audit.appendWithinTransaction(AuditKind.PURGE, d);
            }
            return out;
        });
        if (!purged.isEmpty()) {
            purgedThisSession = true;
        }
        return purged;
    }

    /** Whether a purge freed pages in this session (the database is then compacted at close). */
    boolean purgedThisSession() {
        return purgedThisSession;
    }

    private byte[] storedMac(long id) throws SQLException {
        try (PreparedStatement ps = tx.connection.prepareStatement("SELECT mac FROM " + TABLE
                + " WHERE catalogue_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    private boolean deleteRow(long id) throws SQLException {
        try (PreparedStatement del = tx.connection.prepareStatement("DELETE FROM " + TABLE
                + " WHERE catalogue_id = ?")) {
            del.setLong(1, id);
            return del.executeUpdate() > 0;
        }
    }

    static byte[] macOfRow(RecordMac mac, ResultSet rs) throws SQLException {
        return macOf(mac, new Row(rs.getLong("catalogue_id"), new BundleCatalogue.Key(rs.getString("signer"),
                rs.getString("bundle_id"), rs.getString("payload_sha256")), rs.getString("fingerprint"),
                Tx.date(rs, "expires"), Tx.instant(rs, "cached_at"), rs.getInt("codec"), rs.getString("header_json"),
                rs.getLong("byte_count"), rs.getBytes("content_sha256"), rs.getLong("row_version"), null)).mac();
    }

    private static RecordMac.Builder macOf(RecordMac mac, Row r) {
        return mac.of(TABLE, Long.toString(r.id()), r.version()).addAll(r.key().signer(), r.key().bundleId(),
                r.key().payloadSha256(), r.fingerprint(), r.expires(), r.cachedAt(), (long) r.codec(), r.header(),
                r.byteCount(), r.contentSha256());
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
