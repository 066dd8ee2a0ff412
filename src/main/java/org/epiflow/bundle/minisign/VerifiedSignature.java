package org.epiflow.bundle.minisign;

import java.util.Objects;

/**
 * The outcome of a successful {@link MinisignVerifier} check: which trusted key signed, and the trusted comment,
 * which is now authenticated.
 *
 * @param publicKey      the trust-store key that made the signature
 * @param trustedComment the trusted comment, covered by the verified global signature
 */
public record VerifiedSignature(MinisignPublicKey publicKey, String trustedComment) {

    /** Checks that both parts are present. */
    public VerifiedSignature {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(trustedComment, "trustedComment");
    }
}
