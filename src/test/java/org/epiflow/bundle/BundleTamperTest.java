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
                assertThat(byCheck).containsKeys(BundleCheck.CONTAINER, BundleCheck.SIGNATURE);
            }
        }
    }
}
