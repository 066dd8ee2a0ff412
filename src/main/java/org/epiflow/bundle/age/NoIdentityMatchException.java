package org.epiflow.bundle.age;

/**
 * None of the file's recipient stanzas can be opened with the given identity: this file was not encrypted for your key.
 */
public class NoIdentityMatchException extends AgeException {
    private static final long serialVersionUID = 1L;

    /** Default message. */
    static final String DEFAULT_MESSAGE = "this file was not encrypted for your key";

    /** Creates the exception with the default message. */
    public NoIdentityMatchException() {
        super(DEFAULT_MESSAGE);
    }

    /**
     * @param message human-readable explanation
     */
    public NoIdentityMatchException(String message) {
        super(message);
    }

    /**
     * @param message human-readable explanation
     * @param cause   underlying failure, kept for diagnostics
     */
    public NoIdentityMatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
