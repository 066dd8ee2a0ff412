package org.epiflow.bundle;

import org.epiflow.bundle.minisign.MinisignException;
import org.epiflow.bundle.minisign.MinisignFormatException;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.MinisignSignature;
import org.epiflow.bundle.minisign.MinisignSigner;
import org.epiflow.bundle.minisign.MinisignVerifier;
import org.epiflow.bundle.minisign.TrustStore;
import org.epiflow.bundle.minisign.VerifiedSignature;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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

    /** Parses the bytes of {@code payload.age.minisig}: UTF-8, canonical form, the bundle's untrusted comment. */
    static MinisignSignature parse(byte[] file) throws MinisignException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw new MinisignFormatException("bundle.signature.notUtf8");
        }
        MinisignSignature sig = MinisignSignature.parse(text);
        if (!sig.toFileText().equals(text)) {
            throw new MinisignFormatException("bundle.signature.notCanonical");
        }
        if (!UNTRUSTED_COMMENT.equals(sig.untrustedComment())) {
            throw new MinisignFormatException("bundle.signature.untrustedComment", UNTRUSTED_COMMENT);
        }
        return sig;
    }

    /** Checks the pinned key and the trusted comment's global signature: no payload needed. */
    static VerifiedSignature verifyStatement(TrustStore trust, MinisignSignature sig) throws MinisignException {
        return MinisignVerifier.verifyTrustedComment(trust, sig);
    }

    /** Checks the signature over the payload's BLAKE2b-512 digest (and again the trusted comment). */
    static VerifiedSignature verify(TrustStore trust, MinisignSignature sig, byte[] blake2b512)
            throws MinisignException {
        return MinisignVerifier.verify(trust, sig, blake2b512);
    }
}
