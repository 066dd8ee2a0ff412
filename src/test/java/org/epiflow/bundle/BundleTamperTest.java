package org.epiflow.bundle;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.TrustStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Flipping any single byte anywhere in a bundle — container, header, ciphertext, signature — is refused. */
class BundleTamperTest {

    static void writeCanonical(Path out, byte[][] parts) throws Exception {
        try (var ch = java.nio.channels.FileChannel.open(out, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            BundleContainerWriter w = new BundleContainerWriter(ch, parts[0]);
            w.payloadChannel().write(java.nio.ByteBuffer.wrap(parts[1]));
            w.finishPayload();
            w.finish(parts[2]);
        }
    }
    @TempDir
    Path dir;

    @Test
    void everySingleByteFlipIsRefused() throws Exception {
        try (AgeIdentity officer = AgeIdentity.generate(); MinisignSecretKey carrier = MinisignSecretKey.generate()) {
            Path file = dir.resolve("b.epiflow");
            try (SealRecipients to = SealRecipients.officers(List.of(officer.recipient()))) {
                BundleSealer.seal(TestDatasets.dataset(2, 10, LocalDate.of(2099, 1, 1), 3), to, carrier, file);
            }
            byte[] good = Files.readAllBytes(file);
            BundleReader reader = new BundleReader(TrustStore.of(carrier.publicKey()), BundleLimits.DEFAULT,
                    BundleOpenTest.TODAY);
            try (BundleCredentials c = BundleCredentials.of(officer)) {
                assertThat(reader.open(file, c, BundleProgress.NONE)).isNotNull();
                Map<BundleCheck, Integer> byCheck = new EnumMap<>(BundleCheck.class);
                Path bad = dir.resolve("bad.epiflow");
                for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                    for (int i = 0; i < good.length; i++) {
                        byte[] b = good.clone();
                        b[i] ^= (byte) mask;
                        Files.write(bad, b);
                        try {
                            reader.open(bad, c, BundleProgress.NONE);
                            fail("flipping byte " + i + " of " + good.length + " with mask " + mask + " was accepted");
                        } catch (BundleException e) {
                            byCheck.merge(e.check(), 1, Integer::sum);
                            assertThat(e.getMessage()).isNotBlank();
                        }
                    }
                }
                System.out.println("Tampering: " + 3 * good.length + " single-byte flips of a " + good.length
                        + "-byte bundle, all refused; by check: " + byCheck);
                assertThat(byCheck).containsKeys(BundleCheck.CONTAINER);
                // An attacker can recompute CRCs: flip each content byte and rebuild a canonical container around
                // it, so only the signature (and what it covers) stands in the way.
                BundleContainer.Layout layout;
                try (var ch = java.nio.channels.FileChannel.open(file)) {
                    layout = BundleContainer.read(ch, BundleLimits.DEFAULT);
                }
                byte[] payload = java.util.Arrays.copyOfRange(good, (int) layout.payloadOffset(),
                        (int) (layout.payloadOffset() + layout.payloadLength()));
                byte[][] parts = {layout.header(), payload, layout.signature()};
                Map<BundleCheck, Integer> rebuilt = new EnumMap<>(BundleCheck.class);
                int cases = 0;
                for (int part = 0; part < 3; part++) {
                    for (int i = 0; i < parts[part].length; i++) {
                        byte[][] copy = {parts[0], parts[1], parts[2]};
                        copy[part] = parts[part].clone();
                        copy[part][i] ^= 0x01;
                        writeCanonical(bad, copy);
                        cases++;
                        try {
                            reader.open(bad, c, BundleProgress.NONE);
                            fail("flipping byte " + i + " of entry " + part + " (CRC recomputed) was accepted");
                        } catch (BundleException e) {
                            rebuilt.merge(e.check(), 1, Integer::sum);
                        }
                    }
                }
                System.out.println("Tampering with CRCs recomputed: " + cases + " flips, all refused; by check: "
                        + rebuilt);
                assertThat(rebuilt).containsOnlyKeys(BundleCheck.SIGNATURE, BundleCheck.CONTAINER);
                assertThat(rebuilt.get(BundleCheck.SIGNATURE)).isGreaterThan(parts[1].length);
            }
        }
    }
}
