package org.epiflow.bundle.minisign;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;

/**
 * Base class of every checked error raised by the minisign package. Catch this to treat any key, signature or
 * verification problem as "the bundle cannot be trusted"; catch a subclass to tell the user what exactly is wrong.
 * The message is a key of the bundle catalogue ({@code minisign.*}) plus arguments; {@link #getMessage()} is its
 * English wording.
 */
public class MinisignException extends Exception implements Localized {

    private static final long serialVersionUID = 1L;
    private final transient Message message;

    /** @param message what is wrong, for a person */
    public MinisignException(Message message) {
        super((String) null);
        this.message = message;
    }

    /**
     * @param message what is wrong, for a person
     * @param cause   underlying error
     */
    public MinisignException(Message message, Throwable cause) {
        super(null, cause);
        this.message = message;
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
