package org.epiflow.bundle;

/** The carrier's input tables cannot be sealed: they are malformed or carry record-level columns. */
public class MinimisationException extends Exception {
    private static final long serialVersionUID = 1L;

    public MinimisationException(String message) {
        super(message);
    }

    public MinimisationException(String message, Throwable cause) {
        super(message, cause);
    }
}
