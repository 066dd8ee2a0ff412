package org.epiflow.data.workspace;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One MAC'd digest per table — the number of rows and the XOR of their MACs — updated in the same transaction as
 * every insert, update and delete. A full read of a table compares what it found with the digest, so a row that
 * vanished, came back from an older copy of the file, or appeared from nowhere is detected even though each row's
 * own MAC is valid. (Without the key nobody can compute a row MAC, so the XOR cannot be steered.)
 */
final class RecordDigests {
    static final String TABLE = "record_digests";
    private final RecordMac mac;

    RecordDigests(RecordMac mac) {
        this.mac = mac;
    }

    /** The stored digest of a table. */
    record State(long count, byte[] xor, boolean intact, boolean present) {
        boolean matches(Sum s) {
            return intact && present && count == s.count && MessageDigest.isEqual(xor, s.xor);
        }
    }

    /** Running count and XOR of the MACs seen while reading a table. */
    static final class Sum {
        private long count;
        private final byte[] xor = new byte[32];

        void add(byte[] rowMac) {
            count++;
            if (rowMac != null) {
                for (int i = 0; i < Math.min(32, rowMac.length); i++) {
                    xor[i] ^= rowMac[i];
                }
            }
        }

        long count() {
            return count;
        }

        byte[] xor() {
            return xor.clone();
        }
    }

    State read(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT row_count, xor, mac FROM " + TABLE + " WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new State(0, new byte[32], false, false);
                }
                long count = rs.getLong(1);
                byte[] xor = rs.getBytes(2);
                byte[] m = rs.getBytes(3);
                boolean ok = xor != null && xor.length == 32 && mac(table, count, xor).matches(m);
                return new State(count, xor == null ? new byte[32] : xor, ok, true);
            }
        }
    }

    /** Within the caller's transaction: a row with MAC {@code removed} went away and/or one with {@code added} came. */
    void change(Connection c, String table, byte[] removed, byte[] added) throws SQLException {
        State s = read(c, table);
        byte[] xor = s.xor().clone();
        long count = s.count();
        if (removed != null) {
            xorInto(xor, removed);
            count--;
        }
        if (added != null) {
            xorInto(xor, added);
            count++;
        }
        write(c, table, count, xor);
    }

    /** Sets a table's digest outright (migrations, restore, an empty table). */
    void write(Connection c, String table, long count, byte[] xor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO " + TABLE
                + " (table_name, row_count, xor, mac) KEY (table_name) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, table);
            ps.setLong(2, count);
            ps.setBytes(3, xor);
            ps.setBytes(4, mac(table, count, xor).mac());
            ps.executeUpdate();
        }
    }

    private RecordMac.Builder mac(String table, long count, byte[] xor) {
        return mac.of(TABLE, table, 0).add(count).add(xor);
    }

    private static void xorInto(byte[] acc, byte[] m) {
        for (int i = 0; i < Math.min(acc.length, m.length); i++) {
            acc[i] ^= m[i];
        }
    }
}
