package org.epiflow.bundle.age;

import org.epiflow.text.Message;

/**
 * The ASCII armor around an age file is malformed.
 */
public class AgeArmorException extends AgeHeaderException {
    private static final long serialVersionUID = 1L;

    /** Default message key. */
    static final String DEFAULT_KEY = "age.armor.invalid";

    /** Creates the exception with the default message. */
    public AgeArmorException() {
        super(Message.of(DEFAULT_KEY));
    }

    /**
     * @param message what to tell the user
     */
    public AgeArmorException(Message message) {
        super(message);
    }

    /**
     * @param message what to tell the user
     * @param cause   underlying failure, kept for diagnostics
     */
    public AgeArmorException(Message message, Throwable cause) {
        super(message, cause);
    }

    /** The default message, with a cause kept for diagnostics. */
    public AgeArmorException(Throwable cause) {
        super(Message.of(DEFAULT_KEY), cause);
    }
}
