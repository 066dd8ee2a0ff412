package org.epiflow.bench;

import org.epiflow.bundle.BundleContainer;
import org.epiflow.bundle.BundleException;
import org.epiflow.bundle.BundleHeader;
import org.epiflow.bundle.BundleProgress;
import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.BundleSignatures;
import org.epiflow.bundle.SignedStatement;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.MinisignSigner;
import org.epiflow.bundle.minisign.TrustStore;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.CRC32;

import static org.epiflow.bench.Stats.median;

/**
 * How long refusing a bundle whose signature cannot verify takes, for bundle files of the given sizes (sparse files
 * of nothing, so any size costs no disk): a garbage signature, a signature by a key that is not pinned, a forged
 * signature under the pinned key id, and a genuine signature replayed over another payload. Goal: under 0.5 s for
 * any size. For contrast, the time to hash a payload that passes those cheap checks (the real verification).
 */
public final class RefuseBench {
    private static final String ID = "bench-refuse";
    private final List<Long> sizes;
    private final int runs;
    private final boolean hashing;

    public RefuseBench(List<Long> sizes, int runs, boolean hashing) {
        this.sizes = List.copyOf(sizes);
        this.runs = runs;
        this.hashing = hashing;
    }

    public void run(PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("epiflow-bench-refuse-");
        try (MinisignSecretKey carrier = MinisignSecretKey.generate();
             MinisignSecretKey stranger = MinisignSecretKey.generate()) {
            TrustStore trust = TrustStore.of(carrier.publicKey());
            byte[] header = new BundleHeader(BundleHeader.FORMAT, 1, ID, "Bench Carrier",
                    Instant.parse("2020-04-01T08:00:00Z"), carrier.keyIdHex(),
                    List.of(new BundleHeader.Recipient("X25519", "0123456789abcdef"))).toJson();
            out.printf("refusing a bundle whose signature cannot verify (median of %d runs; goal < 500 ms)%n", runs);
            out.printf("%-12s %14s %14s %14s %14s%n", "file", "garbage", "unpinned key", "forged", "replayed");
            for (long size : sizes) {
                long payload = size - 4096;
                List<Double> row = new ArrayList<>();
                for (byte[] sig : signatures(carrier, stranger, header)) {
                    Path file = sparse(dir.resolve("b-" + size + "-" + row.size() + ".epiflow"), header, payload, sig);
                    row.add(time(new BundleReader(trust), file));
                    Files.delete(file);
                }
                out.printf("%-12s %11.1f ms %11.1f ms %11.1f ms %11.1f ms%n", gib(size), row.get(0), row.get(1),
                        row.get(2), row.get(3));
            }
            if (hashing) {
                long size = 1L << 30;
                byte[] sig = sign(carrier, header, OptionalLong.of(size - 4096));
                Path file = sparse(dir.resolve("hash.epiflow"), header, size - 4096, sig);
                long t = System.nanoTime();
                try {
                    new BundleReader(trust).verify(file, BundleProgress.NONE);
                } catch (BundleException refused) {
                    // the payload does not match: refused after hashing it
                }
                out.printf("for contrast: a signature that passes the cheap checks, payload hashed: %s in %.1f s%n",
                        gib(size), (System.nanoTime() - t) / 1e9);
                Files.delete(file);
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    private double time(BundleReader reader, Path file) throws IOException {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            try {
                reader.verify(file, BundleProgress.NONE);
                throw new IllegalStateException("the bench bundle was accepted");
            } catch (BundleException refused) {
                ms.add(Stats.ms(t));
            }
        }
        return median(ms);
    }

    private static List<byte[]> signatures(MinisignSecretKey carrier, MinisignSecretKey stranger, byte[] header)
            throws Exception {
        byte[] garbage = ("untrusted comment: " + BundleSignatures.UNTRUSTED_COMMENT + "\nnot a signature\n"
                + "trusted comment: hello\nAAAA\n").getBytes(StandardCharsets.UTF_8);
        byte[] unpinned = sign(stranger, header, OptionalLong.empty());
        String[] lines = new String(sign(carrier, header, OptionalLong.empty()), StandardCharsets.UTF_8).split("\n");
        byte[] global = Base64.getDecoder().decode(lines[3]);
        global[7] ^= 1;
        lines[3] = Base64.getEncoder().encodeToString(global);
        byte[] forged = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] replayed = sign(carrier, header, OptionalLong.of(4096));
        return List.of(garbage, unpinned, forged, replayed);
    }

    private static byte[] sign(MinisignSecretKey key, byte[] header, OptionalLong payloadBytes) throws Exception {
        SignedStatement st = new SignedStatement(ID, "0".repeat(64),
                HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(header)),
                payloadBytes);
        return MinisignSigner.signDigest(key, new byte[64], st.toComment(), BundleSignatures.UNTRUSTED_COMMENT)
                .toFileText().getBytes(StandardCharsets.UTF_8);
    }

    /** A canonical container whose payload.age is {@code payloadLength} bytes of nothing (a sparse file). */
    static Path sparse(Path file, byte[] header, long payloadLength, byte[] signature) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            List<String> names = BundleContainer.names();
            long[] offsets = new long[3];
            long[] lengths = {header.length, payloadLength, signature.length};
            int[] crcs = {crc(header), 0, crc(signature)};
            byte[][] data = {header, null, signature};
            long pos = 0;
            for (int i = 0; i < 3; i++) {
                offsets[i] = pos;
                byte[] lh = BundleContainer.localHeader(names.get(i), crcs[i], lengths[i]);
                ch.write(ByteBuffer.wrap(lh), pos);
                pos += lh.length;
                if (data[i] != null) {
                    ch.write(ByteBuffer.wrap(data[i]), pos);
                }
                pos += lengths[i];
            }
            ch.write(ByteBuffer.wrap(BundleContainer.centralDirectoryAndEnd(offsets, lengths, crcs, pos)), pos);
        }
        return file;
    }

    private static int crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return (int) c.getValue();
    }

    private static String gib(long bytes) {
        return bytes < 1L << 30 ? String.format("%.0f MiB", bytes / (double) (1L << 20))
                : String.format("%.2f GiB", bytes / (double) (1L << 30));
    }
}
