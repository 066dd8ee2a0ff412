package org.epiflow.data.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.epiflow.data.AppDirectories;
import org.epiflow.text.Message;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code workspace.lock}: held with an OS file lock while the workspace is open (released by the OS if the process
 * dies), and naming who holds it — an EpiFlow window or a command, its process id, since when — so that a second
 * window or command is told exactly that ("the workspace is open in another EpiFlow window"). The lock is taken on
 * a byte far past the text, so the text stays readable on systems with mandatory locks.
 */
final class WorkspaceLock implements AutoCloseable {
    static final String FILE = "workspace.lock";
    private static final long LOCK_BYTE = 1L << 30;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FileChannel channel;
    private final FileLock lock;

    /**
     * Who holds the workspace.
     *
     * @param kind    {@code window} or {@code command}
     * @param command for a command, its name ("export", "audit verify")
     */
    record Holder(String kind, String command) {
        static Holder window() {
            return new Holder("window", "");
        }

        static Holder command(String name) {
            return new Holder("command", name == null ? "" : name);
        }
    }

    private WorkspaceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of the workspace in {@code dir}, or says who has it ({@code LOCKED}). */
    static WorkspaceLock acquire(Path dir, Holder me) throws IOException, WorkspaceException {
        Path file = dir.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        boolean ok = false;
        try {
            AppDirectories.ownerOnlyFile(file);
            FileLock l;
            try {
                l = ch.tryLock(LOCK_BYTE, 1, false);
            } catch (OverlappingFileLockException inThisProcess) {
                l = null;
            }
            if (l == null) {
                throw locked(dir, read(ch));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", me.kind());
            m.put("command", me.command());
            m.put("pid", ProcessHandle.current().pid());
            m.put("since", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            byte[] text = JSON.writeValueAsBytes(m);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(text), 0);
            ok = true;
            return new WorkspaceLock(ch, l);
        } finally {
            if (!ok) {
                ch.close();
            }
        }
    }

    private static JsonNode read(FileChannel ch) {
        try {
            long size = Math.min(ch.size(), 4096);
            ByteBuffer b = ByteBuffer.allocate((int) size);
            while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
                // reading
            }
            return JSON.readTree(new String(b.array(), 0, b.position(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static WorkspaceException locked(Path dir, JsonNode holder) {
        Message what;
        if (holder == null || !holder.isObject()) {
            what = Message.of("data.workspace.locked.unknown", dir.toString());
        } else {
            long pid = holder.path("pid").asLong(-1);
            Date since;
            try {
                since = Date.from(Instant.parse(holder.path("since").asText("")));
            } catch (RuntimeException e) {
                since = null;
            }
            String kind = holder.path("kind").asText("");
            String command = holder.path("command").asText("");
            if (since == null || pid < 0) {
                what = Message.of("data.workspace.locked.unknown", dir.toString());
            } else if ("command".equals(kind)) {
                what = Message.of("data.workspace.locked.command", command, pid, since);
            } else {
                what = Message.of("data.workspace.locked.window", pid, since);
            }
        }
        return new WorkspaceException(WorkspaceException.Reason.LOCKED, what);
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
