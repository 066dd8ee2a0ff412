package org.epiflow.bundle.age;

import com.exceptionfactory.jagged.FileKey;
import com.exceptionfactory.jagged.RecipientStanza;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Direct tests of the scrypt stanza writer/reader, independent of the file framing. */
class AgeScryptStanzaTest {
    private static final byte[] FILE_KEY = "YELLOW SUBMARINE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static RecipientStanza written(int logN) throws Exception {
        try (ScryptRecipientStanzaWriter w = new ScryptRecipientStanzaWriter("pw".toCharArray(), logN)) {
            return w.getRecipientStanzas(new FileKey(FILE_KEY.clone())).iterator().next();
        }
    }

    private static AgeException rejection(RecipientStanza s, String pass, int maxLogN) {
        try (ScryptRecipientStanzaReader r = new ScryptRecipientStanzaReader(pass.toCharArray(), maxLogN)) {
            r.getFileKey(List.of(s));
        } catch (StanzaRejection e) {
            return e.reason();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted");
    }

    @Test
    void writerFollowsTheSpecAndReaderOpensIt() throws Exception {
        RecipientStanza s = written(10);
        assertThat(s.getType()).isEqualTo("scrypt");
        assertThat(s.getArguments()).hasSize(2);
        assertThat(s.getArguments().get(0)).hasSize(22).doesNotContain("=");
        assertThat(Base64.getDecoder().decode(s.getArguments().get(0))).hasSize(16);
        assertThat(s.getArguments().get(1)).isEqualTo("10");
        assertThat(s.getBody()).hasSize(32);
        try (ScryptRecipientStanzaReader r = new ScryptRecipientStanzaReader("pw".toCharArray(), 10)) {
            assertThat(r.getFileKey(List.of(s)).getEncoded()).isEqualTo(FILE_KEY);
        }
        assertThat(rejection(s, "PW", 20)).isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void strictWorkFactorAndSaltParsing() throws Exception {
        RecipientStanza good = written(10);
        String salt = good.getArguments().get(0);
        for (String bad : List.of("0", "010", "+10", "-10", "0xa", "10a", " 10", "9223372036854775818")) {
            Stanza s = new Stanza("scrypt", List.of(salt, bad), good.getBody());
            assertThat(rejection(s, "pw", 20)).as(bad).isInstanceOf(AgeHeaderException.class);
        }
        assertThat(rejection(new Stanza("scrypt", List.of(salt), good.getBody()), "pw", 20))
                .as("missing work factor").isInstanceOf(AgeHeaderException.class);
        for (String badSalt : List.of(salt + "==", salt.substring(0, 21) + "R", salt.substring(0, 20), salt + "AAAA")) {
            assertThat(rejection(new Stanza("scrypt", List.of(badSalt, "10"), good.getBody()), "pw", 20))
                    .as(badSalt).isInstanceOf(AgeHeaderException.class);
        }
        byte[] longBody = java.util.Arrays.copyOf(good.getBody(), 33);
        assertThat(rejection(new Stanza("scrypt", List.of(salt, "10"), longBody), "pw", 20))
                .isInstanceOf(AgeHeaderException.class);
    }

    @Test
    void workFactorCapIsCheckedBeforeScrypt() {
        Stanza huge = new Stanza("scrypt", List.of("rF0/NwblUHHTpgQgRpe5CQ", "30"), new byte[32]);
        long start = System.nanoTime();
        assertThat(rejection(huge, "pw", 20)).isInstanceOf(WorkFactorTooHighException.class)
                .hasMessage("the passphrase protection demands work factor 2^30; at most 2^20 is accepted");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(200);
    }

    @Test
    void scryptMustStandAloneAndOtherStanzasDoNotMatch() {
        Stanza scrypt = new Stanza("scrypt", List.of("rF0/NwblUHHTpgQgRpe5CQ", "10"), new byte[32]);
        Stanza other = new Stanza("X25519", List.of("TEiF0ypqr+bpvcqXNyCVJpL7OuwPdVwPL7KQEbFDOCc"), new byte[32]);
        assertThat(rejection(new Stanza("X25519", other.getArguments(), other.getBody()), "pw", 20))
                .isInstanceOf(NoIdentityMatchException.class);
        try (ScryptRecipientStanzaReader r = new ScryptRecipientStanzaReader("pw".toCharArray(), 20)) {
            assertThatThrownBy(() -> r.getFileKey(List.of(other, scrypt))).isInstanceOf(StanzaRejection.class)
                    .satisfies(e -> assertThat(((StanzaRejection) e).reason()).isInstanceOf(AgeHeaderException.class));
        }
        assertThatThrownBy(() -> new ScryptRecipientStanzaWriter(new char[0], 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScryptRecipientStanzaReader("pw".toCharArray(), 31)).isInstanceOf(IllegalArgumentException.class);
    }
}
