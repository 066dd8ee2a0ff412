package org.epiflow.bench;

/** A benchmark could not run (a tool missing, a step failed); the message says what to do. */
public final class BenchException extends Exception {
    private static final long serialVersionUID = 1L;

    public BenchException(String message) {
        super(message);
    }
}
