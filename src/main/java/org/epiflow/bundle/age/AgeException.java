package org.epiflow.bundle.age;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;

import java.io.IOException;

/**
 * Base type of all failures reported by the age layer. Every subclass carries a message meant for a person (an
 * analyst), as a key of the bundle catalogue ({@code age.*}) plus arguments; {@link #getMessage()} is its English
 * wording, for logs.
 *
 * <p>It extends {@link IOException} so that failures detected while streaming (for example a damaged payload chunk
 * found in the middle of a file) can be thrown from {@link java.nio.channels.ReadableByteChannel#read} unchanged;
 * callers that care catch {@code AgeException} (or a subclass) before {@code IOException}.
 */
public class AgeException extends IOException implements Localized {
    private static final long serialVersionUID = 1L;
    private final transient Message message;

    /**
     * @param message what to tell the user
     */
    public AgeException(Message message) {
        super((String) null);
        this.message = message;
    }

    /**
     * @param message what to tell the user
     * @param cause   underlying failure, kept for diagnostics
     */
    public AgeException(Message message, Throwable cause) {
        super(null, cause);
        this.message = message;
    }

    /** Shorthand for {@code new AgeException(Message.of(key, args))}. */
    public AgeException(String key, Object... args) {
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
