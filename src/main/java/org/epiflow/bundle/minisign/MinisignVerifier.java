package org.epiflow.bundle.minisign;

import org.epiflow.text.Message;

import java.io.IOException;
import java.io.InputStream;
import org.epiflow.bundle.minisign.SignatureVerificationException.Reason;

/**
 * Verifies prehashed minisign signatures against a {@link TrustStore}.
 *
 * <p>Checks, in order: the algorithm (legacy {@code Ed} signatures are already refused by
 * {@link MinisignSignature#parse(String)}), the key id (must be pinned in the trust store, else
 * {@link UntrustedKeyException}), the signature over the BLAKE2b-512 digest, then the global signature over the
 * trusted comment (each failure a {@link SignatureVerificationException} naming which). Ed25519 verification is strict;
 * see {@code docs/decisions/0003-minisign-signatures.md}.
 */
public final class MinisignVerifier {

    private MinisignVerifier() {
    }

    /**
     * Verifies a signature over data whose BLAKE2b-512 digest is {@code digest} (see {@link MinisignHasher}).
     *
     * @return the trusted key and the authenticated trusted comment
     */
    public static VerifiedSignature verify(TrustStore trust, MinisignSignature signature, byte[] digest)
            throws MinisignException {
        if (digest == null || digest.length != MinisignHasher.DIGEST_BYTES) {
            throw new MinisignFormatException("minisign.length.wrong", Message.of("minisign.part.digest"),
                    digest == null ? 0 : digest.length, MinisignHasher.DIGEST_BYTES);
        }
        MinisignPublicKey key = trust.find(signature.keyIdUnsafe())
                .orElseThrow(() -> new UntrustedKeyException(signature.keyIdHex()));
        byte[] pk = key.keyUnsafe();
        if (!Ed25519Strict.verify(pk, signature.signatureUnsafe(), digest)) {
            throw new SignatureVerificationException(Reason.CONTENT, key.keyIdHex());
        }
        byte[] globalMessage = MinisignSignature.globalMessage(signature.signatureUnsafe(), signature.trustedComment());
        if (!Ed25519Strict.verify(pk, signature.globalSignatureUnsafe(), globalMessage)) {
            throw new SignatureVerificationException(Reason.TRUSTED_COMMENT, key.keyIdHex());
        }
        return new VerifiedSignature(key, signature.trustedComment());
    }

    /**
     * Checks, without the signed data, everything a signature can show by itself: that its key id is pinned in the
     * trust store and that its global signature over the trusted comment verifies. Cheap (no hashing), so a
     * signature that cannot verify is refused before a possibly large file is read. Only
     * {@link #verify(TrustStore, MinisignSignature, byte[])} authenticates the data itself.
     *
     * @return the trusted key and the (now authenticated) trusted comment
     */
    public static VerifiedSignature verifyTrustedComment(TrustStore trust, MinisignSignature signature)
            throws MinisignException {
        MinisignPublicKey key = trust.find(signature.keyIdUnsafe())
                .orElseThrow(() -> new UntrustedKeyException(signature.keyIdHex()));
        byte[] globalMessage = MinisignSignature.globalMessage(signature.signatureUnsafe(), signature.trustedComment());
        if (!Ed25519Strict.verify(key.keyUnsafe(), signature.globalSignatureUnsafe(), globalMessage)) {
            throw new SignatureVerificationException(Reason.TRUSTED_COMMENT, key.keyIdHex());
        }
        return new VerifiedSignature(key, signature.trustedComment());
    }

    /** Hashes {@code data} to its end (not closed) and verifies; see {@link #verify(TrustStore, MinisignSignature, byte[])}. */
    public static VerifiedSignature verify(TrustStore trust, MinisignSignature signature, InputStream data)
            throws IOException, MinisignException {
        if (trust.find(signature.keyIdUnsafe()).isEmpty()) {
            // Fail fast, before reading a possibly large stream.
            throw new UntrustedKeyException(signature.keyIdHex());
        }
        return verify(trust, signature, MinisignHasher.digestOf(data));
    }
}
