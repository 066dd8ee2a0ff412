package org.epiflow.bundle.age;

/**
 * The file's scrypt stanza demands a work factor above the accepted maximum. Raised before any scrypt work is done, so a hostile file cannot tie up the machine.
 */
public class WorkFactorTooHighException extends AgeException {
    private static final long serialVersionUID = 1L;

    /** Default message. */
    static final String DEFAULT_MESSAGE = "the file demands a scrypt work factor above the accepted maximum";

    /** Creates the exception with the default message. */
    public WorkFactorTooHighException() {
        super(DEFAULT_MESSAGE);
    }

    /**
     * @param message human-readable explanation
     */
    public WorkFactorTooHighException(String message) {
        super(message);
    }

    /**
     * @param message human-readable explanation
     * @param cause   underlying failure, kept for diagnostics
     */
    public WorkFactorTooHighException(String message, Throwable cause) {
        super(message, cause);
    }
}
