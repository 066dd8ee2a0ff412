package org.epiflow.data.workspace;

import org.epiflow.text.Message;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the officer had open and shown, so that the workstation can return to it after a lock or a restart: one
 * opaque, versioned JSON document per name (the app decides what is in it: the catalogue keys of the open bundles
 * ({@link BundleCatalogue.Key#toString()}), the view, the panels). Stored MAC'd like every record and forced to
 * disk on save; a damaged document is reported and not returned (the app then starts from an empty screen). Saving
 * is not an audited action (it changes nothing about what was opened or exported) and writes no audit entry.
 *
 * <p>Reopening the bundles it names goes through {@link AuditedBundleOpener#reopen}, which takes them from the
 * encrypted cache without reading the files again (see there for what is checked again and why).
 */
public final class SessionStateStore {
    static final String TABLE = "session_state";
    /** Largest document accepted, in characters. */
    public static final int MAX_DOCUMENT = 1_000_000;
    private final Tx tx;

    SessionStateStore(Tx tx) {
        this.tx = tx;
    }

    /**
     * A stored document.
     *
     * @param name          which document ("desktop")
     * @param formatVersion the app's own version number of the document's layout
     * @param json          the document (a JSON object)
     * @param updated       when it was saved
     */
    public record SessionState(String name, int formatVersion, String json, Instant updated) {
    }

    private record Stored(SessionState state, long version, byte[] mac) {
    }

    /** Saves (replaces) a document; {@code json} must be a JSON object of at most {@value #MAX_DOCUMENT} characters. */
    public void save(String name, int formatVersion, String json) throws WorkspaceException {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a session document needs a name of 1 to 100 characters");
        }
        if (json == null || json.length() > MAX_DOCUMENT) {
            throw new IllegalArgumentException("a session document is at most " + MAX_DOCUMENT + " characters");
        }
        SavedViews.bundleIdOf(json);
        tx.write(Message.of("data.store.sessionState"), Tx.Durability.SYNC, () -> {
            Stored old = readAll().stream().filter(s -> s.state().name().equals(name)).findFirst().orElse(null);
            byte[] oldMac = old == null ? storedMac(name) : old.mac();
            long version = old == null ? 1 : old.version() + 1;
            SessionState s = new SessionState(name, formatVersion, json, tx.now());
            byte[] mac = macOf(tx.mac, s, version).mac();
            try (PreparedStatement ps = tx.connection.prepareStatement("MERGE INTO " + TABLE + " (name, "
                    + "format_version, document, updated, row_version, mac) KEY (name) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, name);
                ps.setInt(2, formatVersion);
                ps.setString(3, json);
                ps.setObject(4, Tx.utc(s.updated()));
                ps.setLong(5, version);
                ps.setBytes(6, mac);
                ps.executeUpdate();
            }
            tx.digests.change(tx.connection, TABLE, oldMac, mac);
            return null;
        });
    }

    /** The document saved under this name, if there is one and it is intact. */
    public Optional<SessionState> load(String name) throws WorkspaceException {
        return tx.read(Message.of("data.store.sessionState"), () -> readAll().stream()
                .filter(s -> s.state().name().equals(name)).map(Stored::state).findFirst());
    }

    /** Removes the document saved under this name (nothing if there is none). */
    public void clear(String name) throws WorkspaceException {
        tx.write(Message.of("data.store.sessionState"), Tx.Durability.SYNC, () -> {
            byte[] old = storedMac(name);
            try (PreparedStatement ps = tx.connection.prepareStatement("DELETE FROM " + TABLE + " WHERE name = ?")) {
                ps.setString(1, name);
                if (ps.executeUpdate() > 0) {
                    tx.digests.change(tx.connection, TABLE, old, null);
                }
            }
            return null;
        });
    }

    private List<Stored> readAll() throws SQLException {
        return tx.scan(Damage.Area.SESSION_STATE, TABLE, Message.of("data.list.sessionState"), "SELECT name, "
                + "format_version, document, updated, row_version, mac FROM " + TABLE + " ORDER BY name", rs -> {
                    SessionState s = new SessionState(rs.getString(1), rs.getInt(2), rs.getString(3),
                            Tx.instant(rs, "updated"));
                    long version = rs.getLong(5);
                    byte[] mac = rs.getBytes(6);
                    boolean ok = s.name() != null && s.json() != null && macOf(tx.mac, s, version).matches(mac);
                    return new Tx.Row<>(new Stored(s, version, mac), "name:" + s.name(),
                            Message.of("data.item.sessionState"), mac, ok);
                }, r -> new Damage(Damage.Area.SESSION_STATE, r.key(), r.name(),
                        Message.of("data.damage.sessionState.effect"), false));
    }

    private byte[] storedMac(String name) throws SQLException {
        try (PreparedStatement ps = tx.connection.prepareStatement("SELECT mac FROM " + TABLE + " WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    static byte[] macOfRow(RecordMac mac, ResultSet rs) throws SQLException {
        return macOf(mac, new SessionState(rs.getString("name"), rs.getInt("format_version"),
                rs.getString("document"), Tx.instant(rs, "updated")), rs.getLong("row_version")).mac();
    }

    static RecordMac.Builder macOf(RecordMac mac, SessionState s, long version) {
        return mac.of(TABLE, s.name(), version).addAll((long) s.formatVersion(), s.json(), s.updated());
    }
}
