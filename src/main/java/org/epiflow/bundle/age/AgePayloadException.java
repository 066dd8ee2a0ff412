package org.epiflow.bundle.age;

import org.epiflow.text.Message;

/**
 * The encrypted payload is damaged, truncated or was altered: a chunk fails authentication.
 */
public class AgePayloadException extends AgeException {
    private static final long serialVersionUID = 1L;

    /** Default message key. */
    static final String DEFAULT_KEY = "age.payload.damaged";

    /** Creates the exception with the default message. */
    public AgePayloadException() {
        super(Message.of(DEFAULT_KEY));
    }

    /**
     * @param message what to tell the user
     */
    public AgePayloadException(Message message) {
        super(message);
    }

    /**
     * @param message what to tell the user
     * @param cause   underlying failure, kept for diagnostics
     */
    public AgePayloadException(Message message, Throwable cause) {
        super(message, cause);
    }

    /** The default message, with a cause kept for diagnostics. */
    public AgePayloadException(Throwable cause) {
        super(Message.of(DEFAULT_KEY), cause);
    }
}
