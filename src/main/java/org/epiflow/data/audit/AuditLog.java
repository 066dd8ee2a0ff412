package org.epiflow.data.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.epiflow.text.Message;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
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
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The workspace's append-only, hash-chained and MAC'd audit trail (docs/workspace-and-audit.md).
 *
 * <p>Each entry's hash is SHA-256 over a canonical, length-prefixed encoding of (seq, time, officer key id, kind,
 * details, previous hash); its MAC is HMAC-SHA256 of that hash under a key derived from the officer's identity. A
 * one-row {@code audit_head} table holds the last sequence number and hash, MAC'd too, and is updated in the same
 * transaction as each append, so that deleting entries at the end is detected as well. {@link #verify()} walks the
 * whole chain and names the first bad entry; {@link #verifySinceCheckpoint()} starts from the last MAC'd checkpoint
 * (written at close and every {@value #CHECKPOINT_EVERY} entries), which keeps opening fast with a long trail.
 *
 * <p>With an {@link AuditJournal}, entries appended in a transaction are written to the journal and forced to disk
 * by {@link #flushPending()} once the transaction has committed: only then is an entry acknowledged.
 *
 * <p>Obtained from the workspace; the connection and key belong to it. Thread-safe: every method synchronizes on
 * the connection. Storage failures surface as {@link SQLException}s (the workspace translates them).
 */
public final class AuditLog {
    /** Largest details JSON accepted, in characters. */
    public static final int MAX_DETAILS = 16_000;
    /** A checkpoint is written after this many entries (and at every clean close). */
    public static final int CHECKPOINT_EVERY = 1_000;
    static final byte[] GENESIS = new byte[32];
    private static final byte[] ENTRY_DOMAIN = "EPIFLOW-AUDIT-ENTRY-V1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAC_DOMAIN = "EPIFLOW-AUDIT-MAC-V1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEAD_DOMAIN = "EPIFLOW-AUDIT-HEAD-V1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECKPOINT_DOMAIN =
            "EPIFLOW-AUDIT-CHECKPOINT-V1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int PAGE = 5_000;
    private static final int KEEP_CHECKPOINTS = 5;
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
    private final AuditJournal journal;
    private final List<AuditEntry> pending = new ArrayList<>();
    private boolean checkpointsTable = true;

    private AuditLog(Connection connection, String officerKeyId, byte[] macKey, Clock clock, AuditJournal journal) {
        this.connection = connection;
        this.officerKeyId = officerKeyId;
        this.clock = clock;
        this.journal = journal;
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            this.mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /**
     * Attaches to the audit tables of a workspace connection, without a journal (tests, migrations). The caller
     * keeps ownership of the connection and wipes {@code macKey} afterwards.
     */
    public static AuditLog attach(Connection connection, String officerKeyId, byte[] macKey, Clock clock) {
        return new AuditLog(connection, officerKeyId, macKey, clock, null);
    }

    /** Attaches with a journal: committed entries are forced to it by {@link #flushPending()}. */
    public static AuditLog attach(Connection connection, String officerKeyId, byte[] macKey, Clock clock,
                                  AuditJournal journal) {
        return new AuditLog(connection, officerKeyId, macKey, clock, journal);
    }

    /** Canonical JSON for details: keys sorted, no whitespace. */
    public static String json(Map<String, ?> details) {
        try {
            return JSON.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not JSON-serialisable: " + e.getMessage(), e);
        }
    }

    public String officerKeyId() {
        return officerKeyId;
    }

    /** The journal entries are forced to, if any. */
    public Optional<AuditJournal> journal() {
        return Optional.ofNullable(journal);
    }

    // ---- appending -----------------------------------------------------------------------------------------

    /**
     * Appends one entry in its own transaction and, with a journal, forces it to disk.
     *
     * @param kind    what happened
     * @param details facts about it (no secrets, no table content)
     * @return the stored entry
     */
    public AuditEntry append(AuditKind kind, Map<String, ?> details) throws SQLException, IOException {
        return appendAll(kind, List.of(details == null ? Map.of() : details)).get(0);
    }

    /** Appends several entries of one kind in a single transaction (all or none), then forces them to disk. */
    public List<AuditEntry> appendAll(AuditKind kind, List<? extends Map<String, ?>> details)
            throws SQLException, IOException {
        synchronized (connection) {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            List<AuditEntry> out = new ArrayList<>(details.size());
            try {
                for (Map<String, ?> d : details) {
                    out.add(appendWithinTransaction(kind, d));
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                discardPending();
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
            flushPending();
            return out;
        }
    }

    /**
     * Appends an entry inside the caller's open transaction (auto-commit off), so that a change and its audit entry
     * are committed together or not at all. The caller commits (then calls {@link #flushPending()}) or rolls back
     * (then {@link #discardPending()}).
     */
    public AuditEntry appendWithinTransaction(AuditKind kind, Map<String, ?> details) throws SQLException {
        String detailsJson = json(details);
        if (detailsJson.length() > MAX_DETAILS) {
            throw new IllegalArgumentException("audit details too long: " + detailsJson.length() + " characters");
        }
        synchronized (connection) {
            Head h = next();
            String time = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
            byte[] hash = hash(h.seq, time, officerKeyId, kind.name(), detailsJson, h.hash);
            AuditEntry e = new AuditEntry(h.seq, time, officerKeyId, kind.name(), detailsJson, h.hash, hash,
                    entryMac(hash));
            insert(e);
            pending.add(e);
            return e;
        }
    }

    /** Writes the entries of the committed transaction to the journal and forces it to disk. */
    public void flushPending() throws IOException {
        synchronized (connection) {
            if (pending.isEmpty()) {
                return;
            }
            List<AuditEntry> batch = List.copyOf(pending);
            pending.clear();
            if (journal != null) {
                journal.append(batch);
            }
        }
    }

    /** Forgets the entries of a transaction that was rolled back. */
    public void discardPending() {
        synchronized (connection) {
            pending.clear();
        }
    }

    /**
     * Brings entries back from the journal: each must follow the current head exactly (sequence number, link, hash
     * and MAC), else nothing is inserted. In one transaction; not journaled again.
     *
     * @return how many were inserted
     */
    public int replay(List<AuditEntry> entries) throws SQLException {
        synchronized (connection) {
            if (entries.isEmpty()) {
                return 0;
            }
            AuditEntry.Head last = lastStored();
            long expected = last.seq() + 1;
            byte[] prev = last.hash();
            for (AuditEntry e : entries) {
                if (check(e, expected, prev) != null || !officerKeyId.equals(e.officerKeyId())) {
                    throw new SQLException("journal entry #" + e.seq() + " does not follow the trail");
                }
                prev = e.hash();
                expected++;
            }
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                for (AuditEntry e : entries) {
                    insert(e);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
            return entries.size();
        }
    }

    private record Head(long seq, byte[] hash) {
    }

    /** Where the next entry goes: after the head record when it is at or beyond the last stored entry. */
    private Head next() throws SQLException {
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
        if (prev == null || prev.length != 32) {
            prev = GENESIS;
        }
        return new Head(seq, prev);
    }

    private void insert(AuditEntry e) throws SQLException {
        try (PreparedStatement ins = connection.prepareStatement("INSERT INTO audit_log (seq, at, officer_key_id, "
                + "kind, details, prev_hash, hash, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ins.setLong(1, e.seq());
            ins.setString(2, e.time());
            ins.setString(3, e.officerKeyId());
            ins.setString(4, e.kind());
            ins.setString(5, e.details());
            ins.setBytes(6, e.prevHash());
            ins.setBytes(7, e.hash());
            ins.setBytes(8, e.mac());
            ins.executeUpdate();
        }
        try (PreparedStatement up = connection.prepareStatement(
                "MERGE INTO audit_head (id, seq, hash, mac) KEY (id) VALUES (1, ?, ?, ?)")) {
            up.setLong(1, e.seq());
            up.setBytes(2, e.hash());
            up.setBytes(3, headMac(e.seq(), e.hash()));
            up.executeUpdate();
        }
        if (e.seq() % CHECKPOINT_EVERY == 0) {
            writeCheckpoint(e.seq(), e.hash());
        }
    }

    // ---- reading -------------------------------------------------------------------------------------------

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

    /** The head record's sequence number and hash as stored (0 and zeros when there is none). */
    public AuditEntry.Head head() throws SQLException {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new AuditEntry.Head(rs.getLong(1), rs.getBytes(2))
                        : new AuditEntry.Head(0, GENESIS.clone());
            }
        }
    }

    /** The last entry stored: its sequence number and hash (0 and zeros when there is none). */
    public AuditEntry.Head lastStored() throws SQLException {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    byte[] h = rs.getBytes(2);
                    return new AuditEntry.Head(rs.getLong(1), h == null ? GENESIS.clone() : h);
                }
                return new AuditEntry.Head(0, GENESIS.clone());
            }
        }
    }

    /** The entry with this sequence number, as stored (not checked). */
    public Optional<AuditEntry> entry(long seq) throws SQLException {
        synchronized (connection) {
            List<AuditEntry> p = page(seq - 1, 1);
            return p.isEmpty() || p.get(0).seq() != seq ? Optional.empty() : Optional.of(p.get(0));
        }
    }

    /** Calls {@code action} for every entry in sequence order, reading in pages (no large result sets). */
    public void forEach(Consumer<AuditEntry> action) throws SQLException {
        forEachAfter(Long.MIN_VALUE, action);
    }

    /** Calls {@code action} for every entry after {@code seq}, in order. */
    public void forEachAfter(long seq, Consumer<AuditEntry> action) throws SQLException {
        synchronized (connection) {
            long after = seq;
            while (true) {
                List<AuditEntry> page = page(after, PAGE);
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

    private List<AuditEntry> page(long after, int limit) throws SQLException {
        List<AuditEntry> out = new ArrayList<>(Math.min(limit, PAGE));
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq, at, officer_key_id, kind, details, "
                + "prev_hash, hash, mac FROM audit_log WHERE seq > ? ORDER BY seq LIMIT " + limit)) {
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

    // ---- checking ------------------------------------------------------------------------------------------

    /**
     * Checks the whole chain: sequence numbers without gaps, each entry's hash and MAC, each link to the previous
     * entry, and the MAC'd head record against the last entry. Detects any edit, deletion (also at the end),
     * insertion or reordering, and names the first bad entry. Storage that cannot be read is reported as a bad
     * entry where reading stopped, never thrown.
     */
    public AuditVerification verify() {
        synchronized (connection) {
            return verifyFrom(0, GENESIS, true);
        }
    }

    /**
     * Checks the chain from the last checkpoint on: the checkpoint's MAC, that its entry is still the one it named,
     * then every later entry and the head record, as {@link #verify()} does. Falls back to the full check when there
     * is no usable checkpoint.
     */
    public AuditVerification verifySinceCheckpoint() {
        synchronized (connection) {
            Optional<AuditEntry.Head> cp;
            try {
                cp = lastCheckpoint();
            } catch (SQLException | RuntimeException e) {
                cp = Optional.empty();
            }
            if (cp.isEmpty()) {
                return verifyFrom(0, GENESIS, true);
            }
            long seq = cp.get().seq();
            AuditEntry at;
            try {
                at = entry(seq).orElse(null);
            } catch (SQLException | RuntimeException e) {
                return unreadable(0, seq, GENESIS, false);
            }
            if (at == null || !MessageDigest.isEqual(at.hash(), cp.get().hash())
                    || check(at, seq, at.prevHash()) != null) {
                return new AuditVerification(0, seq, Message.of("data.audit.problem.checkpoint", seq), seq,
                        cp.get().hash(), false);
            }
            return verifyFrom(seq, at.hash(), false);
        }
    }

    private AuditVerification verifyFrom(long startSeq, byte[] startHash, boolean full) {
        ChainCheck chain = new ChainCheck(startSeq, startHash, full);
        long after = startSeq == 0 ? Long.MIN_VALUE : startSeq;
        try {
            while (true) {
                List<AuditEntry> page = page(after, PAGE);
                for (AuditEntry e : page) {
                    if (!chain.accept(e)) {
                        return chain.finish();
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).seq();
            }
        } catch (SQLException | RuntimeException e) {
            return unreadable(chain.count, chain.expected, chain.prev, full);
        }
        return chain.finish();
    }

    /** A check of the whole chain that is fed the entries one by one, in order (backups check while copying). */
    public ChainCheck chainCheck() {
        return new ChainCheck(0, GENESIS, true);
    }

    /** Checks entries fed in sequence order, then the head record ({@link #finish()}). */
    public final class ChainCheck {
        private long expected;
        private byte[] prev;
        private long count;
        private final boolean full;
        private AuditVerification failed;
        private AuditEntry recordedBreak;

        private ChainCheck(long startSeq, byte[] startHash, boolean full) {
            this.expected = startSeq + 1;
            this.prev = startHash;
            this.full = full;
        }

        /** Checks the next entry; false (and nothing more is checked) once one fails. */
        public boolean accept(AuditEntry e) {
            if (failed != null) {
                return false;
            }
            count++;
            Message problem = check(e, expected, prev);
            if (problem != null) {
                failed = new AuditVerification(count, expected, problem, e.seq(),
                        e.hash() == null ? GENESIS : e.hash(), full);
                return false;
            }
            if (recordedBreak == null && e.details().contains("\"auditCheck\":\"BAD\"")) {
                recordedBreak = e;
            }
            prev = e.hash();
            expected = e.seq() + 1;
            return true;
        }

        /** The result: the first failure, else the head record checked against the last entry. */
        public AuditVerification finish() {
            if (failed != null) {
                return failed;
            }
            synchronized (connection) {
                return finishWithHead();
            }
        }

        private AuditVerification finishWithHead() {
            long last = expected - 1;
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT seq, hash, mac FROM audit_head WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    if (last == 0) {
                        return new AuditVerification(0, -1, null, 0, GENESIS, full);
                    }
                    return new AuditVerification(count, last, Message.of("data.audit.problem.headMissing"), last,
                            prev, full);
                }
                long headSeq = rs.getLong(1);
                byte[] headHash = rs.getBytes(2);
                byte[] headMac = rs.getBytes(3);
                if (headHash == null || headMac == null
                        || !MessageDigest.isEqual(headMac(headSeq, headHash), headMac)) {
                    return new AuditVerification(count, headSeq, Message.of("data.audit.problem.headMac"), last,
                            prev, full);
                }
                if (headSeq > last) {
                    return new AuditVerification(count, last + 1, Message.of("data.audit.problem.tailDeleted",
                            last + 1, headSeq), last, prev, full);
                }
                if (headSeq < last || !MessageDigest.isEqual(headHash, prev)) {
                    return new AuditVerification(count, headSeq < last ? headSeq + 1 : last, headSeq < last
                            ? Message.of("data.audit.problem.inserted", headSeq)
                            : Message.of("data.audit.problem.replaced"), last, prev, full);
                }
            } catch (SQLException | RuntimeException e) {
                return unreadable(count, last + 1, prev, full);
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
                return new AuditVerification(count, bad > 0 ? bad : recordedBreak.seq(),
                        Message.of("data.audit.problem.earlierBreak", recordedBreak.seq(), what), last, prev, full);
            }
            return new AuditVerification(count, -1, null, last, prev, full);
        }
    }

    private static AuditVerification unreadable(long count, long at, byte[] prev, boolean full) {
        return new AuditVerification(count, at, Message.of("data.audit.problem.unreadable", at), at - 1, prev, full);
    }

    /** Why the entry fails, or null when it is intact and follows {@code prev} at {@code expected}. */
    Message check(AuditEntry e, long expected, byte[] prev) {
        if (e.seq() != expected) {
            if (e.seq() > expected) {
                return e.seq() == expected + 1 ? Message.of("data.audit.problem.missingOne", expected, e.seq())
                        : Message.of("data.audit.problem.missingRange", expected, e.seq() - 1, e.seq());
            }
            return Message.of("data.audit.problem.outOfOrder", e.seq());
        }
        if (e.time() == null || e.officerKeyId() == null || e.kind() == null || e.details() == null
                || e.prevHash() == null || e.hash() == null || e.mac() == null) {
            return Message.of("data.audit.problem.fieldMissing");
        }
        byte[] recomputed = hash(e.seq(), e.time(), e.officerKeyId(), e.kind(), e.details(), e.prevHash());
        if (!MessageDigest.isEqual(recomputed, e.hash())) {
            return Message.of("data.audit.problem.hash");
        }
        if (!MessageDigest.isEqual(entryMac(e.hash()), e.mac())) {
            return Message.of("data.audit.problem.mac");
        }
        if (!MessageDigest.isEqual(prev, e.prevHash())) {
            return Message.of("data.audit.problem.link", e.seq() - 1);
        }
        return null;
    }

    /** Whether one entry, on its own, is intact (hash and MAC). */
    public boolean intact(AuditEntry e) {
        return e.seq() > 0 && check(e, e.seq(), e.prevHash() == null ? GENESIS : e.prevHash()) == null;
    }

    // ---- checkpoints ---------------------------------------------------------------------------------------

    /** Writes a checkpoint at the current head (after the chain up to it was checked). */
    public void checkpoint() throws SQLException {
        synchronized (connection) {
            AuditEntry.Head h = head();
            if (h.seq() == 0) {
                return;
            }
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                writeCheckpoint(h.seq(), h.hash());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        }
    }

    private void writeCheckpoint(long seq, byte[] hash) throws SQLException {
        if (!checkpointsTable) {
            return;
        }
        String at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
        try (PreparedStatement ps = connection.prepareStatement(
                "MERGE INTO audit_checkpoints (seq, hash, mac, at) KEY (seq) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setBytes(2, hash);
            ps.setBytes(3, checkpointMac(seq, hash, at));
            ps.setString(4, at);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (e.getErrorCode() == 42104 || e.getErrorCode() == 42102) {
                // an old schema being migrated: no checkpoints table yet
                checkpointsTable = false;
                return;
            }
            throw e;
        }
        try (PreparedStatement del = connection.prepareStatement("DELETE FROM audit_checkpoints WHERE seq < "
                + "(SELECT MIN(seq) FROM (SELECT seq FROM audit_checkpoints ORDER BY seq DESC LIMIT "
                + KEEP_CHECKPOINTS + "))")) {
            del.executeUpdate();
        }
    }

    /** The newest checkpoint whose MAC verifies. */
    Optional<AuditEntry.Head> lastCheckpoint() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT seq, hash, mac, at FROM audit_checkpoints ORDER BY seq DESC LIMIT " + (KEEP_CHECKPOINTS + 2));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                byte[] hash = rs.getBytes(2);
                byte[] m = rs.getBytes(3);
                String at = rs.getString(4);
                if (hash != null && m != null && at != null
                        && MessageDigest.isEqual(checkpointMac(seq, hash, at), m)) {
                    return Optional.of(new AuditEntry.Head(seq, hash));
                }
            }
        }
        return Optional.empty();
    }

    // ---- hashing -------------------------------------------------------------------------------------------

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
        synchronized (mac) {
            mac.update(MAC_DOMAIN);
            return mac.doFinal(hash);
        }
    }

    private byte[] headMac(long seq, byte[] hash) {
        synchronized (mac) {
            mac.update(HEAD_DOMAIN);
            mac.update(ByteBuffer.allocate(8).putLong(seq).array());
            return mac.doFinal(hash);
        }
    }

    private byte[] checkpointMac(long seq, byte[] hash, String at) {
        synchronized (mac) {
            mac.update(CHECKPOINT_DOMAIN);
            mac.update(ByteBuffer.allocate(8).putLong(seq).array());
            mac.update(hash);
            mac.update(at.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal();
        }
    }
}
