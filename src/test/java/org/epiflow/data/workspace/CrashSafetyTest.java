package org.epiflow.data.workspace;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.audit.AuditVerification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 in the middle of writes: a child JVM writes to the workspace in a loop and is killed
 * ({@code destroyForcibly}) at random moments — sometimes while it is still opening — 24 times; after each kill
 * the workspace must open and its audit chain verify, with no entry lost that a later open had seen.
 */
class CrashSafetyTest {
    @TempDir
    Path tmp;

    @Test
    void killedWriterNeverCorruptsTheDatabaseOrBreaksTheChain() throws Exception {
        Path dir = tmp.resolve("ws");
        Path idFile = tmp.resolve("officer.txt");
        Random rnd = new Random(20240501);
        try (AgeIdentity officer = AgeIdentity.generate()) {
            Files.writeString(idFile, new String(officer.toChars()) + "\n");
            Workspace.open(dir, officer).close();
            long lastCount = 0;
            int killedWhileWriting = 0;
            for (int round = 0; round < 24; round++) {
                ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                        CrashAppender.class.getName(), dir.toString(), idFile.toString());
                pb.redirectErrorStream(true);
                Process child = pb.start();
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                boolean early = round % 6 == 5;
                if (early) {
                    // kill during start-up / open / the first writes
                    Thread.sleep(200 + rnd.nextInt(600));
                } else {
                    CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
                        try {
                            String line;
                            while ((line = out.readLine()) != null) {
                                if (line.startsWith("READY")) {
                                    return line;
                                }
                            }
                            return "EOF";
                        } catch (java.io.IOException e) {
                            return "EOF " + e;
                        }
                    });
                    String line = ready.get(60, TimeUnit.SECONDS);
                    assertThat(line).as("child output").startsWith("READY");
                    Thread.sleep(20 + rnd.nextInt(400));
                    assertThat(child.isAlive()).as("child still writing").isTrue();
                    killedWhileWriting++;
                }
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                try (Workspace ws = Workspace.open(dir, officer)) {
                    AuditVerification v = ws.openReport().audit();
                    assertThat(v.ok()).as("round " + round + ": " + v.summary()).isTrue();
                    assertThat(v.entries()).as("round " + round).isGreaterThanOrEqualTo(lastCount);
                    lastCount = v.entries() + 1;
                    for (String bundle : ws.cachedBundles()) {
                        assertThat(ws.cachedDataset(bundle)).isPresent();
                    }
                }
            }
            assertThat(killedWhileWriting).isGreaterThanOrEqualTo(20);
            assertThat(lastCount).isGreaterThan(100);
        }
    }
}
