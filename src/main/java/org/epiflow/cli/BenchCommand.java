package org.epiflow.cli;

import org.epiflow.bundle.BundleContainer;
import org.epiflow.bundle.BundleCredentials;
import org.epiflow.bundle.BundleProgress;
import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.BundleSealer;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.SealRecipients;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.TrustStore;
import org.epiflow.model.AggregateDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** {@code epiflow bench open}: the bundle-opening benchmark of docs/performance.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (figures for docs/performance.md).",
        subcommands = {
                BenchCommand.Open.class,
                BenchCommand.BasemapLoad.class,
                MapBenchCommand.class,
                BenchWorkspaceCommand.class,
                BenchRiskCommand.class,
                ExportBenchCommand.class,
        })
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "basemap", mixinStandardHelpOptions = true,
            description = "Time loading the offline basemap layers (first run is the cold start of this JVM).")
    static final class BasemapLoad implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--runs", defaultValue = "5", description = "loads (default ${DEFAULT-VALUE})")
        int runs;

        @Override
        public Integer call() throws Exception {
            org.epiflow.map.geo.BasemapLoader.bench(runs).forEach(spec.commandLine().getOut()::println);
            return 0;
        }
    }

    @Command(name = "open", mixinStandardHelpOptions = true,
            description = "Seal a synthetic bundle of N flow rows, then time opening it (verify + decrypt + parse + "
                    + "validate + index) next to `age -d` on the same ciphertext, and report heap bytes per row.")
    static final class Open implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rows", defaultValue = "10000000", description = "flow rows (default ${DEFAULT-VALUE})")
        long rows;

        @Option(names = "--runs", defaultValue = "3", description = "timed runs of each (default ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--age", defaultValue = "age", description = "the age command (default ${DEFAULT-VALUE})")
        String age;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = Files.createTempDirectory("epiflow-bench-");
            try (AgeIdentity officer = AgeIdentity.generate(); MinisignSecretKey carrier = MinisignSecretKey.generate()) {
                long t0 = System.nanoTime();
                AggregateDataset data = SyntheticData.flows(367, rows, 10, 42);
                Path bundle = dir.resolve("bench.epiflow");
                try (SealRecipients to = SealRecipients.officers(List.of(officer.recipient()))) {
                    BundleSealer.seal(data, to, carrier, bundle);
                }
                data = null;
                out.printf("rows: %,d; bundle %,d bytes; generated and sealed in %.1f s%n", rows, Files.size(bundle),
                        (System.nanoTime() - t0) / 1e9);
                Path cipher = extractPayload(bundle, dir.resolve("payload.age"));
                Path idFile = dir.resolve("officer.txt");
                Files.writeString(idFile, new String(officer.toChars()) + "\n");
                TrustStore trust = TrustStore.of(carrier.publicKey());
                BundleReader reader = new BundleReader(trust);
                List<Double> ageMs = new ArrayList<>();
                List<Double> openMs = new ArrayList<>();
                List<Double> verifyMs = new ArrayList<>();
                OpenedBundle kept = null;
                openOnce(reader, bundle, officer);
                for (int i = 0; i < runs; i++) {
                    ageMs.add(runAge(idFile, cipher));
                    kept = null;
                    System.gc();
                    long s = System.nanoTime();
                    kept = openOnce(reader, bundle, officer);
                    openMs.add((System.nanoTime() - s) / 1e6);
                    verifyMs.add(verifiedAt / 1e6);
                }
                double a = median(ageMs);
                double o = median(openMs);
                out.printf("age -d (same ciphertext, %,d bytes): median %.0f ms of %s%n", Files.size(cipher), a,
                        fmt(ageMs));
                out.printf("open (verify+decrypt+parse+validate+index): median %.0f ms of %s%n", o, fmt(openMs));
                out.printf("  of which container + signature verified after: median %.0f ms%n", median(verifyMs));
                out.printf("ratio age/open: %.2f (goal >= 0.5)%n", a / o);
                long tableBytes = kept.data().flows().heapBytes();
                long before = usedAfterGc();
                int keptRows = kept.data().flows().rowCount();
                kept = null;
                long after = usedAfterGc();
                out.printf("heap per flow row: %.2f bytes (flow table arrays); %.2f bytes measured by GC for the whole "
                        + "opened bundle (goal <= 12)%n", (double) tableBytes / keptRows,
                        (double) (before - after) / keptRows);
            } finally {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return 0;
        }

        /** Nanoseconds from the start of the last open until the signature was verified. */
        private static long verifiedAt;

        private static OpenedBundle openOnce(BundleReader reader, Path bundle, AgeIdentity officer)
                throws Exception {
            long start = System.nanoTime();
            verifiedAt = 0;
            BundleProgress timing = (stage, fraction) -> {
                if (verifiedAt == 0 && stage.startsWith("Decrypting")) {
                    verifiedAt = System.nanoTime() - start;
                }
            };
            try (BundleCredentials c = BundleCredentials.of(officer)) {
                return reader.open(bundle, c, timing);
            }
        }

        private double runAge(Path id, Path cipher) throws IOException, InterruptedException, CliException {
            long s = System.nanoTime();
            Process p;
            try {
                p = new ProcessBuilder(age, "-d", "-i", id.toString(), "-o", "/dev/null", cipher.toString())
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new CliException("cannot run '" + age + "' (install the age package): " + e.getMessage());
            }
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new CliException("age -d failed on the benchmark ciphertext");
            }
            return (System.nanoTime() - s) / 1e6;
        }

        private static Path extractPayload(Path bundle, Path out) throws Exception {
            try (FileChannel in = FileChannel.open(bundle, StandardOpenOption.READ);
                 FileChannel o = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                BundleContainer.Layout layout = BundleContainer.read(in, org.epiflow.bundle.BundleLimits.DEFAULT);
                long pos = layout.payloadOffset();
                long end = pos + layout.payloadLength();
                while (pos < end) {
                    pos += in.transferTo(pos, end - pos, o);
                }
            }
            return out;
        }

        private static long usedAfterGc() throws InterruptedException {
            Runtime rt = Runtime.getRuntime();
            for (int i = 0; i < 4; i++) {
                System.gc();
                Thread.sleep(50);
            }
            return rt.totalMemory() - rt.freeMemory();
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
}
