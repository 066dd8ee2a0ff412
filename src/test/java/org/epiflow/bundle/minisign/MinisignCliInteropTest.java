package org.epiflow.bundle.minisign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.epiflow.testing.ExternalTools;
import org.epiflow.testing.ExternalTools.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with the real {@code minisign} CLI, both ways. minisign 0.11 reads the password from stdin when
 * stdin is not a terminal, so no pty (expect) is needed. Only one test pays for minisign's real scrypt work factor
 * (N = 2^20, 1 GiB); the others use unencrypted keys or cheap parameters.
 */
class MinisignCliInteropTest {

    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final Duration SLOW = Duration.ofSeconds(180);

    @TempDir
    Path dir;
    private String minisign;
    private Path data;

    @BeforeEach
    void setUp() throws Exception {
        minisign = ExternalTools.require("minisign").toString();
        byte[] bytes = new byte[300_000];
        new Random(42).nextBytes(bytes);
        data = dir.resolve("flows.bin");
        Files.write(data, bytes);
    }

    @Test
    void cliUnencryptedKeyIsReadAndOurSignatureIsAcceptedByCli() throws Exception {
        run(QUICK, "", minisign, "-G", "-W", "-p", "k.pub", "-s", "k.key").assertSuccess();
        MinisignPublicKey pub = MinisignPublicKey.read(dir.resolve("k.pub"));
        assertThat(Files.readString(dir.resolve("k.pub"))).isEqualTo(pub.toFileText());
        try (MinisignSecretKey sk = MinisignSecretKey.read(dir.resolve("k.key"), null)) {
            assertThat(sk.publicKey()).isEqualTo(pub);
            signOursAndVerifyWithCli(sk, "k.pub");
        }
    }

    @Test
    void cliPasswordKeyIsReadWithFullScryptAndOurSignatureIsAcceptedByCli() throws Exception {
        run(SLOW, "s3cret pass\ns3cret pass\n", minisign, "-G", "-p", "k.pub", "-s", "k.key").assertSuccess();
        assertThatThrownBy(() -> MinisignSecretKey.read(dir.resolve("k.key"), null))
                .isInstanceOf(WrongPassphraseException.class);
        try (MinisignSecretKey sk = MinisignSecretKey.read(dir.resolve("k.key"), "s3cret pass".toCharArray())) {
            assertThat(sk.publicKey()).isEqualTo(MinisignPublicKey.read(dir.resolve("k.pub")));
            signOursAndVerifyWithCli(sk, "k.pub");
        }
    }

    @Test
    void ourUnencryptedKeySignsWithCliAndWeVerifyTheDefaultTrustedComment() throws Exception {
        try (MinisignSecretKey sk = MinisignSecretKey.generate()) {
            sk.write(dir.resolve("k.key"), null, ScryptParams.MINISIGN_DEFAULT);
            sk.publicKey().write(dir.resolve("k.pub"));
            run(QUICK, "", minisign, "-S", "-s", "k.key", "-m", "flows.bin").assertSuccess();
            VerifiedSignature v = verifyOurs(sk.publicKey(), "flows.bin.minisig");
            assertThat(v.trustedComment()).matches("timestamp:\\d+\tfile:flows\\.bin\thashed");
            run(QUICK, "", minisign, "-V", "-p", "k.pub", "-m", "flows.bin").assertSuccess();
        }
    }

    @Test
    void ourEncryptedKeySignsWithCliAndWeVerify() throws Exception {
        try (MinisignSecretKey sk = MinisignSecretKey.generate()) {
            sk.write(dir.resolve("k.key"), "pässwörd".toCharArray(), ScryptParams.ofLogN(14));
            run(QUICK, "pässwörd\n", minisign, "-S", "-s", "k.key", "-m", "flows.bin",
                    "-t", "carrier X, week 4", "-c", "from the carrier").assertSuccess();
            VerifiedSignature v = verifyOurs(sk.publicKey(), "flows.bin.minisig");
            assertThat(v.trustedComment()).isEqualTo("carrier X, week 4");
            assertThat(MinisignSignature.read(dir.resolve("flows.bin.minisig")).untrustedComment())
                    .isEqualTo("from the carrier");
            Result wrong = run(QUICK, "wrong\n", minisign, "-S", "-s", "k.key", "-m", "flows.bin", "-x", "w.sig");
            assertThat(wrong.exitCode()).isNotZero();
        }
    }

    @Test
    void cliLegacySignatureIsRefused() throws Exception {
        try (MinisignSecretKey sk = MinisignSecretKey.generate()) {
            sk.write(dir.resolve("k.key"), null, ScryptParams.MINISIGN_DEFAULT);
            run(QUICK, "", minisign, "-S", "-l", "-s", "k.key", "-m", "flows.bin").assertSuccess();
            assertThatThrownBy(() -> MinisignSignature.read(dir.resolve("flows.bin.minisig")))
                    .isInstanceOf(LegacySignatureException.class)
                    .hasMessageContaining("legacy signature").hasMessageContaining("minisign -H");
        }
    }

    @Test
    void cliRejectsOurSignatureOnAlteredData() throws Exception {
        try (MinisignSecretKey sk = MinisignSecretKey.generate()) {
            sk.publicKey().write(dir.resolve("k.pub"));
            try (InputStream in = Files.newInputStream(data)) {
                MinisignSigner.sign(sk, in, "t", null).write(dir.resolve("flows.bin.minisig"));
            }
            byte[] bytes = Files.readAllBytes(data);
            bytes[1234] ^= 1;
            Files.write(data, bytes);
            Result r = run(QUICK, "", minisign, "-V", "-p", "k.pub", "-m", "flows.bin");
            assertThat(r.exitCode()).isNotZero();
        }
    }

    private void signOursAndVerifyWithCli(MinisignSecretKey sk, String pubFile) throws Exception {
        String comment = "EpiFlow test\tkey " + sk.keyIdHex();
        try (InputStream in = Files.newInputStream(data)) {
            MinisignSigner.sign(sk, in, comment, "signed by EpiFlow").write(dir.resolve("flows.bin.minisig"));
        }
        // -H: the CLI accepts only prehashed signatures, so this also proves ours are prehashed.
        Result r = run(QUICK, "", minisign, "-V", "-H", "-p", pubFile, "-m", "flows.bin").assertSuccess();
        assertThat(r.stdout() + r.stderr()).contains("Trusted comment: " + comment);
    }

    private VerifiedSignature verifyOurs(MinisignPublicKey pub, String sigFile) throws Exception {
        MinisignSignature sig = MinisignSignature.read(dir.resolve(sigFile));
        try (InputStream in = Files.newInputStream(data)) {
            return MinisignVerifier.verify(TrustStore.of(pub), sig, in);
        }
    }

    private Result run(Duration timeout, String stdin, String... command) {
        return ExternalTools.run(dir, stdin.getBytes(StandardCharsets.UTF_8), timeout, command);
    }
}
