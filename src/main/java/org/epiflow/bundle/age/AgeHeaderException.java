package org.epiflow.bundle.age;

/**
 * The age header is malformed, uses an unsupported version, or its MAC does not verify: the file header was altered or the input is not an age file at all.
 */
public class AgeHeaderException extends AgeException {
    private static final long serialVersionUID = 1L;

    /** Default message. */
    static final String DEFAULT_MESSAGE = "the file header was altered or is not an age file";

    /** Creates the exception with the default message. */
    public AgeHeaderException() {
        super(DEFAULT_MESSAGE);
    }

    /**
     * @param message human-readable explanation
     */
    public AgeHeaderException(String message) {
        super(message);
    }

    /**
     * @param message human-readable explanation
     * @param cause   underlying failure, kept for diagnostics
     */
    public AgeHeaderException(String message, Throwable cause) {
        super(message, cause);
    }
}
