package org.epiflow.bundle.age;

/**
 * A payload chunk failed authentication, the payload is truncated, or there is data after the last chunk: the encrypted data is damaged or was altered. Plaintext already read from the stream before this exception must be discarded by the caller.
 */
public class AgePayloadException extends AgeException {
    private static final long serialVersionUID = 1L;

    /** Default message. */
    static final String DEFAULT_MESSAGE = "the encrypted data is damaged or was altered";

    /** Creates the exception with the default message. */
    public AgePayloadException() {
        super(DEFAULT_MESSAGE);
    }

    /**
     * @param message human-readable explanation
     */
    public AgePayloadException(String message) {
        super(message);
    }

    /**
     * @param message human-readable explanation
     * @param cause   underlying failure, kept for diagnostics
     */
    public AgePayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
