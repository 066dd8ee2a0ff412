package org.epiflow.data.workspace;

import org.epiflow.data.audit.AuditKind;
import org.epiflow.data.audit.AuditLog;
import org.epiflow.text.Message;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small transaction helper every store shares: one connection, used by one thread at a time (methods
 * synchronize on it); every failure translated into a {@link WorkspaceException} naming the store
 * ({@link DbErrors}); commits made durable — the audit entries of a write are forced to the journal before
 * {@link #write} returns, and work that cannot be rebuilt ({@link Durability#SYNC}) forces the database file too;
 * record MACs and table digests checked on every read ({@link #scan}), damage reported to the {@link DamageLog}
 * and, after the operation, recorded in the audit trail.
 */
final class Tx {
    /** How durable a write must be when {@link #write} returns. */
    enum Durability {
        /** Its audit entries are in the journal on disk (the database file may lag; the journal brings it back). */
        JOURNAL,
        /** Also the database file is forced to disk (records that cannot be rebuilt: views, case tables…). */
        SYNC
    }

    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException, IOException, WorkspaceException;
    }

    /** One row as read: its value, its key, its name for people, the MAC stored with it and whether it matched. */
    record Row<T>(T value, String key, Message name, byte[] storedMac, boolean intact) {
    }

    @FunctionalInterface
    interface RowReader<T> {
        Row<T> read(ResultSet rs) throws SQLException, IOException;
    }

    final Connection connection;
    final AuditLog audit;
    final RecordMac mac;
    final RecordDigests digests;
    final DamageLog damage;
    final Clock clock;
    private final List<Damage> unrecorded = new ArrayList<>();
    private int depth;
    private boolean closed;
    private boolean broken;

    Tx(Connection connection, AuditLog audit, RecordMac mac, DamageLog damage, Clock clock) {
        this.connection = connection;
        this.audit = audit;
        this.mac = mac;
        this.digests = new RecordDigests(mac);
        this.damage = damage;
        this.clock = clock;
    }

    /** Runs {@code work} in one transaction; commits, makes it durable, or rolls back and translates the failure. */
    <T> T write(Message what, Durability durability, Work<T> work) throws WorkspaceException {
        synchronized (connection) {
            ensureOpen();
            depth++;
            try {
                boolean auto = connection.getAutoCommit();
                connection.setAutoCommit(false);
                T result;
                try {
                    result = work.run();
                    connection.commit();
                } catch (SQLException | IOException | WorkspaceException | RuntimeException | Error e) {
                    audit.discardPending();
                    rollbackQuietly();
                    throw e;
                } finally {
                    restoreAutoCommit(auto);
                }
                if (durability == Durability.SYNC) {
                    sync();
                }
                audit.flushPending();
                return result;
            } catch (SQLException | IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
                throw fail(what, e);
            } catch (WorkspaceException e) {
                throw e;
            } finally {
                depth--;
                recordDamage();
            }
        }
    }

    /** Runs {@code work} (reads) and translates its failure. */
    <T> T read(Message what, Work<T> work) throws WorkspaceException {
        synchronized (connection) {
            ensureOpen();
            depth++;
            try {
                return work.run();
            } catch (SQLException | IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
                throw fail(what, e);
            } finally {
                depth--;
                recordDamage();
            }
        }
    }

    /**
     * Reads every row a query returns, checking each row's MAC and, at the end, the table's digest. Damaged rows
     * are reported and left out; a row that cannot even be read is reported as such; the rest is returned.
     */
    <T> List<T> scan(Damage.Area area, String table, Message listName, String sql, RowReader<T> reader,
                     Damager<T> describe) throws SQLException {
        List<T> out = new ArrayList<>();
        RecordDigests.Sum sum = new RecordDigests.Sum();
        boolean complete = true;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int index = 0;
            while (true) {
                boolean more;
                try {
                    more = rs.next();
                } catch (SQLException | RuntimeException e) {
                    report(new Damage(area, table + "#rest", Message.of("data.damage.listUnreadable", listName),
                            Message.of("data.damage.listUnreadable.effect"), false));
                    complete = false;
                    break;
                }
                if (!more) {
                    break;
                }
                index++;
                Row<T> row;
                try {
                    row = reader.read(rs);
                } catch (SQLException | IOException | RuntimeException e) {
                    report(new Damage(area, table + "#row" + index, Message.of("data.damage.recordUnreadable",
                            listName, index), Message.of("data.damage.recordUnreadable.effect"), false));
                    complete = false;
                    continue;
                }
                sum.add(row.storedMac());
                if (row.intact()) {
                    out.add(row.value());
                } else {
                    report(describe.damage(row));
                }
            }
        }
        if (complete) {
            RecordDigests.State d = digests.read(connection, table);
            if (!d.matches(sum)) {
                report(new Damage(area, table + "#digest", Message.of("data.damage.list", listName),
                        Message.of("data.damage.list.effect"), false));
            }
        }
        return out;
    }

    /** Describes a damaged row for people. */
    @FunctionalInterface
    interface Damager<T> {
        Damage damage(Row<T> row);
    }

    /** Reports damage (recorded in the audit trail once the current operation is over). */
    void report(Damage d) {
        synchronized (connection) {
            boolean first = damage.all().stream().noneMatch(x -> x.area() == d.area() && x.key().equals(d.key()));
            damage.report(d);
            if (first) {
                unrecorded.add(d);
            }
        }
    }

    private void recordDamage() {
        if (depth > 0 || unrecorded.isEmpty() || closed || broken) {
            return;
        }
        List<Damage> batch = List.copyOf(unrecorded);
        unrecorded.clear();
        try {
            List<Map<String, ?>> details = new ArrayList<>();
            for (Damage d : batch) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("area", d.area().name());
                m.put("item", d.item().english());
                m.put("effect", d.effect().english());
                m.put("rebuilt", d.rebuilt());
                details.add(m);
            }
            audit.appendAll(AuditKind.DAMAGE, details);
        } catch (SQLException | IOException | RuntimeException e) {
            // the damage stays reported to the officer; the trail may be what is damaged
        }
    }

    /** Forces the database file to disk. */
    void sync() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    private WorkspaceException fail(Message what, Throwable e) {
        WorkspaceException w = closed ? DbErrors.closed(e) : DbErrors.translate(what, e, broken);
        if (w.reason() == WorkspaceException.Reason.CORRUPTED) {
            broken = true;
            damage.report(new Damage(Damage.Area.DATABASE, "store:" + what.key(), what,
                    Message.of("data.damage.store.effect"), false));
        }
        return w;
    }

    private void ensureOpen() throws WorkspaceException {
        if (closed) {
            throw DbErrors.closed(null);
        }
    }

    /** Whether damage that stops the database from working was found in this session. */
    boolean broken() {
        return broken;
    }

    void markClosed() {
        synchronized (connection) {
            closed = true;
        }
    }

    boolean closed() {
        return closed;
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException ignored) {
            // the failure that got us here is reported
        }
    }

    private void restoreAutoCommit(boolean auto) {
        try {
            connection.setAutoCommit(auto);
        } catch (SQLException | RuntimeException ignored) {
            // the connection is failing; the next call reports it
        }
    }

    // ---- values --------------------------------------------------------------------------------------------

    /** Now, to the millisecond (what is stored and MAC'd). */
    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** The next free id of a table (the caller holds the connection inside a transaction). */
    long nextId(String table, String column) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
