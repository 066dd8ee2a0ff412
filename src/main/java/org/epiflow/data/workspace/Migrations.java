package org.epiflow.data.workspace;

import org.epiflow.text.Message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flyway-style schema migrations: {@code migration/V<n>__<description>.sql} next to this class, applied in order,
 * each recorded in {@code schema_version} with the SHA-256 of its script; a version may have a Java step run after
 * its script and before it is recorded (V4: {@link V4Integrity}). An applied script whose checksum changed, a
 * record whose version and script name disagree (damage), or a database newer than this build, is refused.
 */
final class Migrations {
    /** The scripts, in order. Add new ones at the end; never edit a released one. */
    static final List<String> SCRIPTS = List.of("V1__initial.sql", "V2__cache_and_case_tables.sql",
            "V3__bundle_files_and_idle_default.sql", "V4__record_integrity.sql");
    static final int LATEST = SCRIPTS.size();

    /** One applied migration. */
    record Applied(int version, String script) {
    }

    private Migrations() {
    }

    /** Applies every missing migration; returns those applied now. */
    static List<Applied> migrate(Connection c, RecordMac mac) throws SQLException, WorkspaceException {
        return migrate(c, LATEST, mac);
    }

    /** Applies missing migrations up to {@code target} (tests build old versions with this). */
    static List<Applied> migrate(Connection c, int target, RecordMac mac) throws SQLException, WorkspaceException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT "
                    + "NULL, checksum CHAR(64) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        Map<Integer, String> applied = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, script, checksum FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                int v = rs.getInt(1);
                String name = String.valueOf(rs.getString(2));
                if (!name.startsWith("V" + v + "__") || applied.containsKey(v)) {
                    throw schemaDamaged(v);
                }
                applied.put(v, rs.getString(3));
            }
        }
        for (Map.Entry<Integer, String> e : applied.entrySet()) {
            if (e.getKey() > LATEST) {
                throw new WorkspaceException(WorkspaceException.Reason.NEWER_VERSION,
                        Message.of("data.workspace.schema.newer", e.getKey(), LATEST));
            }
            if (e.getKey() < 1 || !checksum(script(e.getKey())).equals(e.getValue())) {
                throw schemaDamaged(e.getKey());
            }
        }
        List<Applied> now = new ArrayList<>();
        for (int v = 1; v <= Math.min(target, LATEST); v++) {
            if (applied.containsKey(v)) {
                continue;
            }
            String sql = script(v);
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    for (String statement : statements(sql)) {
                        s.execute(statement);
                    }
                }
                if (v == 4) {
                    V4Integrity.run(c, mac);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version (version, script, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, SCRIPTS.get(v - 1));
                    ps.setString(3, checksum(sql));
                    ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
            now.add(new Applied(v, SCRIPTS.get(v - 1)));
        }
        return now;
    }

    private static WorkspaceException schemaDamaged(int version) {
        return new WorkspaceException(WorkspaceException.Reason.CORRUPTED,
                Message.of("data.workspace.schema.damaged", version));
    }

    /** The highest version recorded, 0 for none. */
    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static String script(int version) {
        String name = SCRIPTS.get(version - 1);
        try (InputStream in = Migrations.class.getResourceAsStream("migration/" + name)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }

    /** Splits a script at ';' ending a line; '--' comment lines are dropped. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : sql.split("\r?\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            if (t.endsWith(";")) {
                cur.append(t, 0, t.length() - 1);
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(t).append('\n');
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    static String checksum(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
