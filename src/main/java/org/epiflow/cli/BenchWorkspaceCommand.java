package org.epiflow.cli;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.data.audit.AuditVerification;
import org.epiflow.data.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code epiflow bench workspace}: workspace open, audit append and audit verification times. */
@Command(name = "workspace", mixinStandardHelpOptions = true,
        description = "Time opening the encrypted workspace (goal <= 300 ms), one audit append (goal <= 2 ms) and "
                + "verifying an audit trail of N entries (goal <= 2 s for 100,000), in a temporary folder.")
final class BenchWorkspaceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--entries", defaultValue = "100000", description = "audit entries to verify (default "
            + "${DEFAULT-VALUE})")
    int entries;

    @Option(names = "--appends", defaultValue = "2000", description = "timed single appends (default "
            + "${DEFAULT-VALUE})")
    int appends;

    @Option(names = "--runs", defaultValue = "5", description = "timed opens and verifications (default "
            + "${DEFAULT-VALUE})")
    int runs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path tmp = Files.createTempDirectory("epiflow-bench-ws-");
        Path dir = tmp.resolve("ws");
        try (AgeIdentity officer = AgeIdentity.generate()) {
            long t0 = System.nanoTime();
            Workspace.open(dir, officer).close();
            out.printf("create workspace (cold, first in this JVM): %.0f ms%n", ms(t0));
            List<Double> opens = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                Workspace ws = Workspace.open(dir, officer);
                opens.add(ms(s));
                ws.close();
            }
            out.printf("open workspace (small trail; key derivation, H2 open, migrations check, audit verify, "
                    + "open entry, purge check): median %.0f ms of %s (goal <= 300)%n", median(opens), fmt(opens));

            List<Double> times = new ArrayList<>();
            try (Workspace ws = Workspace.open(dir, officer)) {
                for (int i = 0; i < appends + 200; i++) {
                    long s = System.nanoTime();
                    ws.audit().append(AuditKind.EXPORT, Map.of("file", "map-" + i + ".png", "format", "png",
                            "sha256", "0f".repeat(32)));
                    if (i >= 200) {
                        times.add(ms(s));
                    }
                }
                Collections.sort(times);
                out.printf("audit append (own transaction, committed to the file): median %.3f ms, mean %.3f ms, "
                                + "p99 %.3f ms over %,d (goal <= 2)%n", median(times),
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
                        ms(fill) / 1000);
                List<Double> verifies = new ArrayList<>();
                AuditVerification v = null;
                for (int i = 0; i < runs; i++) {
                    long s = System.nanoTime();
                    v = ws.audit().verify();
                    verifies.add(ms(s));
                }
                out.printf("verify %,d entries: median %.0f ms of %s (goal <= 2000); %s%n", v.entries(),
                        median(verifies), fmt(verifies), v.ok() ? "OK" : v.summary());
            }
            List<Double> bigOpens = new ArrayList<>();
            for (int i = 0; i < Math.min(runs, 3); i++) {
                long s = System.nanoTime();
                Workspace ws = Workspace.open(dir, officer);
                bigOpens.add(ms(s));
                ws.close();
            }
            out.printf("open workspace with that trail (verification included): median %.0f ms of %s%n",
                    median(bigOpens), fmt(bigOpens));
            out.printf("database file: %,d bytes%n", Files.size(dir.resolve("workspace.mv.db")));
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static String fmt(List<Double> v) {
        return v.stream().map(d -> String.format("%.0f", d)).toList().toString();
    }
}
