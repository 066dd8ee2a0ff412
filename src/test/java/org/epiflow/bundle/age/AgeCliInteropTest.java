package org.epiflow.bundle.age;

import org.epiflow.testing.ExternalTools;
import org.epiflow.testing.ExternalTools.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epiflow.bundle.age.AgeTestSupport.bytes;

/**
 * Interoperability with the real {@code age} / {@code age-keygen} CLIs, both directions. age reads passphrases
 * from the terminal, so those cases run under {@code expect}; the passphrase travels in an environment variable,
 * never in argv.
 */
class AgeCliInteropTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PASS = "interop passphrase ünïcode";
    /** Answers every passphrase prompt of the spawned shell command with $AGE_TEST_PASS. */


    @TempDir
    Path dir;
    Path age;
    Path ageKeygen;

    @BeforeEach
    void tools() {
        age = ExternalTools.require("age");
        ageKeygen = ExternalTools.require("age-keygen");
    }

    private Result run(String... cmd) {
        return ExternalTools.run(List.of(cmd), null, Map.of(), dir, TIMEOUT);
    }

    /** Runs a shell command line under expect, answering passphrase prompts. */
    private Result underExpect(String shellCommand) throws Exception {
        Result r = ExternalTools.underExpect(dir, shellCommand, PASS, TIMEOUT);
        assertThat(r.exitCode()).as("expect/%s: %s %s", shellCommand, r.stdoutText(), r.stderr()).isZero();
        return r;
    }

    @Test
    void ageEncryptsToOurRecipientsWeDecrypt() throws Exception {
        byte[] plain = bytes(200_000, 11);
        Files.write(dir.resolve("plain.bin"), plain);
        try (AgeIdentity a = AgeIdentity.generate(); AgeIdentity b = AgeIdentity.generate()) {
            Result enc = run(age.toString(), "-e", "-r", a.recipient(), "-r", b.recipient(), "-o", "x.age", "plain.bin");
            assertThat(enc.exitCode()).as(enc.stderr()).isZero();
            byte[] file = Files.readAllBytes(dir.resolve("x.age"));
            assertThat(AgeTestSupport.decrypt(file, a)).isEqualTo(plain);
            assertThat(AgeTestSupport.decrypt(file, b)).isEqualTo(plain);

            Result armored = run(age.toString(), "-e", "-a", "-r", a.recipient(), "-o", "x.age.asc", "plain.bin");
            assertThat(armored.exitCode()).as(armored.stderr()).isZero();
            byte[] asc = Files.readAllBytes(dir.resolve("x.age.asc"));
            assertThat(new String(asc, 0, 34, StandardCharsets.US_ASCII)).isEqualTo(PeekedChannel.ARMOR_BEGIN);
            assertThat(AgeTestSupport.decrypt(asc, a)).isEqualTo(plain);
        }
    }

    @Test
    void ageDecryptsWhatWeEncryptToAnAgeKeygenKey() throws Exception {
        Result gen = run(ageKeygen.toString(), "-o", "key.txt");
        assertThat(gen.exitCode()).as(gen.stderr()).isZero();
        byte[] plain = bytes(150_000, 12);
        try (AgeIdentity id = AgeIdentityFile.readUnencrypted(dir.resolve("key.txt"))) {
            assertThat(gen.stderr()).contains("Public key: " + id.recipient());
            Files.write(dir.resolve("x.age"), AgeTestSupport.encrypt(plain, List.of(id.recipient())));
        }
        Result dec = run(age.toString(), "-d", "-i", "key.txt", "-o", "out.bin", "x.age");
        assertThat(dec.exitCode()).as(dec.stderr()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("out.bin"))).isEqualTo(plain);
    }

    @Test
    void ageKeygenMatchesOurPublicKeyDerivation() throws Exception {
        try (AgeIdentity id = AgeIdentity.generate()) {
            char[] secret = id.toChars();
            byte[] in = (new String(secret) + "\n").getBytes(StandardCharsets.US_ASCII);
            Arrays.fill(secret, '\0');
            Result y = ExternalTools.run(List.of(ageKeygen.toString(), "-y"), in, TIMEOUT);
            assertThat(y.exitCode()).as(y.stderr()).isZero();
            assertThat(y.stdoutText().strip()).isEqualTo(id.recipient());
        }
    }

    @Test
    void passphraseFilesBothWays() throws Exception {
        byte[] plain = bytes(100_000, 13);
        // ours (logN 10) -> age -d
        Files.write(dir.resolve("ours.age"), AgeTestSupport.encryptWithPassphrase(plain, PASS, 10));
        underExpect(age + " -d -o ours.out ours.age");
        assertThat(Files.readAllBytes(dir.resolve("ours.out"))).isEqualTo(plain);
        // age -p (its default work factor, 2^18) -> ours
        Files.write(dir.resolve("plain.bin"), plain);
        underExpect(age + " -p -o theirs.age plain.bin");
        byte[] theirs = Files.readAllBytes(dir.resolve("theirs.age"));
        assertThat(AgeCodec.recipientsOf(AgeTestSupport.channel(theirs)).stanzas().get(0).scryptLogN()).hasValue(18);
        assertThat(AgeTestSupport.decryptWithPassphrase(theirs, PASS, 20)).isEqualTo(plain);
        assertThat(AgeCodec.recipientsOf(AgeTestSupport.channel(theirs)).passphraseProtected()).isTrue();
    }

    @Test
    void ageKeygenPipedToAgePassphraseIsReadByAgeIdentityFile() throws Exception {
        underExpect(ageKeygen + " 2>pub.txt | " + age + " -p > officer.key");
        String pub = Files.readString(dir.resolve("pub.txt")).strip().replace("Public key: ", "");
        try (AgeIdentity id = AgeIdentityFile.read(dir.resolve("officer.key"), PASS.toCharArray())) {
            assertThat(id.recipient()).isEqualTo(pub);
            Result enc = ExternalTools.run(List.of(age.toString(), "-e", "-r", pub), "hello".getBytes(StandardCharsets.US_ASCII),
                    TIMEOUT);
            assertThat(AgeTestSupport.decrypt(enc.stdoutBytes(), id)).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> AgeIdentityFile.read(dir.resolve("officer.key"), "nope".toCharArray())))
                .isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void ageUsesOurIdentityFile() throws Exception {
        byte[] plain = bytes(70_000, 14);
        try (AgeIdentity id = AgeIdentity.generate()) {
            AgeIdentityFile.write(dir.resolve("officer.key"), id, PASS.toCharArray(), 10);
            Files.write(dir.resolve("x.age"), AgeTestSupport.encrypt(plain, List.of(id.recipient())));
        }
        underExpect(age + " -d -i officer.key -o out.bin x.age");
        assertThat(Files.readAllBytes(dir.resolve("out.bin"))).isEqualTo(plain);
    }
}
