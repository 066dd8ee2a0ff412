package org.epiflow.bundle.minisign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.epiflow.bundle.minisign.SignatureVerificationException.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every single-byte change to data or signature is rejected with the right exception. */
class MinisignTamperTest {

    private static final byte[] DATA = "region,day,trips\nA,2020-01-23,1234\nB,2020-01-23,567\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final String TRUSTED = "timestamp:1579737600\tfile:flows.csv\thashed";

    private static MinisignSecretKey key;
    private static TrustStore trust;
    private static MinisignSignature good;

    @BeforeAll
    static void sign() throws Exception {
        key = MinisignSecretKey.generate();
        trust = TrustStore.of(key.publicKey());
        good = MinisignSigner.sign(key, new ByteArrayInputStream(DATA), TRUSTED, null);
    }

    @AfterAll
    static void wipe() {
        key.destroy();
    }

    @Test
    void untamperedSignatureVerifies() throws Exception {
        assertThat(MinisignVerifier.verify(trust, good, new ByteArrayInputStream(DATA)).trustedComment())
                .isEqualTo(TRUSTED);
    }

    @Test
    void everyFlippedDataByteIsAContentFailure() throws Exception {
        for (int i = 0; i < DATA.length; i++) {
            byte[] d = DATA.clone();
            d[i] ^= 0x01;
            assertReason(good, d, Reason.CONTENT);
        }
        assertReason(good, java.util.Arrays.copyOf(DATA, DATA.length + 1), Reason.CONTENT);
        assertReason(good, java.util.Arrays.copyOf(DATA, DATA.length - 1), Reason.CONTENT);
    }

    @Test
    void everyFlippedSignatureBitIsAContentFailure() throws Exception {
        for (int i = 0; i < 64; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] s = good.signature();
                s[i] ^= (byte) (1 << bit);
                MinisignSignature bad = reparse(withSignature(s, good.trustedComment(), good.globalSignature()));
                assertReason(bad, DATA, Reason.CONTENT);
            }
        }
    }

    @Test
    void everyFlippedTrustedCommentByteIsATrustedCommentFailure() throws Exception {
        byte[] tc = TRUSTED.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < tc.length; i++) {
            byte[] t = tc.clone();
            t[i] ^= 0x01;
            MinisignSignature bad = reparse(withSignature(good.signature(), new String(t, StandardCharsets.UTF_8),
                    good.globalSignature()));
            assertReason(bad, DATA, Reason.TRUSTED_COMMENT);
        }
        assertReason(reparse(withSignature(good.signature(), TRUSTED + " ", good.globalSignature())), DATA,
                Reason.TRUSTED_COMMENT);
    }

    @Test
    void everyFlippedGlobalSignatureBitIsATrustedCommentFailure() throws Exception {
        for (int i = 0; i < 64; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] g = good.globalSignature();
                g[i] ^= (byte) (1 << bit);
                assertReason(reparse(withSignature(good.signature(), TRUSTED, g)), DATA, Reason.TRUSTED_COMMENT);
            }
        }
    }

    @Test
    void untrustedKeyIsNamedInHex() throws Exception {
        try (MinisignSecretKey other = MinisignSecretKey.generate()) {
            Throwable t = catchThrowable(() -> MinisignVerifier.verify(TrustStore.of(other.publicKey()), good,
                    new ByteArrayInputStream(DATA)));
            assertThat(t).isInstanceOf(UntrustedKeyException.class).hasMessageContaining(key.keyIdHex());
            assertThat(((UntrustedKeyException) t).keyIdHex()).isEqualTo(key.keyIdHex());
        }
    }

    @Test
    void flippedKeyIdIsAnUntrustedKey() throws Exception {
        String[] lines = good.toFileText().split("\n");
        byte[] line = Base64.getDecoder().decode(lines[1]);
        line[2] ^= 1;
        lines[1] = Base64.getEncoder().encodeToString(line);
        MinisignSignature bad = MinisignSignature.parse(String.join("\n", lines));
        assertThatThrownBy(() -> MinisignVerifier.verify(trust, bad, new ByteArrayInputStream(DATA)))
                .isInstanceOf(UntrustedKeyException.class);
    }

    @Test
    void sixtyFiveByteSignatureIsAFormatError() {
        String[] lines = good.toFileText().split("\n");
        byte[] line = Base64.getDecoder().decode(lines[1]);
        lines[1] = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(line, line.length + 1));
        assertThatThrownBy(() -> MinisignSignature.parse(String.join("\n", lines)))
                .isInstanceOf(MinisignFormatException.class).hasMessage("the signature is 65 bytes, expected 64");
    }

    @Test
    void sixtyFiveByteGlobalSignatureIsAFormatError() {
        String text = withSignature(good.signature(), TRUSTED,
                java.util.Arrays.copyOf(good.globalSignature(), 65));
        assertThatThrownBy(() -> MinisignSignature.parse(text))
                .isInstanceOf(MinisignFormatException.class).hasMessage("the signature of the trusted comment is 65 bytes, expected 64");
    }

    @Test
    void nonCanonicalBase64IsAFormatError() {
        String[] lines = good.toFileText().split("\n");
        // 64 bytes → 86 chars + "==": the last char's 4 low bits are unused (zero in canonical form); setting one
        // keeps the decoded bytes the same.
        String b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        lines[3] = lines[3].substring(0, 85) + b64.charAt(b64.indexOf(lines[3].charAt(85)) | 1) + "==";
        assertThat(Base64.getDecoder().decode(lines[3])).isEqualTo(good.globalSignature());
        assertThatThrownBy(() -> MinisignSignature.parse(String.join("\n", lines)))
                .isInstanceOf(MinisignFormatException.class).hasMessageContaining("canonical base64");
    }

    @Test
    void legacyAlgorithmIsRefused() {
        String[] lines = good.toFileText().split("\n");
        byte[] line = Base64.getDecoder().decode(lines[1]);
        line[1] = 'd';
        lines[1] = Base64.getEncoder().encodeToString(line);
        assertThatThrownBy(() -> MinisignSignature.parse(String.join("\n", lines)))
                .isInstanceOf(LegacySignatureException.class).hasMessageContaining("minisign -H");
    }

    @Test
    void extraLineInTrustedCommentIsAFormatError() {
        String text = good.toFileText().replace("trusted comment: " + TRUSTED,
                "trusted comment: " + TRUSTED + "\nsecond line");
        assertThatThrownBy(() -> MinisignSignature.parse(text)).isInstanceOf(MinisignFormatException.class)
                .hasMessageContaining("5 lines, expected 4");
    }

    private static void assertReason(MinisignSignature sig, byte[] data, Reason reason) {
        Throwable t = catchThrowable(() -> MinisignVerifier.verify(trust, sig, new ByteArrayInputStream(data)));
        assertThat(t).isInstanceOf(SignatureVerificationException.class);
        assertThat(((SignatureVerificationException) t).reason()).isEqualTo(reason);
    }

    private static MinisignSignature reparse(String text) throws MinisignException {
        return MinisignSignature.parse(text);
    }

    private static String withSignature(byte[] sig, String trusted, byte[] global) {
        byte[] line = new byte[74];
        line[0] = 'E';
        line[1] = 'D';
        System.arraycopy(good.keyId(), 0, line, 2, 8);
        System.arraycopy(sig, 0, line, 10, 64);
        return "untrusted comment: tampered\n" + Base64.getEncoder().encodeToString(line) + "\ntrusted comment: "
                + trusted + "\n" + Base64.getEncoder().encodeToString(global) + "\n";
    }
}
