package org.epiflow.bundle.minisign;

/**
 * Base class of every checked error raised by the minisign package. Catch this to treat any key, signature or
 * verification problem as "the bundle cannot be trusted"; catch a subclass to tell the user what exactly is wrong.
 */
public class MinisignException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message human-readable description naming what is wrong */
    public MinisignException(String message) {
        super(message);
    }

    /**
     * @param message human-readable description naming what is wrong
     * @param cause   underlying error
     */
    public MinisignException(String message, Throwable cause) {
        super(message, cause);
    }
}
