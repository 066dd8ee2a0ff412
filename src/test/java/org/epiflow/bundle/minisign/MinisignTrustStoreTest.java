package org.epiflow.bundle.minisign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinisignTrustStoreTest {

    @TempDir
    Path dir;

    @Test
    void loadsSeveralKeysWithCommentsAndBlankLines() throws Exception {
        try (MinisignSecretKey a = MinisignSecretKey.generate(); MinisignSecretKey b = MinisignSecretKey.generate()) {
            Path f = dir.resolve("trusted.pub");
            Files.writeString(f, "# EpiFlow trusted carriers\n\n" + a.publicKey().toFileText() + "\n# carrier B\n"
                    + b.publicKey().toBase64() + "\n\n");
            TrustStore store = TrustStore.load(f);
            assertThat(store.keys()).containsExactly(a.publicKey(), b.publicKey());
            assertThat(store.find(b.publicKey().keyId())).contains(b.publicKey());
            assertThat(store.find(new byte[8])).isEmpty();
        }
    }

    @Test
    void malformedKeyLineNamesTheLine() throws Exception {
        try (MinisignSecretKey a = MinisignSecretKey.generate()) {
            String text = a.publicKey().toFileText() + "RWQnotakey\n";
            assertThatThrownBy(() -> TrustStore.parse(text, "trusted.pub"))
                    .isInstanceOf(MinisignFormatException.class).hasMessageStartingWith("trusted.pub line 3: ");
        }
    }

    @Test
    void danglingCommentEmptyFileAndKeyIdClashAreRefused() throws Exception {
        try (MinisignSecretKey a = MinisignSecretKey.generate(); MinisignSecretKey b = MinisignSecretKey.generate()) {
            assertThatThrownBy(() -> TrustStore.parse("untrusted comment: x\n", "t"))
                    .isInstanceOf(MinisignFormatException.class).hasMessageContaining("no public key");
            assertThatThrownBy(() -> TrustStore.parse("# nothing\n\n", "t"))
                    .isInstanceOf(MinisignFormatException.class).hasMessageContaining("holds no public key");
            MinisignPublicKey clash = MinisignPublicKey.of(a.publicKey().keyId(), b.publicKey().key());
            assertThatThrownBy(() -> TrustStore.parse(a.publicKey().toBase64() + "\n" + clash.toBase64(), "t"))
                    .isInstanceOf(MinisignFormatException.class).hasMessageContaining(a.keyIdHex());
            assertThatThrownBy(() -> TrustStore.of(a.publicKey(), clash)).isInstanceOf(IllegalArgumentException.class);
            assertThat(TrustStore.of(a.publicKey(), a.publicKey()).keys()).hasSize(1);
        }
    }

    @Test
    void lowOrderPublicKeyIsRefused() {
        // The identity point encoding (order 1) with key id 0.
        byte[] raw = new byte[42];
        raw[0] = 'E';
        raw[1] = 'd';
        raw[10] = 1;
        String b64 = java.util.Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> MinisignPublicKey.parse(b64))
                .isInstanceOf(MinisignFormatException.class).hasMessageContaining("low-order");
    }
}
