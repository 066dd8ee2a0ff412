package org.epiflow.data.workspace;

import org.epiflow.data.AppDirectories;
import org.epiflow.text.Message;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

/**
 * {@code workspace.meta}: the public facts needed to derive the workspace keys — format version, the officer's key
 * id, the KDF, the random salt — and a key-check value (an HKDF output under its own info string) that tells "wrong
 * identity" apart from "damaged database" without revealing any key. From format 2 a {@code checksum} (SHA-256 over
 * the fields) tells a damaged key file apart from another officer's. Nothing in it is secret; every backup carries
 * a copy, so a lost or damaged key file is restored with the backup.
 */
record WorkspaceMeta(int format, String officerKeyId, byte[] salt, byte[] keyCheck, String created) {
    static final String FILE = "workspace.meta";
    /** Written first when a workspace is created; renamed to {@link #FILE} once the database exists. */
    static final String NEW_FILE = "workspace.meta.new";
    static final int FORMAT = 2;
    static final String KDF = "HKDF-SHA256(x25519-secret, salt, info=epiflow/workspace/v1/*)";

    static WorkspaceMeta read(Path dir) throws IOException, WorkspaceException {
        return read(dir, FILE);
    }

    static WorkspaceMeta read(Path dir, String name) throws IOException, WorkspaceException {
        byte[] raw = Files.readAllBytes(dir.resolve(name));
        return parse(new String(raw, StandardCharsets.ISO_8859_1), dir.resolve(name));
    }

    /** Reads the text of a key file (as written by {@link #text()}); {@code where} names it in messages. */
    static WorkspaceMeta parse(String text, Path where) throws WorkspaceException {
        Properties p = new Properties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw damaged(where, e);
        }
        int format;
        try {
            format = Integer.parseInt(p.getProperty("format", "?"));
        } catch (NumberFormatException e) {
            throw damaged(where, e);
        }
        try {
            byte[] salt = Base64.getDecoder().decode(p.getProperty("salt", ""));
            byte[] check = HexFormat.of().parseHex(p.getProperty("keyCheck", ""));
            String keyId = p.getProperty("officerKeyId", "");
            String created = p.getProperty("created", "");
            if (format >= 2) {
                String sum = p.getProperty("checksum", "");
                if (!MessageDigest.isEqual(sum.getBytes(StandardCharsets.US_ASCII),
                        checksum(format, keyId, salt, check, created).getBytes(StandardCharsets.US_ASCII))) {
                    throw damaged(where, null);
                }
            }
            if (format > FORMAT) {
                throw new WorkspaceException(WorkspaceException.Reason.NEWER_VERSION,
                        Message.of("data.workspace.meta.newer", where.toString(), format));
            }
            if (format < 1 || salt.length != 32 || check.length != 32 || !keyId.matches("[0-9a-f]{16}")) {
                throw damaged(where, null);
            }
            return new WorkspaceMeta(format, keyId, salt, check, created);
        } catch (IllegalArgumentException e) {
            throw damaged(where, e);
        }
    }

    private static WorkspaceException damaged(Path where, Exception cause) {
        return new WorkspaceException(WorkspaceException.Reason.CORRUPTED,
                Message.of("data.workspace.meta.damaged", where.toString()),
                WorkspaceException.adviceFor(WorkspaceException.Reason.CORRUPTED), cause);
    }

    /** The key file's text, with its checksum. */
    String text() {
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(FORMAT));
        p.setProperty("officerKeyId", officerKeyId);
        p.setProperty("kdf", KDF);
        p.setProperty("salt", Base64.getEncoder().encodeToString(salt));
        p.setProperty("keyCheck", HexFormat.of().formatHex(keyCheck));
        p.setProperty("created", created);
        p.setProperty("checksum", checksum(FORMAT, officerKeyId, salt, keyCheck, created));
        StringWriter w = new StringWriter();
        try {
            p.store(w, "EpiFlow workspace keys: public salt and key check only (no secret). Do not edit; every "
                    + "backup holds a copy.");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    /** The same facts, as the current format writes them. */
    WorkspaceMeta current() {
        return new WorkspaceMeta(FORMAT, officerKeyId, salt, keyCheck, created);
    }

    /** Writes atomically (temporary file forced to disk, then rename) with owner-only permissions. */
    void write(Path dir, String name) throws IOException {
        Path tmp = dir.resolve(name + ".tmp");
        Files.deleteIfExists(tmp);
        Files.writeString(tmp, text(), StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        AppDirectories.ownerOnlyFile(tmp);
        try {
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Renames {@link #NEW_FILE} to {@link #FILE} atomically: the creation of the workspace is complete. */
    static void commitNew(Path dir) throws IOException {
        try {
            Files.move(dir.resolve(NEW_FILE), dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(dir.resolve(NEW_FILE), dir.resolve(FILE));
        }
    }

    boolean sameKeys(WorkspaceMeta other) {
        return officerKeyId.equals(other.officerKeyId) && MessageDigest.isEqual(salt, other.salt)
                && MessageDigest.isEqual(keyCheck, other.keyCheck);
    }

    static String checksum(int format, String keyId, byte[] salt, byte[] check, String created) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String canonical = "epiflow-workspace-meta\n" + format + "\n" + keyId + "\n"
                    + Base64.getEncoder().encodeToString(salt) + "\n" + HexFormat.of().formatHex(check) + "\n"
                    + created + "\n";
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
