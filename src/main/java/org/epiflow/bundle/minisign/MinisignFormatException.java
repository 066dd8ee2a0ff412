package org.epiflow.bundle.minisign;

import org.epiflow.text.Message;

/**
 * Malformed minisign text or bytes: a missing or misplaced comment line, bad base64, a wrong length
 * (for example "signature is 65 bytes, expected 64"), an unknown algorithm or an unacceptable scrypt work factor.
 */
public class MinisignFormatException extends MinisignException {

    private static final long serialVersionUID = 1L;

    /** @param message what is malformed */
    public MinisignFormatException(Message message) {
        super(message);
    }

    /**
     * @param message what is malformed
     * @param cause   underlying error
     */
    public MinisignFormatException(Message message, Throwable cause) {
        super(message, cause);
    }

    /** Shorthand for {@code new MinisignFormatException(Message.of(key, args))}. */
    public MinisignFormatException(String key, Object... args) {
        this(Message.of(key, args));
    }
}
