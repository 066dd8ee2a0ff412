package org.epiflow.bundle.age;

import org.epiflow.text.Message;

/**
 * The file's scrypt stanza demands a work factor above the accepted maximum. Raised before any scrypt work is done, so a hostile file cannot tie up the machine.
 */
public class WorkFactorTooHighException extends AgeException {
    private static final long serialVersionUID = 1L;

    /** Default message key. */
    static final String DEFAULT_KEY = "age.scrypt.workFactorTooHigh";

    /** Creates the exception with the default message. */
    public WorkFactorTooHighException() {
        super(Message.of(DEFAULT_KEY));
    }

    /**
     * @param message what to tell the user
     */
    public WorkFactorTooHighException(Message message) {
        super(message);
    }

    /**
     * @param message what to tell the user
     * @param cause   underlying failure, kept for diagnostics
     */
    public WorkFactorTooHighException(Message message, Throwable cause) {
        super(message, cause);
    }

    /** The default message, with a cause kept for diagnostics. */
    public WorkFactorTooHighException(Throwable cause) {
        super(Message.of(DEFAULT_KEY), cause);
    }
}
