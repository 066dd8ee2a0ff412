package org.epiflow.bundle;

import org.epiflow.text.Message;

import org.epiflow.bundle.age.AgeCodec;
import org.epiflow.bundle.age.AgeException;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.minisign.MinisignException;
import org.epiflow.bundle.minisign.MinisignHasher;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.model.FlowTable;
import org.epiflow.model.ResidentTable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Seals a minimised dataset into a bundle: payload archive → age encryption → carrier signature → container.
 * Plaintext exists only in memory while streaming; the file appears atomically when complete.
 */
public final class BundleSealer {
    private BundleSealer() {
    }

    /** What was sealed. */
    public record Sealed(Path file, BundleHeader header, BundleManifest manifest, String fingerprint) {
    }

    public static Sealed seal(AggregateDataset data, SealRecipients recipients, MinisignSecretKey signer, Path out)
            throws IOException, BundleException {
        checkAggregate(data);
        BundleInfo info = data.info();
        List<BundleHeader.Recipient> listed = new ArrayList<>();
        if (recipients.isPassphrase()) {
            listed.add(new BundleHeader.Recipient("scrypt", null));
        } else {
            for (String r : recipients.x25519()) {
                listed.add(new BundleHeader.Recipient("X25519", AgeIdentity.keyId(r)));
            }
        }
        BundleHeader header = new BundleHeader(BundleHeader.FORMAT, 1, info.bundleId(), info.issuer(),
                info.created(), signer.keyIdHex(), listed);
        byte[] headerJson = header.toJson();
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".sealing-", ".epiflow.tmp");
        boolean done = false;
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            BundleContainerWriter container = new BundleContainerWriter(ch, headerJson);
            MinisignHasher hasher = new MinisignHasher();
            WritableByteChannel hashed = new HashingChannel(container.payloadChannel(), hasher);
            MessageDigest plainHash = PayloadWriter.sha256();
            BundleManifest manifest;
            try {
                WritableByteChannel enc = recipients.isPassphrase()
                        ? AgeCodec.encryptWithPassphrase(hashed, recipients.passphraseChars(), recipients.logN())
                        : AgeCodec.encrypt(hashed, recipients.x25519());
                try (OutputStream plain = new DigestOutputStream(
                        new java.io.BufferedOutputStream(Channels.newOutputStream(enc), 1 << 16), plainHash)) {
                    manifest = PayloadWriter.write(data, plain);
                }
            } catch (AgeException e) {
                throw new BundleDecryptionException(Message.of("bundle.seal.encryptFailed", e), e);
            }
            container.finishPayload();
            byte[] digest = hasher.digest();
            SignedStatement statement = new SignedStatement(info.bundleId(),
                    HexFormat.of().formatHex(plainHash.digest()),
                    HexFormat.of().formatHex(PayloadWriter.sha256().digest(headerJson)),
                    java.util.OptionalLong.of(container.payloadLength()));
            try {
                container.finish(BundleSignatures.sign(signer, digest, statement).toFileText()
                        .getBytes(StandardCharsets.UTF_8));
            } catch (MinisignException e) {
                throw new BundleSignatureException(Message.of("bundle.seal.signFailed", e), e);
            }
            ch.force(true);
            done = true;
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Sealed(out, header, manifest, Fingerprint.of(digest));
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Refuses to seal anything that an opening workstation would refuse as not aggregate. */
    static void checkAggregate(AggregateDataset data) throws BundleException {
        int k = data.info().k();
        FlowTable f = data.flows();
        for (int r = 0; r < f.rowCount(); r++) {
            if (f.trips(r) < k || f.trips(r) % data.info().roundingBase() != 0) {
                throw new AggregateRuleException(AggregateRuleException.Rule.BELOW_K,
                        Message.of("bundle.seal.flowNotMinimised", r));
            }
        }
        if (data.residents().isPresent()) {
            ResidentTable t = data.residents().get();
            for (int r = 0; r < t.rowCount(); r++) {
                if (t.residents(r) < k || t.residents(r) % data.info().roundingBase() != 0) {
                    throw new AggregateRuleException(AggregateRuleException.Rule.BELOW_K,
                            Message.of("bundle.seal.residentNotMinimised", r));
                }
            }
        }
        if (!BundleManifest.PURPOSE.equals(data.info().purpose())) {
            throw new BundlePurposeException("bundle.seal.purpose", BundleManifest.PURPOSE);
        }
        if (!BundleHeader.ID.matcher(data.info().bundleId()).matches()) {
            throw new BundleFormatException("bundle.seal.badId", data.info().bundleId());
        }
    }

    /** Feeds the ciphertext to the signature hash on its way into the container. */
    private static final class HashingChannel implements WritableByteChannel {
        private final WritableByteChannel out;
        private final MinisignHasher hasher;

        HashingChannel(WritableByteChannel out, MinisignHasher hasher) {
            this.out = out;
            this.hasher = hasher;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            hasher.update(src.duplicate());
            return out.write(src);
        }

        @Override
        public boolean isOpen() {
            return out.isOpen();
        }

        @Override
        public void close() {
            // the container entry is finished by the sealer
        }
    }
}
