package org.epiflow.bundle.minisign;

import org.epiflow.text.Message;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Makes prehashed minisign signatures ({@code ED}), identical in form to {@code minisign -S}: Ed25519 over
 * BLAKE2b-512 of the data, plus a global signature over signature ‖ trusted comment. Ed25519 signing is
 * deterministic, so the same key, data and comment always give the same signature.
 */
public final class MinisignSigner {

    private MinisignSigner() {
    }

    /**
     * Signs a stream (read to its end, not closed).
     *
     * @param trustedComment   single line, covered by the global signature
     * @param untrustedComment single line, not signed; null for minisign's default
     * @throws MinisignFormatException if a comment spans several lines
     */
    public static MinisignSignature sign(MinisignSecretKey key, InputStream data, String trustedComment,
                                         String untrustedComment) throws IOException, MinisignFormatException {
        checkComments(trustedComment, untrustedComment);
        return signDigest(key, MinisignHasher.digestOf(data), trustedComment, untrustedComment);
    }

    /**
     * Signs a precomputed BLAKE2b-512 digest (see {@link MinisignHasher}).
     *
     * @param digest 64 bytes
     * @throws MinisignFormatException if the digest is not 64 bytes or a comment spans several lines
     */
    public static MinisignSignature signDigest(MinisignSecretKey key, byte[] digest, String trustedComment,
                                               String untrustedComment) throws MinisignFormatException {
        checkComments(trustedComment, untrustedComment);
        if (digest == null || digest.length != MinisignHasher.DIGEST_BYTES) {
            throw new MinisignFormatException("minisign.length.wrong", Message.of("minisign.part.digest"),
                    digest == null ? 0 : digest.length, MinisignHasher.DIGEST_BYTES);
        }
        byte[] sig = key.sign(digest);
        byte[] global = key.sign(MinisignSignature.globalMessage(sig, trustedComment));
        try {
            return new MinisignSignature(untrustedComment == null
                    ? MinisignSignature.defaultUntrustedComment() : untrustedComment,
                    key.keyIdUnsafe(), sig, trustedComment, global);
        } finally {
            Arrays.fill(sig, (byte) 0);
            Arrays.fill(global, (byte) 0);
        }
    }

    private static void checkComments(String trustedComment, String untrustedComment) throws MinisignFormatException {
        Armor.singleLine(trustedComment, Message.of("minisign.part.trustedComment"));
        if (untrustedComment != null) {
            Armor.singleLine(untrustedComment, Message.of("minisign.part.untrustedComment"));
        }
    }
}
