package org.epiflow.bundle.minisign;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets for minisign keys, signatures and trust stores (docs/security.md, "Fuzzing"): parsing and verifying
 * may fail only with {@link MinisignException}. Secret keys are parsed without a passphrase, so no scrypt work runs;
 * their scrypt limits are still checked.
 */
class MinisignFormatsFuzzTest {
    static final MinisignSecretKey CARRIER = org.epiflow.bundle.FuzzKeys.carrier();
    static final TrustStore TRUST = TrustStore.of(CARRIER.publicKey());
    static final byte[] DIGEST = new byte[MinisignHasher.DIGEST_BYTES];

    static {
        // load and instrument everything once before fuzzing (an input may take at most 1 s)
        MinisignFormatsFuzzTest t = new MinisignFormatsFuzzTest();
        t.trustStore(CARRIER.publicKey().toFileText());
        try {
            t.signature(MinisignSigner.signDigest(CARRIER, DIGEST, "t", "u").toFileText());
            t.secretKey(CARRIER.toFileText(null, ScryptParams.MINISIGN_DEFAULT));
        } catch (MinisignException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest
    void publicKey(String text) {
        try {
            MinisignPublicKey.parse(text);
        } catch (MinisignException expected) {
            // refused: fine
        }
    }

    @FuzzTest
    void signature(String text) {
        try {
            MinisignSignature sig = MinisignSignature.parse(text);
            MinisignVerifier.verifyTrustedComment(TRUST, sig);
            MinisignVerifier.verify(TRUST, sig, DIGEST);
        } catch (MinisignException expected) {
            // refused: fine
        }
    }

    @FuzzTest
    void secretKey(String text) {
        try (MinisignSecretKey k = MinisignSecretKey.parse(text, null)) {
            k.publicKey();
        } catch (MinisignException expected) {
            // refused: fine
        }
    }

    @FuzzTest
    void trustStore(String text) {
        try {
            TrustStore.parse(text, "fuzz.pub");
        } catch (MinisignException expected) {
            // refused: fine
        }
    }
}
