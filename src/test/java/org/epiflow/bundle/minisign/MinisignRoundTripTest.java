package org.epiflow.bundle.minisign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinisignRoundTripTest {

    private static final ScryptParams CHEAP = ScryptParams.ofLogN(12);
    private static final byte[] DATA = "aggregate flows 2020-01-23\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void signedStreamVerifiesAndReturnsKeyAndTrustedComment() throws Exception {
        try (MinisignSecretKey sk = MinisignSecretKey.generate()) {
            MinisignSignature sig = MinisignSigner.sign(sk, new ByteArrayInputStream(DATA), "carrier X, week 4", null);
            VerifiedSignature ok = MinisignVerifier.verify(TrustStore.of(sk.publicKey()),
                    MinisignSignature.parse(sig.toFileText()), new ByteArrayInputStream(DATA));
            assertThat(ok).isEqualTo(new VerifiedSignature(sk.publicKey(), "carrier X, week 4"));
        }
    }

    @Test
    void digestVariantsAgreeWithStreamVariants() throws Exception {
        try (MinisignSecretKey sk = MinisignSecretKey.generate()) {
            byte[] digest = new MinisignHasher().update(DATA, 0, 5).update(ByteBuffer.wrap(DATA, 5, DATA.length - 5))
                    .digest();
            MinisignSignature a = MinisignSigner.signDigest(sk, digest, "t", "u");
            MinisignSignature b = MinisignSigner.sign(sk, new ByteArrayInputStream(DATA), "t", "u");
            assertThat(a.toFileText()).isEqualTo(b.toFileText());
            assertThat(MinisignVerifier.verify(TrustStore.of(sk.publicKey()), a, digest).trustedComment())
                    .isEqualTo("t");
        }
    }

    @Test
    void hasherIsBlake2b512() {
        // RFC 7693 appendix A: BLAKE2b-512("abc").
        byte[] d = new MinisignHasher().update("abc".getBytes(StandardCharsets.US_ASCII)).digest();
        assertThat(HexFormat.of().formatHex(d)).isEqualTo("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6f"
                + "dbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    }

    @Test
    void hasherAcceptsDirectBuffers() {
        ByteBuffer direct = ByteBuffer.allocateDirect(DATA.length * 1000);
        for (int i = 0; i < 1000; i++) {
            direct.put(DATA);
        }
        direct.flip();
        MinisignHasher expected = new MinisignHasher();
        for (int i = 0; i < 1000; i++) {
            expected.update(DATA);
        }
        assertThat(new MinisignHasher().update(direct).digest()).isEqualTo(expected.digest());
        assertThat(direct.hasRemaining()).isFalse();
    }

    @Test
    void publicKeyFileTextHasMinisignFormatAndParsesBack() throws Exception {
        byte[] id = HexFormat.of().parseHex("242f3008b69b60e6");
        try (MinisignSecretKey sk = MinisignSecretKey.fromSeed(id, new byte[32])) {
            MinisignPublicKey pk = sk.publicKey();
            assertThat(pk.keyIdHex()).isEqualTo("E6609BB608302F24");
            assertThat(pk.toFileText()).matches(
                    "untrusted comment: minisign public key E6609BB608302F24\nRWQkLzAItptg5[A-Za-z0-9+/]{43}\n");
            assertThat(MinisignPublicKey.parse(pk.toFileText())).isEqualTo(pk);
            assertThat(MinisignPublicKey.parse(pk.toBase64())).isEqualTo(pk);
            assertThat(MinisignPublicKey.parse(pk.toBase64() + "\r\n").hashCode()).isEqualTo(pk.hashCode());
            Path f = dir.resolve("k.pub");
            pk.write(f);
            assertThat(MinisignPublicKey.read(f)).isEqualTo(pk);
        }
    }

    @Test
    void keyIdHexIsNotZeroPaddedLikeMinisign() throws Exception {
        // minisign 0.11 writes "%" PRIX64: this id appears as 95E41DBF4C7AD13 in the .pub comment it generates.
        byte[] id = HexFormat.of().parseHex("13adc7f4db415e09");
        try (MinisignSecretKey sk = MinisignSecretKey.fromSeed(id, new byte[32])) {
            assertThat(sk.keyIdHex()).isEqualTo("95E41DBF4C7AD13");
            assertThat(sk.publicKey().toFileText()).startsWith("untrusted comment: minisign public key 95E41DBF4C7AD13\n");
        }
        try (MinisignSecretKey sk = MinisignSecretKey.fromSeed(new byte[8], new byte[32])) {
            assertThat(sk.keyIdHex()).isEqualTo("0");
        }
    }

    @Test
    void unencryptedSecretKeyRoundTrips() throws Exception {
        try (MinisignSecretKey sk = MinisignSecretKey.generate()) {
            Path f = dir.resolve("k.key");
            sk.write(f, null, ScryptParams.MINISIGN_DEFAULT);
            assertThat(Files.readString(f)).startsWith("untrusted comment: minisign encrypted secret key\nRWQAAEIy");
            try (MinisignSecretKey back = MinisignSecretKey.read(f, null)) {
                assertThat(back.publicKey()).isEqualTo(sk.publicKey());
                assertSignsAlike(sk, back);
            }
        }
    }

    @Test
    void encryptedSecretKeyRoundTripsWithCheapScrypt() throws Exception {
        try (MinisignSecretKey sk = MinisignSecretKey.generate()) {
            Path f = dir.resolve("k.key");
            sk.write(f, "correct horse".toCharArray(), CHEAP);
            assertThat(Files.readString(f)).contains("\nRWRTY0Iy");
            try (MinisignSecretKey back = MinisignSecretKey.read(f, "correct horse".toCharArray())) {
                assertSignsAlike(sk, back);
            }
        }
    }

    @Test
    void wrongPassphraseIsReportedAsSuch() throws Exception {
        try (MinisignSecretKey sk = MinisignSecretKey.generate()) {
            String text = sk.toFileText("right".toCharArray(), CHEAP);
            assertThatThrownBy(() -> MinisignSecretKey.parse(text, "wrong".toCharArray()))
                    .isInstanceOf(WrongPassphraseException.class).hasMessageContaining("wrong passphrase");
            assertThatThrownBy(() -> MinisignSecretKey.parse(text, null))
                    .isInstanceOf(WrongPassphraseException.class).hasMessageContaining("no passphrase");
        }
    }

    @Test
    void unencryptedKeyWithZeroChecksumIsAcceptedWhenPublicHalfMatchesSeed() throws Exception {
        try (MinisignSecretKey sk = MinisignSecretKey.generate()) {
            byte[] raw = rawSecretKey(sk.toFileText(null, CHEAP));
            java.util.Arrays.fill(raw, SecretKeyFile.CHK_OFF, SecretKeyFile.TOTAL, (byte) 0);
            try (MinisignSecretKey back = MinisignSecretKey.parse(keyText(raw), null)) {
                assertThat(back.publicKey()).isEqualTo(sk.publicKey());
            }
            raw[SecretKeyFile.SK_OFF + 40] ^= 1;
            assertThatThrownBy(() -> MinisignSecretKey.parse(keyText(raw), null))
                    .isInstanceOf(MinisignFormatException.class).hasMessageContaining("public half does not match");
        }
    }

    @Test
    void corruptedUnencryptedKeyIsRejectedByChecksum() throws Exception {
        try (MinisignSecretKey sk = MinisignSecretKey.generate()) {
            byte[] raw = rawSecretKey(sk.toFileText(null, CHEAP));
            raw[SecretKeyFile.KEYNUM_OFF] ^= 1;
            assertThatThrownBy(() -> MinisignSecretKey.parse(keyText(raw), null))
                    .isInstanceOf(MinisignFormatException.class).hasMessageContaining("checksum");
        }
    }

    @Test
    void destroyedKeyWipesSeedAndRefusesToSign() throws Exception {
        MinisignSecretKey sk = MinisignSecretKey.generate(new SecureRandom());
        sk.destroy();
        assertThat(sk.isDestroyed()).isTrue();
        assertThatThrownBy(() -> MinisignSigner.signDigest(sk, new byte[64], "t", null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sk.toFileText(null, CHEAP)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void multiLineCommentsAreRefusedWhenSigning() throws Exception {
        try (MinisignSecretKey sk = MinisignSecretKey.generate()) {
            assertThatThrownBy(() -> MinisignSigner.signDigest(sk, new byte[64], "a\nb", null))
                    .isInstanceOf(MinisignFormatException.class).hasMessageContaining("trusted comment");
            assertThatThrownBy(() -> MinisignSigner.signDigest(sk, new byte[64], "a", "x\ry"))
                    .isInstanceOf(MinisignFormatException.class).hasMessageContaining("untrusted comment");
            assertThatThrownBy(() -> MinisignSigner.signDigest(sk, new byte[63], "a", null))
                    .isInstanceOf(MinisignFormatException.class).hasMessageContaining("63 bytes");
        }
    }

    private static void assertSignsAlike(MinisignSecretKey a, MinisignSecretKey b) throws Exception {
        byte[] digest = MinisignHasher.digestOf(new ByteArrayInputStream(DATA));
        assertThat(MinisignSigner.signDigest(b, digest, "t", null).toFileText())
                .isEqualTo(MinisignSigner.signDigest(a, digest, "t", null).toFileText());
    }

    static byte[] rawSecretKey(String text) {
        return Base64.getDecoder().decode(text.split("\n")[1]);
    }

    static String keyText(byte[] raw) {
        return "untrusted comment: test\n" + Base64.getEncoder().encodeToString(raw) + "\n";
    }
}
