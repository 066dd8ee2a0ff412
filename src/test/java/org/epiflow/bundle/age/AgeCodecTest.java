package org.epiflow.bundle.age;

import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.epiflow.bundle.age.AgeTestSupport.bytes;
import static org.epiflow.bundle.age.AgeTestSupport.decrypt;
import static org.epiflow.bundle.age.AgeTestSupport.decryptWithPassphrase;
import static org.epiflow.bundle.age.AgeTestSupport.encrypt;
import static org.epiflow.bundle.age.AgeTestSupport.encryptWithPassphrase;

class AgeCodecTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65535, 65536, 65537, 200_000})
    void multiRecipientRoundTrip(int size) throws Exception {
        byte[] plain = bytes(size, size);
        try (AgeIdentity a = AgeIdentity.generate(); AgeIdentity b = AgeIdentity.generate();
             AgeIdentity stranger = AgeIdentity.generate()) {
            byte[] file = encrypt(plain, List.of(a.recipient(), b.recipient()));
            assertThat(decrypt(file, a)).isEqualTo(plain);
            assertThat(decrypt(file, b)).isEqualTo(plain);
            assertThatThrownBy(() -> decrypt(file, stranger)).isInstanceOf(NoIdentityMatchException.class)
                    .hasMessage("this was not encrypted for your key");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65536, 100_000})
    void passphraseRoundTrip(int size) throws Exception {
        byte[] plain = bytes(size, 7);
        byte[] file = encryptWithPassphrase(plain, "correct horse", 10);
        assertThat(new String(file, 0, 40, StandardCharsets.US_ASCII)).contains("\n-> scrypt ");
        assertThat(decryptWithPassphrase(file, "correct horse", 20)).isEqualTo(plain);
        assertThatThrownBy(() -> decryptWithPassphrase(file, "wrong horse", 20))
                .isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void passphraseFileIsNotOpenedByAnIdentityAndViceVersa() throws Exception {
        byte[] pw = encryptWithPassphrase(bytes(10, 1), "pw", 10);
        try (AgeIdentity id = AgeIdentity.generate()) {
            assertThatThrownBy(() -> decrypt(pw, id)).isInstanceOf(NoIdentityMatchException.class);
            byte[] keyed = encrypt(bytes(10, 1), List.of(id.recipient()));
            assertThatThrownBy(() -> decryptWithPassphrase(keyed, "pw", 20)).isInstanceOf(NoIdentityMatchException.class);
        }
    }

    @Test
    void excessiveWorkFactorFailsFastWithoutRunningScrypt() throws Exception {
        byte[] file = encryptWithPassphrase(bytes(10, 1), "pw", 10);
        byte[] patched = replaceFirst(file, " 10\n", " 21\n");
        long start = System.nanoTime();
        assertThatThrownBy(() -> decryptWithPassphrase(patched, "pw", 20))
                .isInstanceOf(WorkFactorTooHighException.class)
                .hasMessage("the passphrase protection demands work factor 2^21; at most 2^20 is accepted");
        // scrypt at 2^21 needs 2 GiB and seconds; refusing must take only milliseconds
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
        byte[] twelve = encryptWithPassphrase(bytes(10, 1), "pw", 12);
        assertThatThrownBy(() -> decryptWithPassphrase(twelve, "pw", 11)).isInstanceOf(WorkFactorTooHighException.class);
        assertThat(decryptWithPassphrase(twelve, "pw", 12)).isEqualTo(bytes(10, 1));
    }

    @Test
    void scryptStanzaMustBeTheOnlyOne() throws Exception {
        try (AgeIdentity id = AgeIdentity.generate();
             ScryptRecipientStanzaWriter scrypt = new ScryptRecipientStanzaWriter("pw".toCharArray(), 10)) {
            List<RecipientStanzaWriter> writers = List.of(scrypt,
                    X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(id.recipient()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (WritableByteChannel enc = new StandardEncryptingChannelFactory()
                    .newEncryptingChannel(Channels.newChannel(out), writers)) {
                AgeTestSupport.writeAll(enc, bytes(5, 5));
            }
            byte[] file = out.toByteArray();
            assertThatThrownBy(() -> decryptWithPassphrase(file, "pw", 20)).isInstanceOf(AgeHeaderException.class)
                    .hasMessageContaining("a passphrase entry must be the only recipient");
            assertThatThrownBy(() -> decrypt(file, id)).isInstanceOf(AgeHeaderException.class);
        }
    }

    @Test
    void truncationsAreDetected() throws Exception {
        try (AgeIdentity id = AgeIdentity.generate()) {
            byte[] plain = bytes(150_000, 3);
            byte[] file = encrypt(plain, List.of(id.recipient()));
            int headerEnd = headerLength(file);
            for (int cut : new int[] {0, 10, 22, headerEnd / 2, headerEnd - 2, headerEnd, headerEnd + 8}) {
                assertThatThrownBy(() -> decrypt(Arrays.copyOf(file, cut), id)).as("cut at %d", cut)
                        .isInstanceOf(AgeHeaderException.class);
            }
            int payloadStart = headerEnd + 16;
            int chunk = 65536 + 16;
            for (int cut : new int[] {payloadStart, payloadStart + 1, payloadStart + chunk, payloadStart + chunk + 100,
                    payloadStart + 2 * chunk, file.length - 1}) {
                assertThatThrownBy(() -> decrypt(Arrays.copyOf(file, cut), id)).as("cut at %d", cut)
                        .isInstanceOf(AgePayloadException.class)
                        .hasMessage("the encrypted data is damaged or was altered");
            }
            byte[] extended = Arrays.copyOf(file, file.length + 1);
            assertThatThrownBy(() -> decrypt(extended, id)).isInstanceOf(AgePayloadException.class);
        }
    }

    @Test
    void everySingleByteFlipIsRejectedWithTheRightException() throws Exception {
        try (AgeIdentity id = AgeIdentity.generate()) {
            byte[] file = encrypt(bytes(300, 4), List.of(id.recipient()));
            int headerEnd = headerLength(file);
            int macLine = lastIndexOf(file, "\n--- ".getBytes(StandardCharsets.US_ASCII), headerEnd) + 1;
            for (int i = 0; i < file.length; i++) {
                byte[] flipped = file.clone();
                flipped[i] ^= 0x01;
                Throwable t = catchAny(() -> decrypt(flipped, id));
                if (i < macLine) {
                    // version line and stanzas: malformed header, or the stanza no longer opens
                    assertThat(t).as("flip at %d (stanza area)", i)
                            .isInstanceOfAny(AgeHeaderException.class, NoIdentityMatchException.class);
                } else if (i < headerEnd) {
                    assertThat(t).as("flip at %d (MAC line)", i).isInstanceOf(AgeHeaderException.class);
                } else {
                    assertThat(t).as("flip at %d (nonce/payload)", i).isInstanceOf(AgePayloadException.class);
                }
            }
        }
    }

    @Test
    void flipsInAPassphraseFileAreRejected() throws Exception {
        byte[] file = encryptWithPassphrase(bytes(100, 4), "pw", 10);
        int headerEnd = headerLength(file);
        int bodyStart = indexOf(file, (byte) '\n', 22) + 1;
        int body = indexOf(file, (byte) '\n', bodyStart) + 1;
        byte[] tamperedBody = file.clone();
        tamperedBody[body] ^= 0x01;
        assertThat(catchAny(() -> decryptWithPassphrase(tamperedBody, "pw", 20)))
                .isInstanceOfAny(AgeHeaderException.class, WrongPassphraseException.class);
        byte[] tamperedMac = file.clone();
        tamperedMac[headerEnd - 3] ^= 0x01;
        assertThat(catchAny(() -> decryptWithPassphrase(tamperedMac, "pw", 20))).isInstanceOf(AgeHeaderException.class);
        byte[] tamperedPayload = file.clone();
        tamperedPayload[file.length - 5] ^= 0x01;
        assertThat(catchAny(() -> decryptWithPassphrase(tamperedPayload, "pw", 20)))
                .isInstanceOf(AgePayloadException.class);
    }

    @Test
    void notAnAgeFile() {
        try (AgeIdentity id = AgeIdentity.generate()) {
            assertThatThrownBy(() -> decrypt("%PDF-1.7 hello".getBytes(StandardCharsets.US_ASCII), id))
                    .isInstanceOf(AgeHeaderException.class)
                    .hasMessage("the encrypted data was altered or is not age-encrypted");
        }
    }

    @Test
    void invalidRecipientIsRefused() {
        assertThatThrownBy(() -> encrypt(new byte[1], List.of("age1notakey")))
                .isInstanceOf(AgeException.class).hasMessageContaining("not a valid age X25519 recipient");
        assertThatThrownBy(() -> encrypt(new byte[1], List.of())).isInstanceOf(AgeException.class);
    }

    @Test
    void armoredOutputRoundTripsThroughAutoDetection() throws Exception {
        try (AgeIdentity id = AgeIdentity.generate()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (WritableByteChannel enc = AgeCodec.encrypt(Channels.newChannel(out), List.of(id.recipient()), true)) {
                AgeTestSupport.writeAll(enc, bytes(70_000, 9));
            }
            byte[] armored = out.toByteArray();
            assertThat(new String(armored, 0, 34, StandardCharsets.US_ASCII)).isEqualTo(PeekedChannel.ARMOR_BEGIN);
            assertThat(decrypt(armored, id)).isEqualTo(bytes(70_000, 9));
            assertThat(AgeCodec.recipientsOf(AgeTestSupport.channel(armored)).armored()).isTrue();
        }
    }

    @Test
    void headerSummaryListsStanzaTypesOnly() throws Exception {
        try (AgeIdentity a = AgeIdentity.generate(); AgeIdentity b = AgeIdentity.generate()) {
            AgeHeaderSummary keyed = AgeCodec.recipientsOf(AgeTestSupport.channel(
                    encrypt(new byte[3], List.of(a.recipient(), b.recipient()))));
            assertThat(keyed.x25519Count()).isEqualTo(2);
            assertThat(keyed.passphraseProtected()).isFalse();
            assertThat(keyed.stanzas()).extracting(AgeHeaderSummary.StanzaInfo::type).containsOnly("X25519");
        }
        AgeHeaderSummary pw = AgeCodec.recipientsOf(AgeTestSupport.channel(encryptWithPassphrase(new byte[3], "pw", 11)));
        assertThat(pw.passphraseProtected()).isTrue();
        assertThat(pw.stanzas()).containsExactly(new AgeHeaderSummary.StanzaInfo("scrypt", OptionalInt.of(11)));
        assertThatThrownBy(() -> AgeCodec.recipientsOf(AgeTestSupport.channel("nope\n".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(AgeHeaderException.class);
    }

    interface Action {
        void run() throws Exception;
    }

    static Throwable catchAny(Action a) {
        try {
            a.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected a failure");
    }

    static int headerLength(byte[] file) {
        int mac = indexOf(file, "\n--- ".getBytes(StandardCharsets.US_ASCII));
        return indexOf(file, (byte) '\n', mac + 1) + 1;
    }

    static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static int indexOf(byte[] a, byte[] pat) {
        return lastIndexOf(a, pat, -1);
    }

    /** With limit < 0: first occurrence; otherwise last occurrence starting before limit. */
    static int lastIndexOf(byte[] a, byte[] pat, int limit) {
        int found = -1;
        outer:
        for (int i = 0; i + pat.length <= a.length && (limit < 0 || i < limit); i++) {
            for (int j = 0; j < pat.length; j++) {
                if (a[i + j] != pat[j]) {
                    continue outer;
                }
            }
            if (limit < 0) {
                return i;
            }
            found = i;
        }
        return found;
    }

    static byte[] replaceFirst(byte[] data, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        int i = indexOf(data, f);
        assertThat(i).isGreaterThanOrEqualTo(0);
        byte[] out = new byte[data.length - f.length + t.length];
        System.arraycopy(data, 0, out, 0, i);
        System.arraycopy(t, 0, out, i, t.length);
        System.arraycopy(data, i + f.length, out, i + t.length, data.length - i - f.length);
        return out;
    }

    /**
     * Found by fuzzing (AgeFuzzTest.decryptWithPassphrase, kept as finding-armor-short-line-underflow): an armor-like
     * first line of dashes with two stray bytes and a lone CR made jagged's armor reader throw
     * BufferUnderflowException — an exception no caller expects. It is refused as malformed armor.
     */
    @Test
    void aShortArmorLineIsRefusedAsMalformedArmorNotABufferUnderflow() {
        byte[] file = java.util.Base64.getDecoder().decode("LS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS3c0i0tLS0tLS0tLS0tLS0tLS0tLQ0=");
        assertThatThrownBy(() -> AgeCodec.decryptWithPassphrase(
                Channels.newChannel(new java.io.ByteArrayInputStream(file)), "x".toCharArray(), 10))
                .isInstanceOf(AgeException.class);
    }
}
