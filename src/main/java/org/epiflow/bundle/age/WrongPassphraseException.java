package org.epiflow.bundle.age;

import org.epiflow.text.Message;

/**
 * The passphrase does not open the file's scrypt stanza.
 */
public class WrongPassphraseException extends AgeException {
    private static final long serialVersionUID = 1L;

    /** Default message key. */
    static final String DEFAULT_KEY = "age.passphrase.wrong";

    /** Creates the exception with the default message. */
    public WrongPassphraseException() {
        super(Message.of(DEFAULT_KEY));
    }

    /**
     * @param message what to tell the user
     */
    public WrongPassphraseException(Message message) {
        super(message);
    }

    /**
     * @param message what to tell the user
     * @param cause   underlying failure, kept for diagnostics
     */
    public WrongPassphraseException(Message message, Throwable cause) {
        super(message, cause);
    }

    /** The default message, with a cause kept for diagnostics. */
    public WrongPassphraseException(Throwable cause) {
        super(Message.of(DEFAULT_KEY), cause);
    }
}
