package org.epiflow.bundle.minisign;

import org.epiflow.text.Message;

/**
 * A legacy minisign signature (algorithm {@code Ed}: Ed25519 over the raw file rather than over its BLAKE2b-512
 * digest). EpiFlow accepts only prehashed {@code ED} signatures.
 */
public class LegacySignatureException extends MinisignException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the standard explanation. */
    public LegacySignatureException() {
        super(Message.of("minisign.signature.legacy"));
    }
}
