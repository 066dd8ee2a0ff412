package org.epiflow.bundle.age;

/**
 * The file (or identity) uses a recipient type EpiFlow does not support, for example post-quantum hybrid <code>mlkem768x25519</code> stanzas.
 */
public class UnsupportedRecipientException extends AgeException {
    private static final long serialVersionUID = 1L;

    /** Default message. */
    static final String DEFAULT_MESSAGE = "the file uses a recipient type that is not supported";

    /** Creates the exception with the default message. */
    public UnsupportedRecipientException() {
        super(DEFAULT_MESSAGE);
    }

    /**
     * @param message human-readable explanation
     */
    public UnsupportedRecipientException(String message) {
        super(message);
    }

    /**
     * @param message human-readable explanation
     * @param cause   underlying failure, kept for diagnostics
     */
    public UnsupportedRecipientException(String message, Throwable cause) {
        super(message, cause);
    }
}
