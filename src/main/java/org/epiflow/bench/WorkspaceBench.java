package org.epiflow.bench;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.data.audit.AuditVerification;
import org.epiflow.data.workspace.Workspace;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Times opening the encrypted workspace, one audit append and verifying an audit trail of N entries. */
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
        try (AgeIdentity officer = AgeIdentity.generate()) {
            long t0 = System.nanoTime();
            Workspace.open(dir, officer).close();
            out.printf("create workspace (cold, first in this JVM): %.0f ms%n", Stats.ms(t0));
            List<Double> opens = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                Workspace ws = Workspace.open(dir, officer);
                opens.add(Stats.ms(s));
                ws.close();
            }
            out.printf("open workspace (small trail; key derivation, H2 open, migrations check, audit verify, "
                    + "open entry, purge check): median %.0f ms of %s (goal <= 300)%n", Stats.median(opens), Stats.list(opens));

            List<Double> times = new ArrayList<>();
            try (Workspace ws = Workspace.open(dir, officer)) {
                for (int i = 0; i < appends + 200; i++) {
                    long s = System.nanoTime();
                    ws.audit().append(AuditKind.EXPORT, Map.of("file", "map-" + i + ".png", "format", "png",
                            "sha256", "0f".repeat(32)));
                    if (i >= 200) {
                        times.add(Stats.ms(s));
                    }
                }
                Collections.sort(times);
                out.printf("audit append (own transaction, committed to the file): median %.3f ms, mean %.3f ms, "
                                + "p99 %.3f ms over %,d (goal <= 2)%n", Stats.median(times),
                        times.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                        times.get((int) (times.size() * 0.99)), appends);
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
                List<Double> verifies = new ArrayList<>();
                AuditVerification v = null;
                for (int i = 0; i < runs; i++) {
                    long s = System.nanoTime();
                    v = ws.audit().verify();
                    verifies.add(Stats.ms(s));
                }
                out.printf("verify %,d entries: median %.0f ms of %s (goal <= 2000); %s%n", v.entries(),
                        Stats.median(verifies), Stats.list(verifies), v.ok() ? "OK" : v.summary());
            }
            List<Double> bigOpens = new ArrayList<>();
            for (int i = 0; i < Math.min(runs, 3); i++) {
                long s = System.nanoTime();
                Workspace ws = Workspace.open(dir, officer);
                bigOpens.add(Stats.ms(s));
                ws.close();
            }
            out.printf("open workspace with that trail (verification included): median %.0f ms of %s%n",
                    Stats.median(bigOpens), Stats.list(bigOpens));
            out.printf("database file: %,d bytes%n", Files.size(dir.resolve("workspace.mv.db")));
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
