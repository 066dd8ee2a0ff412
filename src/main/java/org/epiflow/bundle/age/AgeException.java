package org.epiflow.bundle.age;

import java.io.IOException;

/**
 * Base type of all failures reported by the age layer. Every subclass carries a message meant for a human
 * (an analyst), not just for a log.
 *
 * <p>It extends {@link IOException} so that failures detected while streaming (for example a damaged payload chunk
 * found in the middle of a file) can be thrown from {@link java.nio.channels.ReadableByteChannel#read} unchanged;
 * callers that care catch {@code AgeException} (or a subclass) before {@code IOException}.
 */
public class AgeException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message human-readable explanation
     */
    public AgeException(String message) {
        super(message);
    }

    /**
     * @param message human-readable explanation
     * @param cause   underlying failure, kept for diagnostics
     */
    public AgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
