package org.epiflow.bundle.minisign;

import org.epiflow.text.Message;

import java.util.Objects;

/**
 * A well-formed signature that does not verify. {@link #reason()} says which of the two minisign signatures failed:
 * the signature over the file's content, or the global signature over the trusted comment.
 */
public class SignatureVerificationException extends MinisignException {

    private static final long serialVersionUID = 1L;

    /** Which signature failed. */
    public enum Reason {
        /** The Ed25519 signature over the BLAKE2b-512 digest of the data does not verify. */
        CONTENT("minisign.verify.content"),
        /** The global signature over signature ‖ trusted comment does not verify. */
        TRUSTED_COMMENT("minisign.verify.trustedComment");

        private final String key;

        Reason(String key) {
            this.key = key;
        }
    }

    private final Reason reason;

    /**
     * @param reason which signature failed
     * @param keyIdHex key id of the key that was used, as minisign prints it
     */
    public SignatureVerificationException(Reason reason, String keyIdHex) {
        super(Message.of(Objects.requireNonNull(reason).key, keyIdHex));
        this.reason = reason;
    }

    /** @return which signature failed */
    public Reason reason() {
        return reason;
    }
}
