package org.epiflow.data.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Failed unlock attempts, kept until they can enter the audit chain.
 *
 * <p>A failed unlock happens before EpiFlow has the identity, so it has neither the workspace's database key nor its
 * audit MAC key, nor even the officer's key id (the identity file is encrypted). The attempt is therefore appended
 * as one JSON line to a small plaintext file {@code <pending dir>/<file id>.pending}, where the file id is the
 * first 16 bytes of SHA-256 over the (encrypted) identity file — it names the file without revealing anything in it.
 * The line holds the time, the identity file's name and the reason, nothing secret. At the next successful unlock of
 * the same identity file the workspace folds these lines into the chain as {@link AuditKind#UNLOCK_FAILED} entries
 * (marked {@code "pending": true}) and then deletes the file. Until folded they are not tamper-evident: someone with
 * write access to the user's folder could delete them (docs/workspace-and-audit.md says so).
 */
public final class PendingUnlockFailures {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path directory;
    private final Clock clock;

    public PendingUnlockFailures(Path directory) {
        this(directory, Clock.systemUTC());
    }

    public PendingUnlockFailures(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    /** One failed attempt as recorded. */
    public record Failure(String time, String identityFile, String reason) {
        /** The details written into the audit chain when folded. */
        public Map<String, Object> details() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("recordedAt", time);
            m.put("identityFile", identityFile);
            m.put("reason", reason);
            m.put("pending", true);
            return m;
        }
    }

    /**
     * Records a failed unlock of {@code identityFile} (appends one line and forces it to disk).
     *
     * @param identityFile the identity file that could not be unlocked
     * @param reason       why (e.g. "wrong passphrase"); no secrets
     */
    public void record(Path identityFile, String reason) throws IOException {
        Files.createDirectories(directory);
        if (posix()) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
        line.put("identityFile", String.valueOf(identityFile.getFileName()));
        line.put("reason", reason);
        byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = fileFor(identityFile);
        boolean created = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            if (created && posix()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** The failures recorded for this identity file, oldest first (a torn last line from a crash is skipped). */
    public List<Failure> pending(Path identityFile) throws IOException {
        List<Failure> out = new ArrayList<>();
        byte[] all;
        try {
            all = Files.readAllBytes(fileFor(identityFile));
        } catch (NoSuchFileException e) {
            return out;
        }
        for (String line : new String(all, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line);
                out.add(new Failure(n.path("time").asText(""), n.path("identityFile").asText(""),
                        n.path("reason").asText("")));
            } catch (IOException torn) {
                // a line cut short by a crash while recording: nothing usable in it
            }
        }
        return out;
    }

    /** Removes the pending file of this identity file once its failures are in the chain. */
    public void clear(Path identityFile) throws IOException {
        Files.deleteIfExists(fileFor(identityFile));
    }

    /** {@code <dir>/<first 16 bytes of SHA-256 of the identity file, hex>.pending}. */
    Path fileFor(Path identityFile) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(identityFile));
            return directory.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".pending");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean posix() {
        return directory.getFileSystem() == FileSystems.getDefault()
                && directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
