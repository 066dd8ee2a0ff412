package org.epiflow.ui.session;

import org.epiflow.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole desktop session leaves no plaintext on disk: a child JVM (own temp and home folders) runs
 * {@link SessionWalkthrough} on a bundle whose region name is a unique canary — unlock (after a failed attempt),
 * open, cache, select, save view, risk run, preferences, recent list, lock, unlock from the cache, quit — and then
 * the work folder (workspace, pending unlocks, bundle), the temp folder, the home folder (Java preferences) and the
 * shared temp folder (files newer than the start) are scanned for the canary in UTF-8 and UTF-16: zero hits.
 */
class SessionNoPlaintextOnDiskTest {
    @TempDir
    Path dir;

    @Test
    void canaryNeverReachesTheDisk() throws Exception {
        String canary = "CANARY-" + UUID.randomUUID() + "-session";
        long start = System.currentTimeMillis() - 2000;
        Path work = dir.resolve("work");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path home = Files.createDirectories(dir.resolve("home"));
        ExternalTools.Result r = ExternalTools.run(SessionWalkthrough.command(work, canary, tmp, home), null,
                Duration.ofMinutes(4));
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout()).contains("WALKTHROUGH OK");
        assertThat(Files.list(work.resolve("workspaces")).toList()).isNotEmpty();
        List<Path> hits = new ArrayList<>();
        for (String enc : List.of("UTF-8", "UTF-16LE", "UTF-16BE")) {
            byte[] needle = canary.getBytes(java.nio.charset.Charset.forName(enc));
            scan(work, needle, 0, hits, "canary.epiflow");
            scan(tmp, needle, 0, hits, null);
            scan(home, needle, 0, hits, null);
            scan(Path.of(System.getProperty("java.io.tmpdir")), needle, start, hits, null);
        }
        assertThat(hits).as("files containing the canary").isEmpty();
        assertThat(canary.getBytes(StandardCharsets.UTF_8)).isNotEmpty();
    }

    private static void scan(Path root, byte[] needle, long since, List<Path> hits, String skipName)
            throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (p.getFileName().toString().equals(skipName)) {
                    continue;   // the sealed bundle itself: ciphertext, checked by NoPlaintextOnDiskTest
                }
                try {
                    if (Files.getLastModifiedTime(p).toMillis() >= since && Files.size(p) < 512L * 1024 * 1024
                            && indexOf(Files.readAllBytes(p), needle) >= 0) {
                        hits.add(p);
                    }
                } catch (IOException unreadable) {
                    // another process's file vanished or is unreadable
                }
            }
        } catch (java.io.UncheckedIOException vanished) {
            // a folder vanished while walking (another process)
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
