package org.epiflow.bundle.age;

import org.epiflow.text.Message;

/**
 * None of the file's recipient stanzas opens with the given identity: the file was not encrypted for this key.
 */
public class NoIdentityMatchException extends AgeException {
    private static final long serialVersionUID = 1L;

    /** Default message key. */
    static final String DEFAULT_KEY = "age.noIdentityMatch";

    /** Creates the exception with the default message. */
    public NoIdentityMatchException() {
        super(Message.of(DEFAULT_KEY));
    }

    /**
     * @param message what to tell the user
     */
    public NoIdentityMatchException(Message message) {
        super(message);
    }

    /**
     * @param message what to tell the user
     * @param cause   underlying failure, kept for diagnostics
     */
    public NoIdentityMatchException(Message message, Throwable cause) {
        super(message, cause);
    }

    /** The default message, with a cause kept for diagnostics. */
    public NoIdentityMatchException(Throwable cause) {
        super(Message.of(DEFAULT_KEY), cause);
    }
}
