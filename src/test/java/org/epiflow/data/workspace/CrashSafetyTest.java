package org.epiflow.data.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.audit.AuditEntry;
import org.epiflow.data.audit.AuditJournal;
import org.epiflow.data.audit.AuditVerification;
import org.epiflow.text.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 and power cuts in the middle of writes. A child JVM ({@link CrashAppender}) goes round every write path
 * and is killed ({@code destroyForcibly}, SIGKILL) at a random moment; in a third of the rounds the database file is
 * then cut to a random length, and the journal to a random length past what was acknowledged (a power cut: what
 * was forced to disk stays, anything after may be lost). After each round the workspace must open, or be restored
 * from its newest backup, and then: the whole trail verifies, every entry acknowledged before the kill is there with
 * its hash, every acknowledged saved view is there or named as not in the workspace, every export file on disk is in
 * the trail with its SHA-256, and the full check finds nothing that needs a restore.
 *
 * <p>{@value #DEFAULT_ROUNDS} rounds in CI; the documented longer run is
 * {@code mvn -B -o test -Dtest=CrashSafetyTest -Depiflow.crash.rounds=120} (docs/workspace-and-audit.md), which
 * also asserts that every write path was interrupted at least once.
 */
class CrashSafetyTest {
    static final int DEFAULT_ROUNDS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private record Ack(long seq, String hash, long journalBytes) {
    }

    @Test
    void killsAndPowerCutsNeverLoseAnAcknowledgedEntry() throws Exception {
        int rounds = Integer.getInteger("epiflow.crash.rounds", DEFAULT_ROUNDS);
        long seed = Long.getLong("epiflow.crash.seed", 20240501L);
        Path dir = tmp.resolve("ws");
        Path exports = Files.createDirectories(tmp.resolve("exports"));
        Path idFile = tmp.resolve("officer.txt");
        Random rnd = new Random(seed);
        Set<String> interrupted = new TreeSet<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, String> views = new HashMap<>();
        Ack acked = new Ack(0, "", 0);
        try (AgeIdentity officer = AgeIdentity.generate()) {
            Files.writeString(idFile, new String(officer.toChars()) + "\n");
            Workspace.open(dir, officer).close();
            for (int round = 0; round < rounds; round++) {
                boolean powerCut = round % 3 == 2;
                List<String> lines = Collections.synchronizedList(new ArrayList<>());
                Process child = start(dir, idFile, exports, rnd.nextInt(CrashAppender.PATHS.size()), lines);
                waitFor(lines, "READY", child);
                Thread.sleep(30 + rnd.nextInt(700));
                assertThat(child.isAlive()).as("child still writing").isTrue();
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(50);
                String inFlight = "";
                synchronized (lines) {
                    for (String l : lines) {
                        String[] f = l.split(" ", 3);
                        switch (f[0]) {
                            case "ACK" -> {
                                String[] a = l.split(" ");
                                acked = new Ack(Long.parseLong(a[1]), a[2], Long.parseLong(a[3]));
                                inFlight = "";
                            }
                            case "BEGIN" -> inFlight = f[1];
                            case "VIEW" -> views.put(f[1], f[2]);
                            default -> { }
                        }
                    }
                }
                interrupted.add(inFlight);
                if (powerCut) {
                    cut(dir.resolve(Workspace.DB_FILE), 0, rnd);
                    cut(dir.resolve(AuditJournal.FILE), acked.journalBytes(), rnd);
                }
                String outcome = check(dir, officer, exports, acked, views, "round " + round + " (" + inFlight
                        + (powerCut ? ", power cut" : "") + ")");
                outcomes.merge(outcome, 1, Integer::sum);
            }
        }
        System.out.println("crash rounds " + rounds + " (seed " + seed + "): interrupted " + interrupted
                + "; outcomes " + outcomes);
        assertThat(acked.seq()).isGreaterThan(20);
        if (rounds >= 100) {
            assertThat(interrupted).containsAll(CrashAppender.PATHS);
        }
    }

    /** Opens (restoring the newest backup when the workspace is damaged) and checks everything; returns how. */
    private static String check(Path dir, AgeIdentity officer, Path exports, Ack acked, Map<String, String> views,
                                String round) throws Exception {
        Workspace.OpenOptions options = Workspace.OpenOptions.command("crash check").withCreateIfMissing(false)
                .withBackupOnClose(null);
        Workspace ws;
        String how;
        List<Message> notInWorkspace = new ArrayList<>();
        try {
            ws = Workspace.open(dir, officer, options);
            how = ws.openReport().recovery().entries() > 0 ? "opened, entries back from the journal" : "opened";
            notInWorkspace.addAll(ws.openReport().recovery().notInDatabase());
        } catch (WorkspaceException e) {
            assertThat(e.reason()).as(round + ": " + e.getMessage()).isEqualTo(WorkspaceException.Reason.CORRUPTED);
            assertThat(e.getMessage()).as(round).doesNotContain("Exception").doesNotContain("[9");
            WorkspaceRestore.Result r = WorkspaceRestore.restore(dir, officer, null, options);
            ws = r.workspace();
            notInWorkspace.addAll(r.restored().notInWorkspace());
            how = "restored";
        }
        try {
            WorkspaceCheck.Report report = ws.check();
            if (!report.needsRestore().isEmpty()) {
                ws.close();
                WorkspaceRestore.Result r = WorkspaceRestore.restore(dir, officer, null, options);
                ws = r.workspace();
                notInWorkspace.addAll(r.restored().notInWorkspace());
                how = "damage found, restored";
                report = ws.check();
            }
            assertThat(report.needsRestore()).as(round + " " + how).isEmpty();
            AuditVerification v = report.audit();
            assertThat(v.ok()).as(round + " " + how + ": " + v.summary()).isTrue();
            assertThat(v.headSeq()).as(round + " " + how + ": acknowledged entries kept").isGreaterThanOrEqualTo(
                    acked.seq());
            if (acked.seq() > 0) {
                AuditEntry at = ws.audit().entries().stream().filter(e -> e.seq() == acked.seq()).findFirst()
                        .orElseThrow();
                assertThat(at.hashHex()).as(round + ": the acknowledged entry itself").isEqualTo(acked.hash());
            }
            Map<String, String> stored = new LinkedHashMap<>();
            ws.views().list().forEach(sv -> stored.put(sv.name(), sv.json()));
            for (Map.Entry<String, String> e : views.entrySet()) {
                if (!e.getValue().equals(stored.get(e.getKey()))) {
                    assertThat(notInWorkspace).as(round + " " + how + ": view " + e.getKey() + " is named as lost")
                            .contains(Message.of("data.item.view", e.getKey()));
                }
            }
            Map<String, String> recorded = new HashMap<>();
            for (AuditEntry e : ws.audit().entries()) {
                if (e.kind().equals("EXPORT") && e.details().contains("\"file\"")) {
                    JsonNode d = JSON.readTree(e.details());
                    recorded.put(d.path("file").asText(), d.path("sha256").asText());
                }
            }
            try (Stream<Path> files = Files.list(exports)) {
                for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                    assertThat(recorded.get(f.getFileName().toString())).as(round + ": " + f.getFileName()
                            + " is in the trail").isEqualTo(ExportLog.sha256Hex(f));
                }
            }
            for (BundleCatalogue.Key k : ws.cache().keys()) {
                ws.cache().get(k);
            }
            assertThat(ws.damage().stream().filter(d -> !d.rebuilt() && d.area() != Damage.Area.AUDIT_JOURNAL))
                    .as(round + " " + how).isEmpty();
            // a loss named once is accepted: the next rounds expect what is stored now
            views.clear();
            views.putAll(stored);
            return how;
        } finally {
            ws.close();
        }
    }

    private static void cut(Path file, long atLeast, Random rnd) throws Exception {
        long size = Files.size(file);
        if (size <= atLeast) {
            return;
        }
        long to = atLeast + (long) (rnd.nextDouble() * (size - atLeast));
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(to);
        }
    }

    private static Process start(Path dir, Path idFile, Path exports, int first, List<String> lines)
            throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                CrashAppender.class.getName(), dir.toString(), idFile.toString(), exports.toString(),
                Integer.toString(first));
        pb.redirectErrorStream(true);
        Process child = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    lines.add(l);
                }
            } catch (java.io.IOException ignored) {
                // the child was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        return child;
    }

    private static void waitFor(List<String> lines, String prefix, Process child) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < until) {
            synchronized (lines) {
                if (lines.stream().anyMatch(l -> l.startsWith(prefix))) {
                    return;
                }
            }
            if (!child.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("child did not print " + prefix + ": " + String.join("\n", lines));
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
