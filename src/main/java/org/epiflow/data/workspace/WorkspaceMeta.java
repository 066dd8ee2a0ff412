package org.epiflow.data.workspace;

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
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

/**
 * {@code workspace.meta}: the public facts needed to derive the workspace keys — format version, the officer's key
 * id, the KDF, the random salt — and a key-check value (an HKDF output under its own info string) that tells "wrong
 * identity" apart from "damaged database" without revealing any key. Nothing in it is secret; losing it loses the
 * salt and so the workspace.
 */
record WorkspaceMeta(int format, String officerKeyId, byte[] salt, byte[] keyCheck, String created) {
    static final String FILE = "workspace.meta";
    /** Written first when a workspace is created; renamed to {@link #FILE} once the database exists. */
    static final String NEW_FILE = "workspace.meta.new";
    static final int FORMAT = 1;
    static final String KDF = "HKDF-SHA256(x25519-secret, salt, info=epiflow/workspace/v1/*)";

    static WorkspaceMeta read(Path dir) throws IOException, WorkspaceException {
        return read(dir, FILE);
    }

    static WorkspaceMeta read(Path dir, String name) throws IOException, WorkspaceException {
        String text = Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        Properties p = new Properties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        }
        try {
            int format = Integer.parseInt(p.getProperty("format", "?"));
            if (format > FORMAT) {
                throw new WorkspaceException(WorkspaceException.Reason.NEWER_VERSION, "the workspace key file "
                        + dir.resolve(FILE) + " has format " + format + "; open it with a newer EpiFlow");
            }
            byte[] salt = Base64.getDecoder().decode(p.getProperty("salt", ""));
            byte[] check = HexFormat.of().parseHex(p.getProperty("keyCheck", ""));
            String keyId = p.getProperty("officerKeyId", "");
            if (salt.length != 32 || check.length != 32 || !keyId.matches("[0-9a-f]{16}")) {
                throw new IllegalArgumentException("bad field");
            }
            return new WorkspaceMeta(format, keyId, salt, check, p.getProperty("created", ""));
        } catch (IllegalArgumentException e) {
            throw new WorkspaceException(WorkspaceException.Reason.CORRUPTED, "the workspace key file "
                    + dir.resolve(FILE) + " is damaged (" + e.getMessage() + "). Without its salt the workspace "
                    + "cannot be decrypted: restore the whole workspace folder from a backup.", e);
        }
    }

    /** Writes atomically (temporary file, then rename) with owner-only permissions. */
    void write(Path dir, String name) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(format));
        p.setProperty("officerKeyId", officerKeyId);
        p.setProperty("kdf", KDF);
        p.setProperty("salt", Base64.getEncoder().encodeToString(salt));
        p.setProperty("keyCheck", HexFormat.of().formatHex(keyCheck));
        p.setProperty("created", created);
        StringWriter w = new StringWriter();
        p.store(w, "EpiFlow workspace keys: public salt and key check only (no secret). Do not edit; back up with "
                + "the database.");
        Path tmp = dir.resolve(name + ".tmp");
        Files.deleteIfExists(tmp);
        Files.writeString(tmp, w.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        WorkspaceLocation.ownerOnlyFile(tmp);
        try {
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
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
}
