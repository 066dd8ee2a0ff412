package org.epiflow.data.workspace;

import org.epiflow.data.audit.AuditKind;
import org.epiflow.text.Message;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The officer's settings in the workspace (they hold no secrets; each change is a {@code SETTING} entry with the new
 * value). Read in full, with every MAC and the table digest checked, and kept in memory; a damaged setting is
 * reported and its default used.
 */
public final class WorkspaceSettings {
    static final String TABLE = "settings";
    /** Default minutes of inactivity before the application locks itself. */
    public static final int DEFAULT_IDLE_LOCK_MINUTES = 10;
    static final String IDLE_LOCK_MINUTES = "idle_lock_minutes";
    private final Tx tx;
    private Map<String, Setting> cache;

    WorkspaceSettings(Tx tx) {
        this.tx = tx;
    }

    private record Setting(String name, String value, long version, byte[] mac) {
    }

    /** The value of a setting, if set and intact. */
    public Optional<String> get(String name) throws WorkspaceException {
        return Optional.ofNullable(all().get(name)).map(Setting::value);
    }

    /** Sets a setting ({@code SETTING} entry with the new value); on disk before this returns. */
    public void set(String name, String value) throws WorkspaceException {
        tx.write(Message.of("data.store.settings"), Tx.Durability.SYNC, () -> {
            Map<String, Setting> now = read();
            Setting old = now.get(name);
            byte[] oldMac = old == null ? storedMac(name) : old.mac();
            Setting s = new Setting(name, value, old == null ? 1 : old.version() + 1, null);
            byte[] mac = macOf(tx.mac, s.name(), s.version(), s.value()).mac();
            try (PreparedStatement ps = tx.connection.prepareStatement("MERGE INTO " + TABLE
                    + " (name, setting_value, row_version, mac) KEY (name) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, value);
                ps.setLong(3, s.version());
                ps.setBytes(4, mac);
                ps.executeUpdate();
            }
            tx.digests.change(tx.connection, TABLE, oldMac, mac);
            tx.audit.appendWithinTransaction(AuditKind.SETTING, Map.of("name", name, "value", value));
            cache = null;
            return null;
        });
    }

    /** Minutes of inactivity before the application locks itself (default {@value #DEFAULT_IDLE_LOCK_MINUTES}). */
    public int idleLockMinutes() throws WorkspaceException {
        try {
            int m = get(IDLE_LOCK_MINUTES).map(Integer::parseInt).orElse(DEFAULT_IDLE_LOCK_MINUTES);
            return m < 1 || m > 24 * 60 ? DEFAULT_IDLE_LOCK_MINUTES : m;
        } catch (NumberFormatException e) {
            return DEFAULT_IDLE_LOCK_MINUTES;
        }
    }

    public void setIdleLockMinutes(int minutes) throws WorkspaceException {
        if (minutes < 1 || minutes > 24 * 60) {
            throw new IllegalArgumentException("idle lock minutes must be between 1 and 1440: " + minutes);
        }
        set(IDLE_LOCK_MINUTES, Integer.toString(minutes));
    }

    private Map<String, Setting> all() throws WorkspaceException {
        Map<String, Setting> c = cache;
        if (c == null) {
            c = tx.read(Message.of("data.store.settings"), this::read);
            cache = c;
        }
        return c;
    }

    private Map<String, Setting> read() throws SQLException {
        List<Setting> rows = tx.scan(Damage.Area.SETTINGS, TABLE, Message.of("data.list.settings"), "SELECT name, "
                + "setting_value, row_version, mac FROM " + TABLE + " ORDER BY name", rs -> {
                    Setting s = new Setting(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBytes(4));
                    boolean ok = s.name() != null && s.value() != null
                            && macOf(tx.mac, s.name(), s.version(), s.value()).matches(s.mac());
                    return new Tx.Row<>(s, "name:" + s.name(), Message.of("data.item.setting",
                            String.valueOf(s.name())), s.mac(), ok);
                }, r -> new Damage(Damage.Area.SETTINGS, r.key(), r.name(), Message.of("data.damage.setting.effect"),
                        false));
        Map<String, Setting> out = new LinkedHashMap<>();
        for (Setting s : rows) {
            out.put(s.name(), s);
        }
        return out;
    }

    private byte[] storedMac(String name) throws SQLException {
        try (PreparedStatement ps = tx.connection.prepareStatement("SELECT mac FROM " + TABLE + " WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    static RecordMac.Builder macOf(RecordMac mac, String name, long version, String value) {
        return mac.of(TABLE, name, version).add(value);
    }

    static byte[] macOfRow(RecordMac mac, ResultSet rs) throws SQLException {
        return macOf(mac, rs.getString("name"), rs.getLong("row_version"), rs.getString("setting_value")).mac();
    }
}
