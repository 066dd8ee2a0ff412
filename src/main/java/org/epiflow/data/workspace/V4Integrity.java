package org.epiflow.data.workspace;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The Java part of migration V4 (after {@code V4__record_integrity.sql}): copies the old catalogue ({@code bundles},
 * keyed by bundle id only) into {@code bundle_catalogue} with payload hash {@value BundleCatalogue#UNKNOWN_PAYLOAD},
 * replaces the cache table by one keyed by catalogue row (cached copies are rebuilt from the bundles), then seals
 * every row that has no MAC yet and writes every table's digest. Runs only while V4 is not recorded as applied, so a
 * row without a MAC afterwards is damage, never sealed. Each step checks what is already done: a crash part-way
 * is finished at the next open.
 */
final class V4Integrity {
    /** The sealed tables, with their digests. */
    static final List<String> SEALED = List.of(BundleCatalogue.TABLE, DatasetCache.TABLE, SavedViews.TABLE,
            RiskRunLog.TABLE, ExportLog.TABLE, CaseTableStore.TABLE, WorkspaceSettings.TABLE, SessionStateStore.TABLE);

    private V4Integrity() {
    }

    static void run(Connection c, RecordMac mac) throws SQLException {
        if (mac == null) {
            throw new IllegalStateException("migration V4 needs the record key");
        }
        copyCatalogue(c);
        rebuildCache(c);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            seal(c, mac, BundleCatalogue.TABLE, "id", BundleCatalogue::macOfRow);
            seal(c, mac, SavedViews.TABLE, "id", SavedViews::macOfRow);
            seal(c, mac, RiskRunLog.TABLE, "id", RiskRunLog::macOfRow);
            seal(c, mac, ExportLog.TABLE, "id", ExportLog::macOfRow);
            seal(c, mac, CaseTableStore.TABLE, "id", CaseTableStore::macOfRow);
            seal(c, mac, WorkspaceSettings.TABLE, "name", WorkspaceSettings::macOfRow);
            RecordDigests digests = new RecordDigests(mac);
            for (String t : SEALED) {
                RecordDigests.Sum sum = new RecordDigests.Sum();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT mac FROM " + t)) {
                    while (rs.next()) {
                        sum.add(rs.getBytes(1));
                    }
                }
                digests.write(c, t, sum.count(), sum.xor());
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void copyCatalogue(Connection c) throws SQLException {
        if (!tableExists(c, "BUNDLES")) {
            return;
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO bundle_catalogue (id, signer, bundle_id, payload_sha256, issuer, period_start, "
                    + "period_end, k, fingerprint, expires, first_opened, last_opened, open_count, purged_at, "
                    + "first_file, last_file, row_version) SELECT ROWNUM() + (SELECT COALESCE(MAX(id), 0) FROM "
                    + "bundle_catalogue), b.signer, b.bundle_id, '" + BundleCatalogue.UNKNOWN_PAYLOAD + "', b.issuer, "
                    + "b.period_start, b.period_end, b.k, b.fingerprint, b.expires, b.first_opened, b.last_opened, "
                    + "b.open_count, b.purged_at, " + (columnExists(c, "BUNDLES", "LAST_FILE") ? "b.last_file, "
                    + "b.last_file" : "NULL, NULL") + ", 1 FROM bundles b WHERE NOT EXISTS (SELECT 1 FROM "
                    + "bundle_catalogue n WHERE n.signer = b.signer AND n.bundle_id = b.bundle_id AND "
                    + "n.payload_sha256 = '" + BundleCatalogue.UNKNOWN_PAYLOAD + "')");
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE bundles");
        }
    }

    private static void rebuildCache(Connection c) throws SQLException {
        if (tableExists(c, "DATASET_CACHE") && !columnExists(c, "DATASET_CACHE", "CATALOGUE_ID")) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE dataset_cache");
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS dataset_cache (catalogue_id BIGINT PRIMARY KEY, bundle_id "
                    + "VARCHAR(200) NOT NULL, signer VARCHAR(100) NOT NULL, payload_sha256 VARCHAR(80) NOT NULL, "
                    + "fingerprint VARCHAR(200) NOT NULL, expires DATE NOT NULL, cached_at TIMESTAMP WITH TIME ZONE "
                    + "NOT NULL, codec INT NOT NULL, header_json VARCHAR(100000) NOT NULL, byte_count BIGINT NOT NULL, "
                    + "content_sha256 BINARY(32) NOT NULL, content BLOB NOT NULL, row_version BIGINT NOT NULL, "
                    + "mac BINARY(32))");
        }
    }

    @FunctionalInterface
    private interface RowMac {
        byte[] of(RecordMac mac, ResultSet rs) throws SQLException, IOException;
    }

    private static void seal(Connection c, RecordMac mac, String table, String key, RowMac rowMac)
            throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table
                + " WHERE mac IS NULL");
             PreparedStatement up = c.prepareStatement("UPDATE " + table + " SET mac = ? WHERE " + key + " = ?")) {
            while (rs.next()) {
                up.setBytes(1, rowMac.of(mac, rs));
                up.setObject(2, rs.getObject(key));
                up.executeUpdate();
            }
        } catch (IOException e) {
            throw new SQLException("cannot read a row to seal it", e);
        }
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE "
                + "TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?")) {
            ps.setString(1, table.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    static boolean columnExists(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE "
                + "TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            ps.setString(1, table.toUpperCase(Locale.ROOT));
            ps.setString(2, column.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
