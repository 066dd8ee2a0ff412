package org.epiflow.bundle.minisign;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 as EpiFlow uses it: Bouncy Castle's RFC 8032 implementation ({@code org.bouncycastle.math.ec.rfc8032}),
 * with a strict verification policy on top.
 *
 * <p>Policy (ADR 0003): a signature verifies only if it is exactly 64 bytes, S is canonical (S &lt; L), and both the
 * public key A and the commitment R are canonical encodings of points in the prime-order subgroup (no low-order
 * points, no points with a low-order component). With A and R in the prime-order subgroup the cofactored and
 * cofactorless equations agree, so the outcome does not depend on the formula. This is at least as strict as
 * libsodium, which the minisign CLI uses: we never accept a signature minisign would reject on these grounds.
 */
final class Ed25519Strict {

    static final int PUBLIC_KEY_BYTES = Ed25519.PUBLIC_KEY_SIZE;
    static final int SEED_BYTES = Ed25519.SECRET_KEY_SIZE;
    static final int SIGNATURE_BYTES = Ed25519.SIGNATURE_SIZE;

    private Ed25519Strict() {
    }

    /** @return whether {@code pk} is a canonical encoding of a point of prime order L */
    static boolean isValidPublicKey(byte[] pk) {
        return pk != null && pk.length == PUBLIC_KEY_BYTES && Ed25519.validatePublicKeyFull(pk, 0);
    }

    /** Verifies a pure Ed25519 signature of {@code msg} under the strict policy; never throws on bad input. */
    static boolean verify(byte[] pk, byte[] sig, byte[] msg) {
        if (sig == null || sig.length != SIGNATURE_BYTES || msg == null || !isValidPublicKey(pk)) {
            return false;
        }
        // R must itself be a canonical point of prime order (rejects low-order and mixed-order R).
        if (!Ed25519.validatePublicKeyFull(sig, 0)) {
            return false;
        }
        return Ed25519.verify(sig, 0, pk, 0, msg, 0, msg.length);
    }

    /** Signs {@code msg} with the 32-byte seed; returns the 64-byte signature. */
    static byte[] sign(byte[] seed, byte[] pk, byte[] msg) {
        byte[] sig = new byte[SIGNATURE_BYTES];
        Ed25519.sign(seed, 0, pk, 0, msg, 0, msg.length, sig, 0);
        return sig;
    }

    /** Derives the 32-byte public key from a 32-byte seed. */
    static byte[] publicKeyOf(byte[] seed) {
        byte[] pk = new byte[PUBLIC_KEY_BYTES];
        Ed25519.generatePublicKey(seed, 0, pk, 0);
        return pk;
    }
}
