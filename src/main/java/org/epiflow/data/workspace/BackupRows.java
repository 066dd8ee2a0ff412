package org.epiflow.data.workspace;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a backup: table by table, the column names and types, then every row's values, exactly as stored
 * (MACs included, so a restored row still verifies). Written by {@link #write} from a connection, read into one by
 * {@link #read}. Tags: 1 table, 2 row, 3 end of table, 0 end of stream; values: a presence byte, then by type.
 */
final class BackupRows {
    private static final int TABLE = 1;
    private static final int ROW = 2;
    private static final int END_TABLE = 3;
    private static final int END = 0;
    private static final int MAX_VALUE = 1 << 30;

    private BackupRows() {
    }

    /** Called for every row written (backups check each row as they copy it). */
    @FunctionalInterface
    interface RowCheck {
        void row(String table, ResultSet rs) throws SQLException, IOException;
    }

    /** Writes these tables; returns rows per table. */
    static Map<String, Long> write(Connection c, List<String> tables, DataOutputStream out, RowCheck check)
            throws SQLException, IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : tables) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + t)) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                int[] types = new int[n];
                out.writeByte(TABLE);
                out.writeUTF(t);
                out.writeShort(n);
                for (int i = 0; i < n; i++) {
                    types[i] = kind(md.getColumnType(i + 1));
                    out.writeUTF(md.getColumnLabel(i + 1).toLowerCase(Locale.ROOT));
                    out.writeByte(types[i]);
                }
                long rows = 0;
                while (rs.next()) {
                    check.row(t, rs);
                    out.writeByte(ROW);
                    for (int i = 0; i < n; i++) {
                        writeValue(out, types[i], rs, i + 1);
                    }
                    rows++;
                }
                out.writeByte(END_TABLE);
                counts.put(t, rows);
            }
        }
        out.writeByte(END);
        return counts;
    }

    /** Inserts every row of the stream into the tables of {@code c} (which exist and are empty); returns counts. */
    static Map<String, Long> read(DataInputStream in, Connection c) throws SQLException, IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        while (true) {
            int tag = in.readUnsignedByte();
            if (tag == END) {
                return counts;
            }
            if (tag != TABLE) {
                throw new IOException("backup rows out of order");
            }
            String table = in.readUTF();
            if (!table.matches("[a-z_][a-z0-9_]{0,63}")) {
                throw new IOException("bad table name in the backup");
            }
            int n = in.readUnsignedShort();
            List<String> cols = new ArrayList<>();
            int[] types = new int[n];
            for (int i = 0; i < n; i++) {
                String col = in.readUTF();
                if (!col.matches("[a-z_][a-z0-9_]{0,63}")) {
                    throw new IOException("bad column name in the backup");
                }
                cols.add(col);
                types[i] = in.readUnsignedByte();
            }
            String sql = "INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
            long rows = 0;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                while (true) {
                    int t = in.readUnsignedByte();
                    if (t == END_TABLE) {
                        break;
                    }
                    if (t != ROW) {
                        throw new IOException("backup rows out of order");
                    }
                    for (int i = 0; i < n; i++) {
                        readValue(in, types[i], ps, i + 1);
                    }
                    ps.executeUpdate();
                    rows++;
                }
            }
            counts.put(table, rows);
        }
    }

    private static final int LONG = 1;
    private static final int INT = 2;
    private static final int TEXT = 3;
    private static final int BYTES = 4;
    private static final int DATE = 5;
    private static final int TIMESTAMP_TZ = 6;
    private static final int BOOL = 7;

    private static int kind(int sqlType) throws SQLException {
        return switch (sqlType) {
            case Types.BIGINT -> LONG;
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INT;
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB -> TEXT;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BYTES;
            case Types.DATE -> DATE;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_TZ;
            case Types.BOOLEAN, Types.BIT -> BOOL;
            default -> throw new SQLException("no backup encoding for SQL type " + sqlType);
        };
    }

    private static void writeValue(DataOutputStream out, int type, ResultSet rs, int col)
            throws SQLException, IOException {
        Object v = switch (type) {
            case LONG -> rs.getLong(col);
            case INT -> rs.getInt(col);
            case TEXT -> rs.getString(col);
            case BYTES -> rs.getBytes(col);
            case DATE -> rs.getObject(col, LocalDate.class);
            case TIMESTAMP_TZ -> rs.getObject(col, OffsetDateTime.class);
            default -> rs.getBoolean(col);
        };
        if (rs.wasNull() || v == null) {
            out.writeByte(0);
            return;
        }
        out.writeByte(1);
        switch (type) {
            case LONG -> out.writeLong((Long) v);
            case INT -> out.writeInt((Integer) v);
            case TEXT -> bytes(out, ((String) v).getBytes(StandardCharsets.UTF_8));
            case BYTES -> bytes(out, (byte[]) v);
            case DATE, TIMESTAMP_TZ -> out.writeUTF(v.toString());
            default -> out.writeBoolean((Boolean) v);
        }
    }

    private static void readValue(DataInputStream in, int type, PreparedStatement ps, int col)
            throws SQLException, IOException {
        if (in.readUnsignedByte() == 0) {
            ps.setObject(col, null);
            return;
        }
        switch (type) {
            case LONG -> ps.setLong(col, in.readLong());
            case INT -> ps.setInt(col, in.readInt());
            case TEXT -> ps.setString(col, new String(bytes(in), StandardCharsets.UTF_8));
            case BYTES -> ps.setBytes(col, bytes(in));
            case DATE -> ps.setObject(col, LocalDate.parse(in.readUTF()));
            case TIMESTAMP_TZ -> ps.setObject(col, OffsetDateTime.parse(in.readUTF()));
            case BOOL -> ps.setBoolean(col, in.readBoolean());
            default -> throw new IOException("unknown value type in the backup");
        }
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_VALUE) {
            throw new IOException("bad length in the backup");
        }
        return in.readNBytes(n);
    }
}
