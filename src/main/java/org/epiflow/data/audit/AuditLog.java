package org.epiflow.data.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The workspace's append-only, hash-chained and MAC'd audit trail (docs/workspace-and-audit.md).
 *
 * <p>Each entry's hash is SHA-256 over a canonical, length-prefixed encoding of (seq, time, officer key id, kind,
 * details, previous hash); its MAC is HMAC-SHA256 of that hash under a key derived from the officer's identity. A
 * one-row {@code audit_head} table holds the last sequence number and hash, MAC'd too, and is updated in the same
 * transaction as each append, so that deleting entries at the end is detected as well. {@link #verify()} walks the
 * chain and names the first bad entry.
 *
 * <p>Obtained from the workspace ({@code Workspace.audit()}); the connection and key belong to the workspace.
 * Thread-safe: every method synchronizes on the connection.
 */
public final class AuditLog {
    /** Largest details JSON accepted, in characters. */
    public static final int MAX_DETAILS = 16_000;
    static final byte[] GENESIS = new byte[32];
    private static final byte[] ENTRY_DOMAIN = "EPIFLOW-AUDIT-ENTRY-V1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAC_DOMAIN = "EPIFLOW-AUDIT-MAC-V1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEAD_DOMAIN = "EPIFLOW-AUDIT-HEAD-V1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int PAGE = 5_000;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final Connection connection;
    private final String officerKeyId;
    private final Mac mac;
    private final Clock clock;

    private AuditLog(Connection connection, String officerKeyId, byte[] macKey, Clock clock) {
        this.connection = connection;
        this.officerKeyId = officerKeyId;
        this.clock = clock;
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            this.mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /**
     * Attaches to the audit tables of an open workspace connection. For the workspace's use: the caller keeps
     * ownership of the connection and wipes {@code macKey} afterwards (this object keeps only the initialised MAC).
     *
     * @param connection   the workspace's connection (tables created by its migrations)
     * @param officerKeyId the officer's key id, written into every entry
     * @param macKey       the workspace's audit HMAC key
     * @param clock        time source for entries
     * @return the log
     */
    public static AuditLog attach(Connection connection, String officerKeyId, byte[] macKey, Clock clock) {
        return new AuditLog(connection, officerKeyId, macKey, clock);
    }

    /** Canonical JSON for details: keys sorted, no whitespace. */
    public static String json(Map<String, ?> details) {
        try {
            return JSON.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not JSON-serialisable: " + e.getMessage(), e);
        }
    }

    /**
     * Appends one entry in its own transaction.
     *
     * @param kind    what happened
     * @param details facts about it (no secrets, no table content)
     * @return the stored entry
     * @throws SQLException if the database fails (nothing is appended then)
     */
    public AuditEntry append(AuditKind kind, Map<String, ?> details) throws SQLException {
        return appendAll(kind, List.of(details == null ? Map.of() : details)).get(0);
    }

    /** Appends several entries of one kind in a single transaction (all or none). */
    public List<AuditEntry> appendAll(AuditKind kind, List<? extends Map<String, ?>> details) throws SQLException {
        synchronized (connection) {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                List<AuditEntry> out = new ArrayList<>(details.size());
                for (Map<String, ?> d : details) {
                    out.add(appendWithinTransaction(kind, d));
                }
                connection.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        }
    }

    /**
     * Appends an entry inside the caller's open transaction (auto-commit off), so that a change and its audit entry
     * are committed together or not at all. The caller commits or rolls back.
     */
    public AuditEntry appendWithinTransaction(AuditKind kind, Map<String, ?> details) throws SQLException {
        String detailsJson = json(details);
        if (detailsJson.length() > MAX_DETAILS) {
            throw new IllegalArgumentException("audit details too long: " + detailsJson.length() + " characters");
        }
        synchronized (connection) {
            // Continue after whatever EpiFlow wrote last: the head record when it is at or beyond the last stored
            // entry (so entries deleted from the end leave a permanent gap), else the last stored entry.
            long seq = 1;
            byte[] prev = GENESIS;
            try (PreparedStatement last = connection.prepareStatement(
                    "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
                 ResultSet rs = last.executeQuery()) {
                if (rs.next()) {
                    seq = rs.getLong(1) + 1;
                    prev = rs.getBytes(2);
                }
            }
            try (PreparedStatement head = connection.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
                 ResultSet rs = head.executeQuery()) {
                if (rs.next() && rs.getLong(1) + 1 >= seq) {
                    seq = rs.getLong(1) + 1;
                    prev = rs.getBytes(2);
                }
            }
            String time = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
            byte[] hash = hash(seq, time, officerKeyId, kind.name(), detailsJson, prev);
            byte[] entryMac = entryMac(hash);
            try (PreparedStatement ins = connection.prepareStatement("INSERT INTO audit_log (seq, at, officer_key_id, "
                    + "kind, details, prev_hash, hash, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ins.setLong(1, seq);
                ins.setString(2, time);
                ins.setString(3, officerKeyId);
                ins.setString(4, kind.name());
                ins.setString(5, detailsJson);
                ins.setBytes(6, prev);
                ins.setBytes(7, hash);
                ins.setBytes(8, entryMac);
                ins.executeUpdate();
            }
            try (PreparedStatement up = connection.prepareStatement(
                    "MERGE INTO audit_head (id, seq, hash, mac) KEY (id) VALUES (1, ?, ?, ?)")) {
                up.setLong(1, seq);
                up.setBytes(2, hash);
                up.setBytes(3, headMac(seq, hash));
                up.executeUpdate();
            }
            return new AuditEntry(seq, time, officerKeyId, kind.name(), detailsJson, prev, hash, entryMac);
        }
    }

    /** Number of entries stored. */
    public long size() throws SQLException {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM audit_log");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Calls {@code action} for every entry in sequence order, reading in pages (no large result sets). */
    public void forEach(Consumer<AuditEntry> action) throws SQLException {
        synchronized (connection) {
            long after = Long.MIN_VALUE;
            while (true) {
                List<AuditEntry> page = page(after);
                page.forEach(action);
                if (page.size() < PAGE) {
                    return;
                }
                after = page.get(page.size() - 1).seq();
            }
        }
    }

    /** Every entry in sequence order (for reports; use {@link #forEach} for very long logs). */
    public List<AuditEntry> entries() throws SQLException {
        List<AuditEntry> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    private List<AuditEntry> page(long after) throws SQLException {
        List<AuditEntry> out = new ArrayList<>(PAGE);
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq, at, officer_key_id, kind, details, "
                + "prev_hash, hash, mac FROM audit_log WHERE seq > ? ORDER BY seq LIMIT " + PAGE)) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBytes(6), rs.getBytes(7), rs.getBytes(8)));
                }
            }
        }
        return out;
    }

    /**
     * Checks the whole chain: sequence numbers without gaps, each entry's hash and MAC, each link to the previous
     * entry, and the MAC'd head record against the last entry. Detects any edit, deletion (also at the end),
     * insertion or reordering, and names the first bad entry.
     */
    public AuditVerification verify() throws SQLException {
        synchronized (connection) {
            long expected = 1;
            byte[] prev = GENESIS;
            long count = 0;
            long after = Long.MIN_VALUE;
            AuditEntry recordedBreak = null;
            while (true) {
                List<AuditEntry> page = page(after);
                for (AuditEntry e : page) {
                    count++;
                    String problem = check(e, expected, prev);
                    if (problem != null) {
                        return new AuditVerification(count, expected, problem, e.seq(),
                                e.hash() == null ? GENESIS : e.hash());
                    }
                    if (recordedBreak == null && AuditKind.WORKSPACE_OPEN.name().equals(e.kind())
                            && e.details().contains("\"auditCheck\":\"BAD\"")) {
                        recordedBreak = e;
                    }
                    prev = e.hash();
                    expected = e.seq() + 1;
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).seq();
            }
            long last = expected - 1;
            try (PreparedStatement ps = connection.prepareStatement("SELECT seq, hash, mac FROM audit_head WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    if (last == 0) {
                        return new AuditVerification(0, -1, null, 0, GENESIS);
                    }
                    return new AuditVerification(count, last, "the head record is missing (it was deleted)", last, prev);
                }
                long headSeq = rs.getLong(1);
                byte[] headHash = rs.getBytes(2);
                byte[] headMac = rs.getBytes(3);
                if (!MessageDigest.isEqual(headMac(headSeq, headHash), headMac)) {
                    return new AuditVerification(count, headSeq, "the head record's MAC does not verify (edited)",
                            last, prev);
                }
                if (headSeq > last) {
                    return new AuditVerification(count, last + 1, "entries #" + (last + 1) + " to #" + headSeq
                            + " are missing (deleted from the end of the log)", last, prev);
                }
                if (headSeq < last || !MessageDigest.isEqual(headHash, prev)) {
                    return new AuditVerification(count, headSeq < last ? headSeq + 1 : last, headSeq < last
                            ? "entries after #" + headSeq + " were not appended by EpiFlow (inserted)"
                            : "the last entry is not the one the head record names (replaced)", last, prev);
                }
            }
            if (recordedBreak != null) {
                // the chain was found broken at an earlier open and has since been made to look whole again
                long bad = -1;
                String what = "";
                try {
                    var node = JSON.readTree(recordedBreak.details());
                    bad = node.path("firstBadSeq").asLong(-1);
                    what = node.path("problem").asText("");
                } catch (JsonProcessingException ignored) {
                    // keep the defaults
                }
                return new AuditVerification(count, bad > 0 ? bad : recordedBreak.seq(), "the check at an earlier "
                        + "open (entry #" + recordedBreak.seq() + ") found the chain broken here: " + what
                        + "; the evidence was removed since", last, prev);
            }
            return new AuditVerification(count, -1, null, last, prev);
        }
    }

    private String check(AuditEntry e, long expected, byte[] prev) {
        if (e.seq() != expected) {
            return e.seq() > expected
                    ? "entry #" + expected + (e.seq() == expected + 1 ? " is" : " to #" + (e.seq() - 1) + " are")
                    + " missing (deleted); the next is #" + e.seq()
                    : "sequence number out of order (got #" + e.seq() + ")";
        }
        if (e.time() == null || e.officerKeyId() == null || e.kind() == null || e.details() == null
                || e.prevHash() == null || e.hash() == null || e.mac() == null) {
            return "a field is missing (edited)";
        }
        byte[] recomputed = hash(e.seq(), e.time(), e.officerKeyId(), e.kind(), e.details(), e.prevHash());
        if (!MessageDigest.isEqual(recomputed, e.hash())) {
            return "its content does not match its hash (edited or reordered)";
        }
        if (!MessageDigest.isEqual(entryMac(e.hash()), e.mac())) {
            return "its MAC does not verify (forged or rewritten without the workspace key)";
        }
        if (!MessageDigest.isEqual(prev, e.prevHash())) {
            return "it does not follow entry #" + (e.seq() - 1) + " (an entry before it was deleted, inserted or "
                    + "replaced)";
        }
        return null;
    }

    /** SHA-256 over the canonical encoding of an entry. */
    static byte[] hash(long seq, String time, String keyId, String kind, String details, byte[] prev) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ENTRY_DOMAIN);
            sha.update(ByteBuffer.allocate(8).putLong(seq).array());
            field(sha, time);
            field(sha, keyId);
            field(sha, kind);
            field(sha, details);
            sha.update(ByteBuffer.allocate(4).putInt(prev.length).array());
            sha.update(prev);
            return sha.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static void field(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(b.length).array());
        sha.update(b);
    }

    private byte[] entryMac(byte[] hash) {
        mac.update(MAC_DOMAIN);
        return mac.doFinal(hash);
    }

    private byte[] headMac(long seq, byte[] hash) {
        mac.update(HEAD_DOMAIN);
        mac.update(ByteBuffer.allocate(8).putLong(seq).array());
        return mac.doFinal(hash);
    }
}
