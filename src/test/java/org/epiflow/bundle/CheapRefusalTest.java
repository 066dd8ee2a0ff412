package org.epiflow.bundle;

import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.TrustStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Refusing costs nothing (issue 13, item 4): a bundle whose signature cannot verify is refused from its header and
 * signature alone, before a byte of its (here 1 GiB, sparse) payload is hashed. The figure — under 0.5 s for any
 * size — is measured by {@code epiflow bench refuse} (docs/performance.md); this test checks the order of the work.
 */
class CheapRefusalTest {
    static final long PAYLOAD = 1L << 30;
    static MinisignSecretKey carrier;
    static MinisignSecretKey stranger;
    static TrustStore trust;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() {
        carrier = MinisignSecretKey.generate();
        stranger = MinisignSecretKey.generate();
        trust = TrustStore.of(carrier.publicKey());
    }

    @AfterAll
    static void wipe() {
        carrier.close();
        stranger.close();
    }

    static byte[] header() {
        return new BundleHeader(BundleHeader.FORMAT, 1, "big-0001", "Carrier", Instant.parse("2020-04-01T08:00:00Z"),
                carrier.keyIdHex(), List.of(new BundleHeader.Recipient("X25519", "0123456789abcdef"))).toJson();
    }

    /** A canonical container whose payload.age is {@code payloadLength} bytes of nothing (a sparse file). */
    static Path sparseBundle(Path file, byte[] header, long payloadLength, byte[] signature) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            long[] offsets = new long[3];
            long[] lengths = {header.length, payloadLength, signature.length};
            int[] crcs = {crc(header), 0, crc(signature)};
            long pos = 0;
            byte[][] data = {header, null, signature};
            for (int i = 0; i < 3; i++) {
                offsets[i] = pos;
                byte[] lh = BundleContainer.localHeader(BundleContainer.NAMES[i], crcs[i], lengths[i]);
                ch.write(ByteBuffer.wrap(lh), pos);
                pos += lh.length;
                if (data[i] != null) {
                    ch.write(ByteBuffer.wrap(data[i]), pos);
                }
                pos += lengths[i];
            }
            ch.write(ByteBuffer.wrap(BundleContainer.centralDirectoryAndEnd(offsets, lengths, crcs, pos)), pos);
        }
        return file;
    }

    static int crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return (int) c.getValue();
    }

    /** Records the stages reported: hashing the payload reports {@link BundleStage#VERIFYING_SIGNATURE}. */
    static final class Stages implements BundleProgress {
        final List<BundleStage> seen = new ArrayList<>();

        @Override
        public void update(BundleStage stage, double fraction) {
            seen.add(stage);
        }
    }

    void refusedWithoutHashing(Path file, String why) {
        Stages stages = new Stages();
        assertThatThrownBy(() -> new BundleReader(trust).verify(file, stages))
                .isInstanceOf(BundleSignatureException.class).hasMessageContaining(why);
        assertThat(stages.seen).as("the payload was not hashed").doesNotContain(BundleStage.VERIFYING_SIGNATURE);
    }

    static String statement(byte[] header, OptionalLong payloadBytes) {
        return new SignedStatement("big-0001", "0".repeat(64),
                HexFormat.of().formatHex(PayloadWriter.sha256().digest(header)), payloadBytes).toComment();
    }

    @Test
    void garbageInsteadOfASignatureIsRefusedBeforeHashing() throws Exception {
        byte[] junk = "untrusted comment: epiflow bundle signature\nnot a signature\n".getBytes(StandardCharsets.UTF_8);
        refusedWithoutHashing(sparseBundle(dir.resolve("a.epiflow"), header(), PAYLOAD, junk), "2 lines");
    }

    @Test
    void aSignatureByAKeyThatIsNotPinnedIsRefusedBeforeHashing() throws Exception {
        byte[] h = header();
        byte[] sig = BundleSignatures.sign(stranger, new byte[64],
                SignedStatement.parse(statement(h, OptionalLong.empty()))).toFileText().getBytes(StandardCharsets.UTF_8);
        refusedWithoutHashing(sparseBundle(dir.resolve("b.epiflow"), h, PAYLOAD, sig), "not among your trusted");
    }

    @Test
    void aForgedSignatureUnderThePinnedKeyIdIsRefusedBeforeHashing() throws Exception {
        byte[] h = header();
        String text = BundleSignatures.sign(carrier, new byte[64], SignedStatement.parse(statement(h,
                OptionalLong.empty()))).toFileText();
        // change the global signature (last line) so it no longer verifies; the key id stays the pinned one
        String[] lines = text.split("\n");
        byte[] global = java.util.Base64.getDecoder().decode(lines[3]);
        global[5] ^= 1;
        lines[3] = java.util.Base64.getEncoder().encodeToString(global);
        byte[] forged = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        refusedWithoutHashing(sparseBundle(dir.resolve("c.epiflow"), h, PAYLOAD, forged), "trusted comment was altered");
    }

    @Test
    void aGenuineSignatureReplayedOverAnotherPayloadIsRefusedBeforeHashing() throws Exception {
        byte[] h = header();
        // the carrier really signed this header and statement, for a 4 KiB payload
        byte[] sig = BundleSignatures.sign(carrier, new byte[64], SignedStatement.parse(statement(h,
                OptionalLong.of(4096)))).toFileText().getBytes(StandardCharsets.UTF_8);
        refusedWithoutHashing(sparseBundle(dir.resolve("d.epiflow"), h, PAYLOAD, sig), "the carrier signed 4,096 bytes");
    }

    @Test
    void aSignatureThatPassesEveryCheapCheckIsThenCheckedAgainstThePayload() throws Exception {
        byte[] h = header();
        byte[] sig = BundleSignatures.sign(carrier, new byte[64], SignedStatement.parse(statement(h,
                OptionalLong.of(1 << 20)))).toFileText().getBytes(StandardCharsets.UTF_8);
        Path file = sparseBundle(dir.resolve("e.epiflow"), h, 1 << 20, sig);
        Stages stages = new Stages();
        assertThatThrownBy(() -> new BundleReader(trust).verify(file, stages)).isInstanceOf(BundleException.class);
        assertThat(stages.seen).contains(BundleStage.VERIFYING_SIGNATURE);
    }
}
