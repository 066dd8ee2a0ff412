package org.epiflow.data.workspace;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to recompute the MAC of any sealed table's row from the row as stored, for code that reads tables as a whole
 * (backups, restore, migration) rather than through a store.
 */
final class TableSeals {
    @FunctionalInterface
    interface RowMac {
        byte[] of(RecordMac mac, ResultSet rs) throws SQLException, IOException;
    }

    /** Sealed table → its row MAC, in the order backups write them. */
    static final Map<String, RowMac> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put(WorkspaceSettings.TABLE, WorkspaceSettings::macOfRow);
        TABLES.put(BundleCatalogue.TABLE, BundleCatalogue::macOfRow);
        TABLES.put(SavedViews.TABLE, SavedViews::macOfRow);
        TABLES.put(RiskRunLog.TABLE, RiskRunLog::macOfRow);
        TABLES.put(ExportLog.TABLE, ExportLog::macOfRow);
        TABLES.put(CaseTableStore.TABLE, CaseTableStore::macOfRow);
        TABLES.put(SessionStateStore.TABLE, SessionStateStore::macOfRow);
        TABLES.put(DatasetCache.TABLE, DatasetCache::macOfRow);
    }

    private TableSeals() {
    }

    /** Result of checking one table: rows whose MAC fails, and whether the digest matches. */
    record Result(String table, long rows, long bad, boolean digestOk) {
        boolean ok() {
            return bad == 0 && digestOk;
        }
    }

    /** Checks every row of a sealed table and its digest. */
    static Result check(Connection c, RecordMac mac, String table) throws SQLException, IOException {
        RowMac rowMac = TABLES.get(table);
        RecordDigests.Sum sum = new RecordDigests.Sum();
        long bad = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            while (rs.next()) {
                byte[] stored = rs.getBytes("mac");
                sum.add(stored);
                byte[] want = rowMac.of(mac, rs);
                if (stored == null || !java.security.MessageDigest.isEqual(want, stored)) {
                    bad++;
                }
            }
        }
        boolean digestOk = new RecordDigests(mac).read(c, table).matches(sum);
        return new Result(table, sum.count(), bad, digestOk);
    }
}
