package org.epiflow.bundle;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.TrustStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bundles sealed to a passphrase open with an officer's session (issue 13, item 8): the passphrase is asked only
 * after the carrier's signature verified and the work factor is within the cap, up to three times.
 */
class PassphraseBundleTest {
    static final String SECRET = "shared bundle secret";
    static AgeIdentity officer;
    static MinisignSecretKey carrier;
    static TrustStore trust;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() {
        officer = AgeIdentity.generate();
        carrier = MinisignSecretKey.generate();
        trust = TrustStore.of(carrier.publicKey());
    }

    @AfterAll
    static void wipe() {
        officer.close();
        carrier.close();
    }

    Path sealed(int logN) throws Exception {
        Path out = dir.resolve("p" + logN + ".epiflow");
        try (SealRecipients to = SealRecipients.passphrase(SECRET.toCharArray(), logN)) {
            BundleSealer.seal(TestDatasets.dataset(3, 10, LocalDate.of(2099, 1, 1), 5), to, carrier, out);
        }
        return out;
    }

    /** Answers with the given passphrases in turn, recording each question. */
    static final class Answers implements PassphraseSource {
        final List<String> answers;
        final List<Integer> asked = new ArrayList<>();

        Answers(String... answers) {
            this.answers = List.of(answers);
        }

        @Override
        public char[] passphrase(Path file, BundleHeader header, int attempt) {
            asked.add(attempt);
            return attempt <= answers.size() ? answers.get(attempt - 1).toCharArray() : null;
        }
    }

    OpenedBundle open(Path file, PassphraseSource source, BundleLimits limits) throws Exception {
        try (BundleCredentials c = BundleCredentials.of(officer, source)) {
            return new BundleReader(trust, limits, BundleOpenTest.TODAY).open(file, c, BundleProgress.NONE);
        }
    }

    @Test
    void opensWithTheOfficersSessionAndTheAskedPassphrase() throws Exception {
        Answers a = new Answers("wrong", SECRET);
        assertThat(open(sealed(10), a, BundleLimits.DEFAULT).data().flows().rowCount()).isPositive();
        assertThat(a.asked).containsExactly(1, 2);
    }

    @Test
    void threeWrongPassphrasesAreRefusedAsWrong() {
        Answers a = new Answers("a", "b", "c", SECRET);
        assertThatThrownBy(() -> open(sealed(10), a, BundleLimits.DEFAULT))
                .isInstanceOf(BundleDecryptionException.class).hasMessage("the passphrase is wrong");
        assertThat(a.asked).containsExactly(1, 2, 3);
    }

    @Test
    void decliningCancels() {
        assertThatThrownBy(() -> open(sealed(10), new Answers(), BundleLimits.DEFAULT))
                .isInstanceOf(BundleCancelledException.class);
    }

    @Test
    void aWorkFactorAboveTheCapIsRefusedBeforeAnyoneIsAsked() throws Exception {
        Path file = sealed(12);
        BundleLimits capped = new BundleLimits(0xFFFF_FFFFL, 64 * 1024, 4 * 1024, 1024 * 1024, 64L << 20, 16L << 30, 8,
                1024, 200_000_000, 4000, 11);
        Answers a = new Answers(SECRET);
        assertThatThrownBy(() -> open(file, a, capped)).isInstanceOf(BundleDecryptionException.class)
                .hasMessageContaining("work factor 2^12; at most 2^11");
        assertThat(a.asked).isEmpty();
    }

    @Test
    void aBundleWhoseSignatureFailsNeverAsks() throws Exception {
        Path file = sealed(10);
        byte[] b = Files.readAllBytes(file);
        b[b.length - 200] ^= 1;
        Files.write(file, b);
        Answers a = new Answers(SECRET);
        assertThatThrownBy(() -> open(file, a, BundleLimits.DEFAULT)).isInstanceOf(BundleException.class);
        assertThat(a.asked).isEmpty();
    }

    @Test
    void withoutAWayToAskTheRefusalSaysAPassphraseIsNeeded() throws Exception {
        Path file = sealed(10);
        try (BundleCredentials c = BundleCredentials.of(officer)) {
            assertThatThrownBy(() -> new BundleReader(trust, BundleLimits.DEFAULT, BundleOpenTest.TODAY)
                    .open(file, c, BundleProgress.NONE)).isInstanceOf(BundleDecryptionException.class)
                    .hasMessageContaining("sealed to a passphrase");
        }
    }
}
