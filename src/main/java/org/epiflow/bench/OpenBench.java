package org.epiflow.bench;

import org.epiflow.bundle.BundleContainer;
import org.epiflow.bundle.BundleCredentials;
import org.epiflow.bundle.BundleLimits;
import org.epiflow.bundle.BundleProgress;
import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.BundleSealer;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.SealRecipients;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.TrustStore;
import org.epiflow.model.AggregateDataset;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.epiflow.bench.Stats.median;

/**
 * Seals a synthetic bundle of N flow rows, then times opening it (verify + decrypt + parse + validate + index) next
 * to {@code age -d} on the same ciphertext, and reports heap bytes per row.
 */
public final class OpenBench {
    private final long rows;
    private final int runs;
    private final String age;
    /** Nanoseconds from the start of the last open until the signature was verified. */
    private long verifiedAt;

    public OpenBench(long rows, int runs, String ageCommand) {
        this.rows = rows;
        this.runs = runs;
        this.age = ageCommand;
    }

    public void run(PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("epiflow-bench-");
        try (AgeIdentity officer = AgeIdentity.generate(); MinisignSecretKey carrier = MinisignSecretKey.generate()) {
            long t0 = System.nanoTime();
            AggregateDataset data = SyntheticNetworks.everyPair(367, rows, 10, 42);
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
                openMs.add(Stats.ms(s));
                verifyMs.add(verifiedAt / 1e6);
            }
            double a = median(ageMs);
            double o = median(openMs);
            out.printf("age -d (same ciphertext, %,d bytes): median %.0f ms of %s%n", Files.size(cipher), a,
                    Stats.list(ageMs));
            out.printf("open (verify+decrypt+parse+validate+index): median %.0f ms of %s%n", o, Stats.list(openMs));
            out.printf("  of which container + signature verified after: median %.0f ms%n", median(verifyMs));
            out.printf("ratio age/open: %.2f (goal >= 0.5)%n", a / o);
            long tableBytes = kept.data().flows().heapBytes();
            long before = Stats.usedHeapAfterGc();
            int keptRows = kept.data().flows().rowCount();
            kept = null;
            long after = Stats.usedHeapAfterGc();
            out.printf("heap per flow row: %.2f bytes (flow table arrays); %.2f bytes measured by GC for the whole "
                    + "opened bundle (goal <= 12)%n", (double) tableBytes / keptRows,
                    (double) (before - after) / keptRows);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private OpenedBundle openOnce(BundleReader reader, Path bundle, AgeIdentity officer) throws Exception {
        long start = System.nanoTime();
        verifiedAt = 0;
        BundleProgress timing = (stage, fraction) -> {
            if (verifiedAt == 0 && stage == org.epiflow.bundle.BundleStage.DECRYPTING) {
                verifiedAt = System.nanoTime() - start;
            }
        };
        try (BundleCredentials c = BundleCredentials.of(officer)) {
            return reader.open(bundle, c, timing);
        }
    }

    private double runAge(Path id, Path cipher) throws IOException, InterruptedException, BenchException {
        long s = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(age, "-d", "-i", id.toString(), "-o", "/dev/null", cipher.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new BenchException("cannot run '" + age + "' (install the age package): " + e.getMessage());
        }
        p.getInputStream().transferTo(OutputStream.nullOutputStream());
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new BenchException("age -d failed on the benchmark ciphertext");
        }
        return Stats.ms(s);
    }

    private static Path extractPayload(Path bundle, Path out) throws Exception {
        try (FileChannel in = FileChannel.open(bundle, StandardOpenOption.READ);
             FileChannel o = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            BundleContainer.Layout layout = BundleContainer.read(in, BundleLimits.DEFAULT);
            long pos = layout.payloadOffset();
            long end = pos + layout.payloadLength();
            while (pos < end) {
                pos += in.transferTo(pos, end - pos, o);
            }
        }
        return out;
    }
}
