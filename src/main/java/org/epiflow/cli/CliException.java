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

    /** Carries a {@link CliException} through code that may only throw {@link java.io.IOException}. */
    static final class Carried extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        Carried(CliException cause) {
            super(cause.getMessage(), cause);
        }

        CliException cliException() {
            return (CliException) getCause();
        }
    }
}
