package org.epiflow.bundle.age;

import org.epiflow.text.Message;

/**
 * The file uses a recipient type this program does not support (for example post-quantum hybrid stanzas).
 */
public class UnsupportedRecipientException extends AgeException {
    private static final long serialVersionUID = 1L;

    /** Default message key. */
    static final String DEFAULT_KEY = "age.recipient.unsupported";

    /** Creates the exception with the default message. */
    public UnsupportedRecipientException() {
        super(Message.of(DEFAULT_KEY));
    }

    /**
     * @param message what to tell the user
     */
    public UnsupportedRecipientException(Message message) {
        super(message);
    }

    /**
     * @param message what to tell the user
     * @param cause   underlying failure, kept for diagnostics
     */
    public UnsupportedRecipientException(Message message, Throwable cause) {
        super(message, cause);
    }

    /** The default message, with a cause kept for diagnostics. */
    public UnsupportedRecipientException(Throwable cause) {
        super(Message.of(DEFAULT_KEY), cause);
    }
}
