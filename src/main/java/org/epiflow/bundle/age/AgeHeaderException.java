package org.epiflow.bundle.age;

import org.epiflow.text.Message;

/**
 * The age header is malformed, uses an unsupported version, or its MAC does not verify: the file header was altered or the input is not an age file at all.
 */
public class AgeHeaderException extends AgeException {
    private static final long serialVersionUID = 1L;

    /** Default message key. */
    static final String DEFAULT_KEY = "age.header.invalid";

    /** Creates the exception with the default message. */
    public AgeHeaderException() {
        super(Message.of(DEFAULT_KEY));
    }

    /**
     * @param message what to tell the user
     */
    public AgeHeaderException(Message message) {
        super(message);
    }

    /**
     * @param message what to tell the user
     * @param cause   underlying failure, kept for diagnostics
     */
    public AgeHeaderException(Message message, Throwable cause) {
        super(message, cause);
    }

    /** The header message with a detail ({@code detailKey} and its arguments) in brackets. */
    static Message detail(String detailKey, Object... args) {
        return Message.of("age.header.invalidDetail", Message.of(detailKey, args));
    }

    /** The default message, with a cause kept for diagnostics. */
    public AgeHeaderException(Throwable cause) {
        super(Message.of(DEFAULT_KEY), cause);
    }
}
