package org.epiflow.bench;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.data.audit.AuditVerification;
import org.epiflow.data.workspace.Workspace;
import org.epiflow.data.workspace.WorkspaceBackups;
import org.epiflow.data.workspace.WorkspaceCheck;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The workspace with a long audit trail (issue 16 item 6): opening with N entries (checks only since the last MAC'd
 * checkpoint; goal <= 300 ms at 100,000), one durable audit append (in the database, then forced to the journal on
 * disk; goal p99 <= 10 ms), and, on demand, the full chain verification, the full check of every record and a
 * backup, in a temporary folder.
 */
public final class WorkspaceBench {
    private final int entries;
    private final int appends;
    private final int runs;

    public WorkspaceBench(int entries, int appends, int runs) {
        this.entries = entries;
        this.appends = appends;
        this.runs = runs;
    }

    public void run(PrintWriter out) throws Exception {
        Path tmp = Files.createTempDirectory("epiflow-bench-ws-");
        Path dir = tmp.resolve("ws");
        Workspace.OpenOptions noBackup = Workspace.OpenOptions.defaults().withBackupOnClose(null);
        try (AgeIdentity officer = AgeIdentity.generate()) {
            long t0 = System.nanoTime();
            Workspace.open(dir, officer, noBackup).close();
            out.printf("create workspace (cold, first in this JVM): %.0f ms%n", Stats.ms(t0));

            List<Double> times = new ArrayList<>();
            try (Workspace ws = Workspace.open(dir, officer, noBackup)) {
                for (int i = 0; i < appends + 200; i++) {
                    long s = System.nanoTime();
                    ws.audit().append(AuditKind.EXPORT, Map.of("file", "map-" + i + ".png", "format", "png",
                            "sha256", "0f".repeat(32)));
                    if (i >= 200) {
                        times.add(Stats.ms(s));
                    }
                }
                out.printf("audit append, durable (database commit, then the journal forced to disk before it "
                                + "returns): median %.3f ms, p99 %.3f ms, max %.3f ms over %,d (goal p99 <= 10)%n",
                        Stats.median(times), Stats.percentile(times, 0.99), times.stream().mapToDouble(d -> d).max()
                                .orElse(0), appends);
                long have = ws.audit().size();
                long fill = System.nanoTime();
                List<Map<String, ?>> batch = new ArrayList<>();
                for (long n = have; n < entries; n++) {
                    batch.add(Map.of("file", "map-" + n + ".png", "format", "png", "sha256", "0f".repeat(32)));
                    if (batch.size() == 1000 || n == entries - 1) {
                        ws.audit().appendAll(AuditKind.EXPORT, batch);
                        batch.clear();
                    }
                }
                out.printf("filled the trail to %,d entries in %.1f s (batches of 1,000)%n", ws.audit().size(),
                        Stats.ms(fill) / 1000);
            }
            List<Double> opens = new ArrayList<>();
            AuditVerification atOpen = null;
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                Workspace ws = Workspace.open(dir, officer, noBackup);
                opens.add(Stats.ms(s));
                atOpen = ws.openReport().audit();
                ws.close();
            }
            out.printf("open workspace with that trail (keys, H2 open, migrations check, journal tail, trail checked "
                    + "since the last checkpoint, open entries written and forced, purge check): median %.0f ms of %s "
                    + "(goal <= 300); %s%n", Stats.median(opens), Stats.list(opens), atOpen.summary());
            try (Workspace ws = Workspace.open(dir, officer, noBackup)) {
                List<Double> verifies = new ArrayList<>();
                AuditVerification v = null;
                for (int i = 0; i < Math.min(runs, 3); i++) {
                    long s = System.nanoTime();
                    v = ws.audit().verify();
                    verifies.add(Stats.ms(s));
                }
                out.printf("full verification of %,d entries (on demand; audit verify, workspace check): median %.0f "
                        + "ms of %s; %s%n", v.entries(), Stats.median(verifies), Stats.list(verifies), v.ok() ? "OK"
                        : v.summary());
                long s = System.nanoTime();
                WorkspaceCheck.Report r = ws.check();
                out.printf("workspace check (every record and the whole chain): %.0f ms, %s%n", Stats.ms(s),
                        r.ok() ? "OK" : r.damage().size() + " damaged");
                s = System.nanoTime();
                WorkspaceBackups.Written w = ws.backups().write();
                out.printf("backup (every row checked while copied, encrypted; written at close and daily): %.0f ms, "
                        + "%,d bytes%n", Stats.ms(s), w.backup().orElseThrow().size());
            }
            out.printf("database file: %,d bytes; journal: %,d bytes%n", Files.size(dir.resolve("workspace.mv.db")),
                    Files.size(dir.resolve("audit.journal")));
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
