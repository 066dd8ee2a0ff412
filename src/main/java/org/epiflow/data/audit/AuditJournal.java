package org.epiflow.data.audit;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail's journal, a file beside the database ({@value #FILE}) that outlives damage to it.
 *
 * <p>Every entry, once the transaction that wrote it has committed, is appended here and the file is forced to disk
 * before the action it records is reported done: this is the point at which an entry is <em>acknowledged</em>. If
 * the database later loses its last commits (a power cut, a truncated file) or must be restored from a backup, the
 * workspace brings the missing entries back from the journal (they still chain onto the database's head). The
 * journal is pruned to the entries after the oldest kept backup whenever a backup is written.
 *
 * <p>Format: a header {@code "EPIFLOW-AUDIT-JOURNAL-1\n" || officer key id (16 hex) || "\n"}, then records
 * {@code u32 len || u64 seq || 12-byte nonce || AES-256-GCM(entry) || u32 len} (the length repeated at the end so
 * the last entry can be read from the end of the file). The entry plaintext is the length-prefixed time, key id,
 * kind and details, then the previous hash, hash and MAC; the associated data is the domain string and the sequence
 * number. The key comes from the officer's identity; without it the journal reveals only how many entries there are.
 *
 * <p>Not thread-safe: the workspace calls it under its connection lock.
 */
public final class AuditJournal implements AutoCloseable {
    /** File name in the workspace folder. */
    public static final String FILE = "audit.journal";
    static final byte[] MAGIC = "EPIFLOW-AUDIT-JOURNAL-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AAD_DOMAIN = "EPIFLOW-AUDIT-JOURNAL-V1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 17;
    private static final int NONCE = 12;
    private static final int TAG = 16;
    /** Largest record body accepted (details are at most {@link AuditLog#MAX_DETAILS} characters). */
    private static final int MAX_BODY = 8 + NONCE + TAG + 4 * 4 + 40 + 16 + 40 + AuditLog.MAX_DETAILS * 4 + 96;

    /** What was found wrong with the journal when it was opened. */
    public enum Problem {
        /** Nothing. */
        NONE,
        /** The last entry was cut short (a crash while writing it, before it was acknowledged): dropped. */
        TORN_TAIL,
        /** Entries that do not decrypt (damaged) were found; the readable ones are kept. */
        DAMAGED_ENTRIES,
        /** The journal was missing and was started again. */
        MISSING,
        /** The file is not this officer's journal or its header is damaged: moved aside, a new one started. */
        REPLACED
    }

    private final Path file;
    private final SecretKeySpec key;
    private final String officerKeyId;
    private final SecureRandom random = new SecureRandom();
    private FileChannel channel;
    private Problem problem = Problem.NONE;
    private int damagedRecords;
    private Path movedAside;

    private AuditJournal(Path file, byte[] key, String officerKeyId) {
        this.file = file;
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.officerKeyId = officerKeyId;
    }

    /**
     * Opens the journal {@code file}, creating it if missing; a torn last record is cut off, a foreign or damaged
     * file moved aside ({@link #problem()} tells). The caller wipes {@code key}.
     *
     * @param expectExisting whether the workspace already existed (a missing journal is then worth reporting)
     */
    public static AuditJournal open(Path file, byte[] key, String officerKeyId, boolean expectExisting)
            throws IOException {
        AuditJournal j = new AuditJournal(file, key, officerKeyId);
        j.openFile(expectExisting);
        return j;
    }

    private void openFile(boolean expectExisting) throws IOException {
        if (!Files.exists(file)) {
            create();
            if (expectExisting) {
                problem = Problem.MISSING;
            }
            return;
        }
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        ownerOnly(file);
        if (!headerOk()) {
            channel.close();
            moveAside();
            create();
            problem = Problem.REPLACED;
            return;
        }
        long size = channel.size();
        long lastStart = size > HEADER ? lastRecordAt(size) : HEADER;
        Rec lastRec = size > HEADER && lastStart >= 0 ? readRecordOrNull(lastStart) : null;
        if (size > HEADER && (lastRec == null || lastRec.entry == null)) {
            Scan s = scan();
            damagedRecords = s.damaged;
            if (s.end < size) {
                boolean torn = size - s.end < 8 || !framedRecordAt(s.end, size);
                if (!torn || s.damaged > 0) {
                    copyAside();
                }
                channel.truncate(s.end);
                channel.force(true);
            }
            problem = s.damaged > 0 ? Problem.DAMAGED_ENTRIES : Problem.TORN_TAIL;
        }
        channel.position(channel.size());
    }

    private void create() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ownerOnly(tmp);
            writeFully(c, ByteBuffer.wrap(header()));
            c.force(true);
        }
        move(tmp, file);
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.position(channel.size());
    }

    private byte[] header() {
        ByteBuffer b = ByteBuffer.allocate(HEADER);
        b.put(MAGIC).put(officerKeyId.getBytes(StandardCharsets.US_ASCII)).put((byte) '\n');
        return b.array();
    }

    private boolean headerOk() throws IOException {
        if (channel.size() < HEADER) {
            return false;
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER);
        readFully(0, b);
        return Arrays.equals(b.array(), header());
    }

    /** What was found wrong at open. */
    public Problem problem() {
        return problem;
    }

    /** Records found damaged at open (their entries cannot be brought back from the journal). */
    public int damagedRecords() {
        return damagedRecords;
    }

    /** Where a damaged or foreign journal was moved or copied, if it was. */
    public Optional<Path> movedAside() {
        return Optional.ofNullable(movedAside);
    }

    /** Appends entries and forces them to disk (one write, one flush). */
    public void append(List<AuditEntry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (AuditEntry e : entries) {
            out.write(record(e));
        }
        writeFully(channel, ByteBuffer.wrap(out.toByteArray()));
        channel.force(false);
    }

    /** The last entry, if any. */
    public Optional<AuditEntry> last() throws IOException {
        long pos = channel.size();
        while (pos > HEADER) {
            long start = lastRecordAt(pos);
            if (start < 0) {
                List<AuditEntry> all = scan().entries;
                return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
            }
            Rec r = readRecord(start);
            if (r.entry != null) {
                return Optional.of(r.entry);
            }
            pos = start;
        }
        return Optional.empty();
    }

    /** The first entry's sequence number (0 when empty). */
    public long firstSeq() throws IOException {
        if (channel.size() <= HEADER) {
            return 0;
        }
        Rec r = readRecordOrNull(HEADER);
        if (r != null && r.entry != null) {
            return r.entry.seq();
        }
        List<AuditEntry> all = scan().entries;
        return all.isEmpty() ? 0 : all.get(0).seq();
    }

    /**
     * The readable entries with a sequence number above {@code seq}, in order (read from the end of the file; the
     * whole file is scanned only if a record's framing is damaged).
     */
    public List<AuditEntry> after(long seq) throws IOException {
        List<AuditEntry> out = new ArrayList<>();
        long pos = channel.size();
        while (pos > HEADER) {
            long start = lastRecordAt(pos);
            if (start < 0) {
                return scan().entries.stream().filter(e -> e.seq() > seq).toList();
            }
            Rec r = readRecord(start);
            if (r.seq <= seq) {
                break;
            }
            if (r.entry != null) {
                out.add(r.entry);
            }
            pos = start;
        }
        Collections.reverse(out);
        return out;
    }

    /** The entry with this sequence number, if the journal holds it. */
    public Optional<AuditEntry> entry(long seq) throws IOException {
        long pos = channel.size();
        while (pos > HEADER) {
            long start = lastRecordAt(pos);
            if (start < 0) {
                return scan().entries.stream().filter(e -> e.seq() == seq).findFirst();
            }
            Rec r = readRecord(start);
            if (r.seq == seq) {
                return Optional.ofNullable(r.entry);
            }
            if (r.seq < seq) {
                return Optional.empty();
            }
            pos = start;
        }
        return Optional.empty();
    }

    /** Rewrites the journal with only the entries after {@code seq} (atomically: new file, then rename). */
    public void keepOnlyAfter(long seq) throws IOException {
        List<AuditEntry> keep = after(seq);
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ownerOnly(tmp);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(header());
            for (AuditEntry e : keep) {
                out.write(record(e));
            }
            writeFully(c, ByteBuffer.wrap(out.toByteArray()));
            c.force(true);
        }
        channel.close();
        move(tmp, file);
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.position(channel.size());
    }

    /** Bytes in the journal. */
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    // ---- records -------------------------------------------------------------------------------------------

    private record Rec(long seq, AuditEntry entry, long end) {
    }

    private record Scan(List<AuditEntry> entries, int damaged, long end) {
    }

    private byte[] record(AuditEntry e) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        lp(plain, e.time());
        lp(plain, e.officerKeyId());
        lp(plain, e.kind());
        lp(plain, e.details());
        plain.write(e.prevHash());
        plain.write(e.hash());
        plain.write(e.mac());
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        byte[] pt = plain.toByteArray();
        byte[] ct;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce));
            c.updateAAD(aad(e.seq()));
            ct = c.doFinal(pt);
        } catch (GeneralSecurityException x) {
            throw new IllegalStateException("AES-GCM unavailable", x);
        } finally {
            Arrays.fill(pt, (byte) 0);
        }
        int len = 8 + NONCE + ct.length;
        return ByteBuffer.allocate(4 + len + 4).putInt(len).putLong(e.seq()).put(nonce).put(ct).putInt(len).array();
    }

    private static byte[] aad(long seq) {
        return ByteBuffer.allocate(AAD_DOMAIN.length + 8).put(AAD_DOMAIN).putLong(seq).array();
    }

    /** Start of the intact record that ends at {@code end}, or -1 if the framing there is not intact. */
    private long lastRecordAt(long end) throws IOException {
        if (end - HEADER < 8 + 8 + NONCE + TAG) {
            return -1;
        }
        ByteBuffer t = ByteBuffer.allocate(4);
        readFully(end - 4, t);
        int len = t.getInt(0);
        long start = end - 4 - (long) len - 4;
        if (len < 8 + NONCE + TAG || len > MAX_BODY || start < HEADER) {
            return -1;
        }
        ByteBuffer h = ByteBuffer.allocate(4);
        readFully(start, h);
        return h.getInt(0) == len ? start : -1;
    }

    private boolean framedRecordAt(long start, long size) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(4);
        if (start + 4 > size) {
            return false;
        }
        readFully(start, h);
        int len = h.getInt(0);
        return len >= 8 + NONCE + TAG && len <= MAX_BODY && start + 4 + len + 4 <= size;
    }

    /** The record at {@code start} (framing already checked); its entry is null if it does not decrypt. */
    private Rec readRecord(long start) throws IOException {
        Rec r = readRecordOrNull(start);
        if (r == null) {
            throw new IOException("journal record framing changed while reading");
        }
        return r;
    }

    private Rec readRecordOrNull(long start) throws IOException {
        long size = channel.size();
        if (!framedRecordAt(start, size)) {
            return null;
        }
        ByteBuffer h = ByteBuffer.allocate(4);
        readFully(start, h);
        int len = h.getInt(0);
        ByteBuffer body = ByteBuffer.allocate(len + 4);
        readFully(start + 4, body);
        body.flip();
        if (body.getInt(len) != len) {
            return null;
        }
        long seq = body.getLong();
        byte[] nonce = new byte[NONCE];
        body.get(nonce);
        byte[] ct = new byte[len - 8 - NONCE];
        body.get(ct);
        return new Rec(seq, decrypt(seq, nonce, ct), start + 4 + len + 4);
    }

    private AuditEntry decrypt(long seq, byte[] nonce, byte[] ct) {
        byte[] pt = null;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce));
            c.updateAAD(aad(seq));
            pt = c.doFinal(ct);
            ByteBuffer b = ByteBuffer.wrap(pt);
            String time = lp(b);
            String keyId = lp(b);
            String kind = lp(b);
            String details = lp(b);
            byte[] prev = new byte[32];
            byte[] hash = new byte[32];
            byte[] mac = new byte[32];
            b.get(prev).get(hash).get(mac);
            if (b.hasRemaining()) {
                return null;
            }
            return new AuditEntry(seq, time, keyId, kind, details, prev, hash, mac);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        } finally {
            if (pt != null) {
                Arrays.fill(pt, (byte) 0);
            }
        }
    }

    /** Every record from the start: readable entries, records that do not decrypt, and where intact framing ends. */
    private Scan scan() throws IOException {
        List<AuditEntry> entries = new ArrayList<>();
        int damaged = 0;
        long pos = HEADER;
        long size = channel.size();
        while (pos < size) {
            Rec r = readRecordOrNull(pos);
            if (r == null) {
                break;
            }
            if (r.entry == null) {
                damaged++;
            } else {
                entries.add(r.entry);
            }
            pos = r.end;
        }
        return new Scan(entries, damaged, pos);
    }

    private static void lp(ByteArrayOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(ByteBuffer.allocate(4).putInt(b.length).array());
        out.write(b);
    }

    private static String lp(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new IllegalArgumentException("bad length");
        }
        byte[] s = new byte[n];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    // ---- files ---------------------------------------------------------------------------------------------

    private void readFully(long pos, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            int n = channel.read(b, pos + b.position());
            if (n < 0) {
                throw new IOException("unexpected end of the audit journal");
            }
        }
    }

    private static void writeFully(FileChannel c, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            c.write(b);
        }
    }

    private void moveAside() throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
        Files.move(file, aside);
        movedAside = aside;
    }

    private void copyAside() throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
        Files.copy(file, aside, StandardCopyOption.REPLACE_EXISTING);
        ownerOnly(aside);
        movedAside = aside;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void ownerOnly(Path p) throws IOException {
        if (p.getFileSystem() == FileSystems.getDefault()
                && p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
