package org.epiflow.cli;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;

/**
 * A command failed for a reason the user can act on. It carries a {@link Message} (key and arguments in the
 * {@code cli} catalogue, or any other); {@link ExitCodes} prints it in the run's language.
 */
final class CliException extends Exception implements Localized {
    private static final long serialVersionUID = 1L;
    private final transient Message message;
    private final int exitCode;

    CliException(Message message) {
        this(message, 1);
    }

    CliException(Message message, int exitCode) {
        super(message.english());
        this.message = message;
        this.exitCode = exitCode;
    }

    /**
     * Words already made (an English sentence from below that is not yet a message).
     *
     * @deprecated give a {@link Message}: these words are printed as they are, in English, whatever the language
     */
    @Deprecated
    CliException(String message) {
        this(message, 1);
    }

    /** @deprecated give a {@link Message} */
    @Deprecated
    CliException(String message, int exitCode) {
        this(Message.of("cli.text", message == null ? "" : message), exitCode);
    }

    /**
     * The failure of a layer below as a command-line failure: its own message when it has one, else its words as
     * they are (English, until that layer gives messages).
     */
    static CliException of(Throwable cause, int exitCode) {
        org.epiflow.text.Localized l = org.epiflow.text.Problems.localized(cause);
        CliException e = new CliException(l != null ? l.message()
                : Message.of("cli.text", cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage()),
                exitCode);
        e.initCause(cause);
        return e;
    }

    @Override
    public Message message() {
        return message;
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
