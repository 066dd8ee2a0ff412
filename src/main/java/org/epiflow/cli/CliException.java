package org.epiflow.cli;

/** A command failed for a reason the user can act on; its message is printed as it is. */
final class CliException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    CliException(String message) {
        this(message, 1);
    }

    CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
