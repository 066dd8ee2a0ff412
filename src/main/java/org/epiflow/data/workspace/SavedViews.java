package org.epiflow.data.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.text.Message;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved map views: one JSON object each ({@link ViewDefinition}), by name. Saving under an existing name replaces
 * it; a {@code VIEW_SAVED} entry (name and bundle id, not the view) is written in the same transaction, and the
 * database file is forced to disk before {@link #save} returns.
 */
public final class SavedViews {
    static final String TABLE = "saved_views";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Tx tx;

    SavedViews(Tx tx) {
        this.tx = tx;
    }

    /** A saved view as stored. */
    public record StoredView(long id, String name, String json, Instant created, Instant updated, long version,
                             byte[] mac) {
    }

    /** Saves (or replaces, by name) a view; {@code json} must be a JSON object. Returns its id. */
    public long save(String name, String json) throws WorkspaceException {
        String bundle = bundleIdOf(json);
        return tx.write(Message.of("data.store.views"), Tx.Durability.SYNC, () -> {
            Instant now = tx.now();
            StoredView old = readAll().stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
            StoredView v;
            if (old == null) {
                v = sealed(new StoredView(tx.nextId(TABLE, "id"), name, json, now, now, 1, null));
                try (PreparedStatement ins = tx.connection.prepareStatement("INSERT INTO " + TABLE + " (id, name, "
                        + "definition, created, updated, row_version, mac) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ins.setLong(1, v.id());
                    ins.setString(2, v.name());
                    ins.setString(3, v.json());
                    ins.setObject(4, Tx.utc(v.created()));
                    ins.setObject(5, Tx.utc(v.updated()));
                    ins.setLong(6, v.version());
                    ins.setBytes(7, v.mac());
                    ins.executeUpdate();
                }
            } else {
                v = sealed(new StoredView(old.id(), name, json, old.created(), now, old.version() + 1, null));
                try (PreparedStatement up = tx.connection.prepareStatement("UPDATE " + TABLE + " SET definition = ?, "
                        + "updated = ?, row_version = ?, mac = ? WHERE id = ?")) {
                    up.setString(1, v.json());
                    up.setObject(2, Tx.utc(v.updated()));
                    up.setLong(3, v.version());
                    up.setBytes(4, v.mac());
                    up.setLong(5, v.id());
                    up.executeUpdate();
                }
            }
            tx.digests.change(tx.connection, TABLE, old == null ? null : old.mac(), v.mac());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("viewId", v.id());
            d.put("name", name);
            d.put("replaced", old != null);
            d.put("bundleId", bundle);
            tx.audit.appendWithinTransaction(AuditKind.VIEW_SAVED, d);
            return v.id();
        });
    }

    /** The saved views by name (damaged ones are reported and left out). */
    public List<StoredView> list() throws WorkspaceException {
        return tx.read(Message.of("data.store.views"), this::readAll);
    }

    /** The saved view with this name. */
    public Optional<StoredView> find(String name) throws WorkspaceException {
        return list().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** Deletes a saved view ({@code VIEW_DELETED} entry); false if there is none with this id. */
    public boolean delete(long id) throws WorkspaceException {
        return tx.write(Message.of("data.store.views"), Tx.Durability.SYNC, () -> {
            StoredView old = null;
            try (PreparedStatement ps = tx.connection.prepareStatement("SELECT name, mac FROM " + TABLE
                    + " WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        old = new StoredView(id, rs.getString(1), null, null, null, 0, rs.getBytes(2));
                    }
                }
            }
            if (old == null) {
                return false;
            }
            try (PreparedStatement del = tx.connection.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ?")) {
                del.setLong(1, id);
                del.executeUpdate();
            }
            tx.digests.change(tx.connection, TABLE, old.mac(), null);
            tx.audit.appendWithinTransaction(AuditKind.VIEW_DELETED, Map.of("viewId", id, "name",
                    String.valueOf(old.name())));
            return true;
        });
    }

    private List<StoredView> readAll() throws SQLException {
        return tx.scan(Damage.Area.SAVED_VIEWS, TABLE, Message.of("data.list.views"), "SELECT id, name, definition, "
                + "created, updated, row_version, mac FROM " + TABLE + " ORDER BY name, id", rs -> {
                    StoredView v = new StoredView(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Tx.instant(rs, "created"), Tx.instant(rs, "updated"), rs.getLong(6), rs.getBytes(7));
                    return new Tx.Row<>(v, "id" + v.id(), Message.of("data.item.view", String.valueOf(v.name())),
                            v.mac(), macOf(tx.mac, v).matches(v.mac()));
                }, r -> new Damage(Damage.Area.SAVED_VIEWS, r.key(), r.name(), Message.of("data.damage.view.effect"),
                        false));
    }

    private StoredView sealed(StoredView v) {
        return new StoredView(v.id(), v.name(), v.json(), v.created(), v.updated(), v.version(),
                macOf(tx.mac, v).mac());
    }

    static RecordMac.Builder macOf(RecordMac mac, StoredView v) {
        return mac.of(TABLE, Long.toString(v.id()), v.version()).addAll(v.name(), v.json(), v.created(),
                v.updated());
    }

    static byte[] macOfRow(RecordMac mac, ResultSet rs) throws SQLException {
        return macOf(mac, new StoredView(rs.getLong("id"), rs.getString("name"), rs.getString("definition"),
                Tx.instant(rs, "created"), Tx.instant(rs, "updated"), rs.getLong("row_version"), null)).mac();
    }

    /** Checks that {@code json} is a JSON object and returns the id of the bundle it names ("" when none). */
    static String bundleIdOf(String json) {
        try {
            var node = json == null ? null : JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            return node.path("bundle").path("id").asText("");
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }
}
