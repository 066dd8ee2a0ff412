package org.epiflow.bundle;

import org.epiflow.bundle.minisign.MinisignException;
import org.epiflow.bundle.minisign.MinisignFormatException;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.MinisignSignature;
import org.epiflow.bundle.minisign.MinisignSigner;
import org.epiflow.bundle.minisign.MinisignVerifier;
import org.epiflow.bundle.minisign.TrustStore;
import org.epiflow.bundle.minisign.VerifiedSignature;

/**
 * The bundle's use of minisign: the signature file must be exactly the canonical text of a prehashed signature
 * with the fixed untrusted comment {@value #UNTRUSTED_COMMENT}, so that no byte of it can change unnoticed.
 */
public final class BundleSignatures {
    /** The untrusted comment every bundle signature carries (minisign {@code -c}). */
    public static final String UNTRUSTED_COMMENT = "epiflow bundle signature";

    private BundleSignatures() {
    }

    static MinisignSignature sign(MinisignSecretKey key, byte[] blake2b512, SignedStatement statement)
            throws MinisignException {
        return MinisignSigner.signDigest(key, blake2b512, statement.toComment(), UNTRUSTED_COMMENT);
    }

    static VerifiedSignature verify(TrustStore trust, String text, byte[] blake2b512) throws MinisignException {
        MinisignSignature sig = MinisignSignature.parse(text);
        if (!sig.toFileText().equals(text)) {
            throw new MinisignFormatException("the signature file is not in canonical form (extra whitespace, "
                    + "line endings or base64 padding differ)");
        }
        if (!UNTRUSTED_COMMENT.equals(sig.untrustedComment())) {
            throw new MinisignFormatException("the signature's untrusted comment must be '" + UNTRUSTED_COMMENT
                    + "'");
        }
        return MinisignVerifier.verify(trust, sig, blake2b512);
    }
}
