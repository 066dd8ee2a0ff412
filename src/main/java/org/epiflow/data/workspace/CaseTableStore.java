package org.epiflow.data.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.data.audit.AuditLog;
import org.epiflow.text.Message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imported case tables, kept as the UTF-8 CSV they were imported from, inside the encrypted database. The MAC of a
 * table covers its content; {@link #content} checks it before handing the bytes out.
 */
public final class CaseTableStore {
    static final String TABLE = "case_tables";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Tx tx;

    CaseTableStore(Tx tx) {
        this.tx = tx;
    }

    /** An imported case table (without its content). */
    public record CaseTable(long id, String name, String source, List<String> columns, int rowCount,
                            Instant importedAt) {
    }

    /**
     * Imports a case table (UTF-8 CSV with a header line); returns its id. {@code CASE_IMPORT} entry; on disk
     * before this returns.
     *
     * @param name   a name for people
     * @param source where it came from (file name)
     * @param csv    the CSV bytes (the caller may wipe them afterwards)
     */
    public long importCsv(String name, String source, byte[] csv) throws WorkspaceException {
        String text = new String(csv, StandardCharsets.UTF_8);
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
        String columnsJson = AuditLog.json(Map.of("columns", columns));
        return tx.write(Message.of("data.store.caseTables"), Tx.Durability.SYNC, () -> {
            long id = tx.nextId(TABLE, "id");
            Instant now = tx.now();
            byte[] mac = macOf(tx.mac, id, 1, name, source, columnsJson, rowCount, now, csv).mac();
            try (PreparedStatement ins = tx.connection.prepareStatement("INSERT INTO " + TABLE + " (id, name, source, "
                    + "columns, row_count, imported_at, content, row_version, mac) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)")) {
                ins.setLong(1, id);
                ins.setString(2, name);
                ins.setString(3, source);
                ins.setString(4, columnsJson);
                ins.setInt(5, rowCount);
                ins.setObject(6, Tx.utc(now));
                ins.setBinaryStream(7, new ByteArrayInputStream(csv), csv.length);
                ins.setBytes(8, mac);
                ins.executeUpdate();
            }
            tx.digests.change(tx.connection, TABLE, null, mac);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("caseTableId", id);
            d.put("name", name);
            d.put("source", source);
            d.put("rows", rowCount);
            d.put("sha256", ExportLog.sha256Hex(csv));
            tx.audit.appendWithinTransaction(AuditKind.CASE_IMPORT, d);
            return id;
        });
    }

    /** The imported tables (each checked with its content; damaged ones are reported and left out). */
    public List<CaseTable> list() throws WorkspaceException {
        return tx.read(Message.of("data.store.caseTables"), () -> {
            List<CaseTable> out = new ArrayList<>();
            for (Loaded l : readAll()) {
                out.add(l.table);
                Arrays.fill(l.content, (byte) 0);
            }
            return out;
        });
    }

    /** The CSV bytes of an imported table, if present and intact (the caller wipes them when done). */
    public Optional<byte[]> content(long id) throws WorkspaceException {
        return tx.read(Message.of("data.store.caseTables"), () -> {
            Optional<byte[]> found = Optional.empty();
            for (Loaded l : readAll()) {
                if (l.table.id() == id) {
                    found = Optional.of(l.content);
                } else {
                    Arrays.fill(l.content, (byte) 0);
                }
            }
            return found;
        });
    }

    private record Loaded(CaseTable table, byte[] content) {
    }

    private List<Loaded> readAll() throws SQLException {
        return tx.scan(Damage.Area.CASE_TABLES, TABLE, Message.of("data.list.caseTables"), "SELECT id, name, source, "
                + "columns, row_count, imported_at, content, row_version, mac FROM " + TABLE + " ORDER BY id", rs -> {
                    long id = rs.getLong(1);
                    String name = rs.getString(2);
                    String source = rs.getString(3);
                    String columns = rs.getString(4);
                    int rows = rs.getInt(5);
                    Instant at = Tx.instant(rs, "imported_at");
                    byte[] content = rs.getBytes(7);
                    long version = rs.getLong(8);
                    byte[] mac = rs.getBytes(9);
                    boolean ok = content != null && macOf(tx.mac, id, version, name, source, columns, rows, at, content)
                            .matches(mac);
                    List<String> cols = new ArrayList<>();
                    if (ok) {
                        JSON.readTree(columns).path("columns").forEach(n -> cols.add(n.asText()));
                    }
                    return new Tx.Row<>(new Loaded(new CaseTable(id, name, source, List.copyOf(cols), rows, at),
                            content == null ? new byte[0] : content), "id" + id,
                            Message.of("data.item.caseTable", String.valueOf(name)), mac, ok);
                }, r -> new Damage(Damage.Area.CASE_TABLES, r.key(), r.name(),
                        Message.of("data.damage.caseTable.effect"), false));
    }

    static RecordMac.Builder macOf(RecordMac mac, long id, long version, String name, String source, String columns,
                                   int rows, Instant at, byte[] content) {
        return mac.of(TABLE, Long.toString(id), version).addAll(name, source, columns, (long) rows, at, content);
    }

    static byte[] macOfRow(RecordMac mac, ResultSet rs) throws SQLException, IOException {
        return macOf(mac, rs.getLong("id"), rs.getLong("row_version"), rs.getString("name"), rs.getString("source"),
                rs.getString("columns"), rs.getInt("row_count"), Tx.instant(rs, "imported_at"),
                rs.getBytes("content")).mac();
    }
}
