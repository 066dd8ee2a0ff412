package org.epiflow.data.workspace;

import org.epiflow.data.audit.AuditKind;
import org.epiflow.text.Message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The export history, and how an export is made so that no file leaves the workstation unrecorded:
 * {@link #publish} writes into a temporary file in the target's folder, records the export with the file's SHA-256
 * in the trail (on disk before it goes on), and only then moves the file into place, atomically. If writing,
 * recording or moving fails, the temporary file is deleted and the target is left as it was.
 */
public final class ExportLog {
    static final String TABLE = "exports";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Tx tx;

    ExportLog(Tx tx) {
        this.tx = tx;
    }

    /** An export as stored. */
    public record ExportRecord(long id, String fileName, String format, String sha256, String bundleId,
                               Instant exportedAt, long version, byte[] mac) {
    }

    /** Writes an export into the file it is given (a temporary file beside the target, with the same extension). */
    @FunctionalInterface
    public interface Writer<R, X extends Exception> {
        R write(Path file) throws X, IOException;
    }

    /** What {@link #publish} made: the writer's result and the record in the export history. */
    public record Published<R>(R result, ExportRecord record, Path file) {
    }

    /**
     * Record-before-publish (see the class comment).
     *
     * @param target   where the export goes (replaced if it exists)
     * @param format   e.g. "png", "audit-pdf"
     * @param bundleId the bundle it shows (null for none)
     * @param writer   writes the export into the file given
     * @throws WorkspaceException when the trail cannot record it: then nothing is published
     */
    public <R, X extends Exception> Published<R> publish(Path target, String format, String bundleId,
                                                         Writer<R, X> writer) throws WorkspaceException, IOException, X {
        Path abs = target.toAbsolutePath().normalize();
        Path tmp = temporaryFor(abs);
        boolean published = false;
        try {
            R result = writer.write(tmp);
            if (!Files.isRegularFile(tmp)) {
                throw new IOException("the export was not written");
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            ExportRecord rec = record(abs.getFileName().toString(), tmp, format, bundleId);
            try {
                move(tmp, abs);
            } catch (IOException moveFailed) {
                abort(abs, rec, moveFailed);
                throw moveFailed;
            }
            published = true;
            return new Published<>(result, rec, abs);
        } finally {
            if (!published) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** A temporary name in the target's folder: hidden, random, ending in the target's extension. */
    static Path temporaryFor(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        byte[] r = new byte[6];
        RANDOM.nextBytes(r);
        return target.resolveSibling("." + stem + ".unrecorded-" + HexFormat.of().formatHex(r) + ext);
    }

    /**
     * Records a file already written (hashed now) in the export history with an {@code EXPORT} entry. Prefer
     * {@link #publish}: with this the file exists before it is recorded.
     */
    public ExportRecord record(Path file, String format, String bundleId) throws WorkspaceException, IOException {
        return record(String.valueOf(file.getFileName()), file, format, bundleId);
    }

    private ExportRecord record(String name, Path file, String format, String bundleId)
            throws WorkspaceException, IOException {
        String sha = sha256Hex(file);
        long bytes = Files.size(file);
        return tx.write(Message.of("data.store.exports"), Tx.Durability.JOURNAL, () -> {
            ExportRecord r = new ExportRecord(tx.nextId(TABLE, "id"), name, format, sha, bundleId, tx.now(), 1, null);
            byte[] mac = macOf(tx.mac, r).mac();
            try (PreparedStatement ins = tx.connection.prepareStatement("INSERT INTO " + TABLE + " (id, file_name, "
                    + "format, sha256, bundle_id, exported_at, row_version, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ins.setLong(1, r.id());
                ins.setString(2, name);
                ins.setString(3, format);
                ins.setString(4, sha);
                ins.setString(5, bundleId);
                ins.setObject(6, Tx.utc(r.exportedAt()));
                ins.setLong(7, 1);
                ins.setBytes(8, mac);
                ins.executeUpdate();
            }
            tx.digests.change(tx.connection, TABLE, null, mac);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("exportId", r.id());
            d.put("file", name);
            d.put("format", format);
            d.put("sha256", sha);
            d.put("bytes", bytes);
            d.put("bundleId", bundleId == null ? "" : bundleId);
            tx.audit.appendWithinTransaction(AuditKind.EXPORT, d);
            return new ExportRecord(r.id(), name, format, sha, bundleId, r.exportedAt(), 1, mac);
        });
    }

    private void abort(Path target, ExportRecord rec, IOException why) {
        try {
            tx.write(Message.of("data.store.exports"), Tx.Durability.JOURNAL, () -> {
                tx.audit.appendWithinTransaction(AuditKind.EXPORT_ABORTED, Map.of("exportId", rec.id(), "file",
                        String.valueOf(target.getFileName()), "reason", String.valueOf(why.getMessage())));
                return null;
            });
        } catch (WorkspaceException ignored) {
            // the move failure is reported to the caller
        }
    }

    /** The exports made, in order (damaged records are reported and left out). */
    public List<ExportRecord> list() throws WorkspaceException {
        return tx.read(Message.of("data.store.exports"), () -> tx.scan(Damage.Area.EXPORTS, TABLE,
                Message.of("data.list.exports"), "SELECT id, file_name, format, sha256, bundle_id, exported_at, "
                        + "row_version, mac FROM " + TABLE + " ORDER BY id", rs -> {
                    ExportRecord r = new ExportRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), Tx.instant(rs, "exported_at"), rs.getLong(7),
                            rs.getBytes(8));
                    return new Tx.Row<>(r, "id" + r.id(), Message.of("data.item.export", String.valueOf(r.fileName())),
                            r.mac(), macOf(tx.mac, r).matches(r.mac()));
                }, r -> new Damage(Damage.Area.EXPORTS, r.key(), r.name(), Message.of("data.damage.record.effect"),
                        false)));
    }

    static RecordMac.Builder macOf(RecordMac mac, ExportRecord r) {
        return mac.of(TABLE, Long.toString(r.id()), r.version()).addAll(r.fileName(), r.format(), r.sha256(),
                r.bundleId(), r.exportedAt());
    }

    static byte[] macOfRow(RecordMac mac, ResultSet rs) throws SQLException {
        return macOf(mac, new ExportRecord(rs.getLong("id"), rs.getString("file_name"), rs.getString("format"),
                rs.getString("sha256"), rs.getString("bundle_id"), Tx.instant(rs, "exported_at"),
                rs.getLong("row_version"), null)).mac();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String sha256Hex(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For {@link InputStream}-free callers: hex SHA-256 of bytes. */
    static String sha256Hex(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
