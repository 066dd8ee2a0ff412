package org.epiflow.bundle;

import org.epiflow.bundle.minisign.MinisignException;
import org.epiflow.bundle.minisign.MinisignHasher;
import org.epiflow.bundle.minisign.MinisignSignature;
import org.epiflow.bundle.minisign.TrustStore;
import org.epiflow.bundle.minisign.VerifiedSignature;
import org.epiflow.text.Message;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The container and carrier-signature checks, cheapest first: the container's structure and sizes, the header, the
 * signature file's form, that its key is pinned, the global signature over the signed statement, and what the
 * statement says about the header and the payload's length — all without reading the payload. Only a bundle that
 * passes all of that has its (possibly large) payload hashed for the signature proper, so a file whose signature
 * cannot verify is refused in well under a second whatever its size.
 */
final class SignatureCheck {
    private static final int CHUNK = 1 << 20;

    private SignatureCheck() {
    }

    static BundleReader.Verified verify(FileChannel ch, TrustStore trust, BundleLimits limits, BundleProgress progress)
            throws IOException, BundleException {
        progress.update(BundleStage.CHECKING_FILE, 0.0);
        BundleContainer.Layout layout = BundleContainer.read(ch, limits);
        BundleHeader header = BundleHeader.parse(layout.header());
        MinisignSignature sig;
        VerifiedSignature statementSigned;
        try {
            sig = BundleSignatures.parse(layout.signature());
            statementSigned = BundleSignatures.verifyStatement(trust, sig);
        } catch (MinisignException e) {
            throw new BundleSignatureException(e.message(), e);
        }
        SignedStatement statement = SignedStatement.parse(statementSigned.trustedComment());
        if (!statement.bundleId().equals(header.bundleId())) {
            throw new BundleSignatureException("bundle.signature.otherBundle", statement.bundleId(), header.bundleId());
        }
        String headerHash = HexFormat.of().formatHex(PayloadWriter.sha256().digest(layout.header()));
        if (!headerHash.equals(statement.headerSha256())) {
            throw new BundleSignatureException("bundle.signature.headerAltered");
        }
        String signer = statementSigned.publicKey().keyIdHex();
        if (!signer.equalsIgnoreCase(header.signerKeyId())) {
            throw new BundleSignatureException("bundle.signature.otherSigner", header.signerKeyId(), signer);
        }
        if (statement.payloadBytes().isPresent() && statement.payloadBytes().getAsLong() != layout.payloadLength()) {
            throw new BundleSignatureException("bundle.signature.payloadLength", layout.payloadLength(),
                    statement.payloadBytes().getAsLong());
        }
        byte[] digest = hashPayload(ch, layout, progress);
        try {
            BundleSignatures.verify(trust, sig, digest);
        } catch (MinisignException e) {
            throw new BundleSignatureException(e.message(), e);
        }
        return new BundleReader.Verified(header, statement, signer, Fingerprint.of(digest), layout);
    }

    private static byte[] hashPayload(FileChannel ch, BundleContainer.Layout layout, BundleProgress progress)
            throws IOException, BundleException {
        MinisignHasher hasher = new MinisignHasher();
        CRC32 crc = new CRC32();
        ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
        long pos = layout.payloadOffset();
        long end = pos + layout.payloadLength();
        while (pos < end) {
            if (progress.isCancelled()) {
                throw new BundleCancelledException();
            }
            buf.clear().limit((int) Math.min(CHUNK, end - pos));
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new BundleFormatException("bundle.container.truncatedIn", BundleContainer.PAYLOAD);
            }
            buf.flip();
            crc.update(buf.duplicate());
            hasher.update(buf);
            pos += n;
            progress.update(BundleStage.VERIFYING_SIGNATURE,
                    0.25 * (pos - layout.payloadOffset()) / Math.max(1, layout.payloadLength()));
        }
        if ((int) crc.getValue() != layout.payloadCrc()) {
            throw new BundleFormatException("bundle.container.crc", BundleContainer.PAYLOAD);
        }
        return hasher.digest();
    }
}
