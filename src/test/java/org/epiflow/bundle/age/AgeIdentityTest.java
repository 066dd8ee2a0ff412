package org.epiflow.bundle.age;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgeIdentityTest {
    private static final String CCTV_IDENTITY = "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0";
    /** From {@code age-keygen -y}. */
    private static final String CCTV_RECIPIENT = "age1xmwwc06ly3ee5rytxm9mflaz2u56jjj36s0mypdrwsvlul66mv4q47ryef";

    @Test
    void parsesAndReencodesLikeAge() throws Exception {
        try (AgeIdentity id = AgeIdentity.parse(CCTV_IDENTITY.toCharArray())) {
            assertThat(id.recipient()).isEqualTo(CCTV_RECIPIENT);
            assertThat(new String(id.toChars())).isEqualTo(CCTV_IDENTITY);
            assertThat(id.toString()).doesNotContain("SECRET");
        }
    }

    @Test
    void keyIdIsTruncatedSha256OfTheRecipientString() {
        // printf %s age1xmww… | sha256sum | cut -c1-16
        assertThat(AgeIdentity.keyId(CCTV_RECIPIENT)).isEqualTo("9e9cf52b19daa549");
    }

    @Test
    void generatedIdentitiesRoundTrip() throws Exception {
        try (AgeIdentity a = AgeIdentity.generate()) {
            char[] chars = a.toChars();
            try (AgeIdentity b = AgeIdentity.parse(chars)) {
                assertThat(b.recipient()).isEqualTo(a.recipient()).startsWith("age1").hasSize(62);
                assertThat(AgeIdentity.isValidRecipient(a.recipient())).isTrue();
            }
            assertThat(new String(chars)).startsWith("AGE-SECRET-KEY-1").hasSize(74);
        }
    }

    @Test
    void rejectsMalformedIdentities() {
        for (String bad : List.of(CCTV_IDENTITY.toLowerCase(), "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM1",
                "Age-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0", CCTV_RECIPIENT, "", "AGE-SECRET-KEY-1")) {
            assertThatThrownBy(() -> AgeIdentity.parse(bad.toCharArray())).as(bad).isInstanceOf(AgeException.class)
                    .hasMessageNotContaining("EGTZVFF");
        }
        assertThatThrownBy(() -> AgeIdentity.parse("AGE-SECRET-KEY-PQ-1HZLGZUPT4ETPKDEV8HSGFDCYZ4E522W0A7PU2LHT8EH9W6YLNC3SW78XKG".toCharArray()))
                .isInstanceOf(UnsupportedRecipientException.class).hasMessageContaining("not supported");
        assertThat(AgeIdentity.isValidRecipient(CCTV_RECIPIENT.toUpperCase())).isFalse();
        assertThat(AgeIdentity.isValidRecipient(CCTV_RECIPIENT.substring(0, 61) + "q")).isFalse();
    }

    @Test
    void destroyWipesTheSecret() {
        AgeIdentity id = AgeIdentity.generate();
        id.close();
        assertThat(id.isDestroyed()).isTrue();
        assertThatThrownBy(id::toChars).isInstanceOf(IllegalStateException.class);
        assertThat(id.recipient()).startsWith("age1");
    }

    @Test
    void identityFileRoundTripWithOwnerOnlyPermissions(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("officer.key");
        try (AgeIdentity id = AgeIdentity.generate()) {
            AgeIdentityFile.write(key, id, "s3cret pass".toCharArray(), 10);
            byte[] raw = Files.readAllBytes(key);
            assertThat(new String(raw, 0, 32, StandardCharsets.US_ASCII)).startsWith("age-encryption.org/v1\n-> scrypt ");
            assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("AGE-SECRET-KEY").doesNotContain(id.recipient());
            if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
            }
            try (AgeIdentity back = AgeIdentityFile.read(key, "s3cret pass".toCharArray())) {
                assertThat(back.recipient()).isEqualTo(id.recipient());
            }
            assertThatThrownBy(() -> AgeIdentityFile.read(key, "wrong".toCharArray())).isInstanceOf(WrongPassphraseException.class);
            assertThatThrownBy(() -> AgeIdentityFile.write(key, id, "x".toCharArray(), 10))
                    .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        }
    }

    @Test
    void identityFilePlaintextMatchesAgeKeygenLayout() throws Exception {
        try (AgeIdentity id = AgeIdentity.generate()) {
            byte[] plain = AgeIdentityFile.plaintext(id);
            String text = new String(plain, StandardCharsets.US_ASCII);
            assertThat(text).matches("# created: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)\n"
                    + "# public key: age1[a-z0-9]{58}\nAGE-SECRET-KEY-1[A-Z0-9]{58}\n");
            try (AgeIdentity back = AgeIdentityFile.parse(plain)) {
                assertThat(back.recipient()).isEqualTo(id.recipient());
            }
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Test
    void unencryptedIdentityFilesNeedTheExplicitMethod(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key.txt");
        Files.writeString(key, "# created: 2024-01-01T00:00:00Z\n# public key: " + CCTV_RECIPIENT + "\n" + CCTV_IDENTITY + "\n");
        assertThatThrownBy(() -> AgeIdentityFile.read(key, "pw".toCharArray()))
                .isInstanceOf(AgeException.class).hasMessageContaining("is not protected by a passphrase");
        try (AgeIdentity id = AgeIdentityFile.readUnencrypted(key)) {
            assertThat(id.recipient()).isEqualTo(CCTV_RECIPIENT);
        }
        Files.writeString(key, "# public key: age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq\n" + CCTV_IDENTITY + "\n");
        assertThatThrownBy(() -> AgeIdentityFile.readUnencrypted(key)).hasMessageContaining("inconsistent");
        Files.writeString(key, CCTV_IDENTITY + "\n" + CCTV_IDENTITY + "\n");
        assertThatThrownBy(() -> AgeIdentityFile.readUnencrypted(key)).hasMessageContaining("more than one");
    }
}
