package org.epiflow.bundle.minisign;

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
        CONTENT("the file's content does not match the signature"),
        /** The global signature over signature ‖ trusted comment does not verify. */
        TRUSTED_COMMENT("the trusted comment was altered (its global signature does not verify)");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    /**
     * @param reason which signature failed
     * @param keyIdHex key id of the key that was used, as minisign prints it
     */
    public SignatureVerificationException(Reason reason, String keyIdHex) {
        super(Objects.requireNonNull(reason).message + " (key " + keyIdHex + ")");
        this.reason = reason;
    }

    /** @return which signature failed */
    public Reason reason() {
        return reason;
    }
}
