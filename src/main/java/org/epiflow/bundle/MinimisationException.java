package org.epiflow.bundle;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;

/** The carrier's input tables cannot be sealed: they are malformed or carry record-level columns. */
public class MinimisationException extends Exception implements Localized {
    private static final long serialVersionUID = 1L;
    private final transient Message message;

    public MinimisationException(Message message) {
        super((String) null);
        this.message = message;
    }

    public MinimisationException(Message message, Throwable cause) {
        super(null, cause);
        this.message = message;
    }

    /** Shorthand for {@code new MinimisationException(Message.of(key, args))}. */
    public MinimisationException(String key, Object... args) {
        this(Message.of(key, args));
    }

    @Override
    public Message message() {
        return message;
    }

    /** The English wording (formatted when asked for, so refusing costs no formatting). */
    @Override
    public String getMessage() {
        return message.english();
    }
}
