package org.epiflow.bundle.age;

/**
 * The passphrase does not open the file's scrypt stanza.
 */
public class WrongPassphraseException extends AgeException {
    private static final long serialVersionUID = 1L;

    /** Default message. */
    static final String DEFAULT_MESSAGE = "the passphrase is wrong";

    /** Creates the exception with the default message. */
    public WrongPassphraseException() {
        super(DEFAULT_MESSAGE);
    }

    /**
     * @param message human-readable explanation
     */
    public WrongPassphraseException(String message) {
        super(message);
    }

    /**
     * @param message human-readable explanation
     * @param cause   underlying failure, kept for diagnostics
     */
    public WrongPassphraseException(String message, Throwable cause) {
        super(message, cause);
    }
}
