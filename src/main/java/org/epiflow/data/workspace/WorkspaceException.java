package org.epiflow.data.workspace;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;

import java.util.Objects;

/**
 * The workspace could not be opened or used. {@link #reason()} says which kind of problem it is, {@link #what()}
 * what exactly happened and {@link #advice()} what the officer can do; both are messages (codes plus arguments) put
 * into words by the app or the command line. {@link #getMessage()} is the English text, for logs. Raw database
 * errors never reach people: they are kept as the cause only.
 */
public class WorkspaceException extends Exception implements Localized {
    private static final long serialVersionUID = 1L;

    /** Kinds of workspace problems. */
    public enum Reason {
        /** The workspace belongs to another officer or cannot be decrypted with this identity. */
        WRONG_IDENTITY,
        /** The database, its key file or a record in it is damaged, missing or older than its own backups. */
        CORRUPTED,
        /** Another EpiFlow window or command has the workspace open. */
        LOCKED,
        /** The workspace was written by a newer EpiFlow. */
        NEWER_VERSION,
        /** No workspace exists where one was expected. */
        NOT_FOUND,
        /** The file system failed (disk full, no permission). */
        IO,
        /** The workspace was closed (the workstation locked) while the work was waiting. */
        CLOSED
    }

    private final Reason reason;
    private final transient Message what;
    private final transient Message advice;

    public WorkspaceException(Reason reason, Message what, Message advice) {
        this(reason, what, advice, null);
    }

    public WorkspaceException(Reason reason, Message what, Message advice, Throwable cause) {
        super(english(what, advice), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.what = Objects.requireNonNull(what, "what");
        this.advice = advice;
    }

    /** With the usual advice for the reason. */
    public WorkspaceException(Reason reason, Message what) {
        this(reason, what, adviceFor(reason), null);
    }

    /** With the usual advice for the reason. */
    public WorkspaceException(Reason reason, Message what, Throwable cause) {
        this(reason, what, adviceFor(reason), cause);
    }

    public Reason reason() {
        return reason;
    }

    /** What happened. */
    public Message what() {
        return what;
    }

    /** What the officer can do about it (may be null). */
    public Message advice() {
        return advice;
    }

    /** Whether restoring a backup is the way out (damage, loss). */
    public boolean restoreHelps() {
        return reason == Reason.CORRUPTED;
    }

    /** What happened, then what to do. */
    @Override
    public Message message() {
        return advice == null ? what : Message.of("data.workspace.whatAndAdvice", what, advice);
    }

    /** The usual advice for a kind of problem. */
    public static Message adviceFor(Reason reason) {
        return switch (reason) {
            case WRONG_IDENTITY -> Message.of("data.workspace.advice.identity");
            case CORRUPTED -> Message.of("data.workspace.advice.restore");
            case LOCKED -> Message.of("data.workspace.advice.locked");
            case NEWER_VERSION -> Message.of("data.workspace.advice.newer");
            case NOT_FOUND -> Message.of("data.workspace.advice.notFound");
            case IO -> Message.of("data.workspace.advice.io");
            case CLOSED -> Message.of("data.workspace.advice.closed");
        };
    }

    private static String english(Message what, Message advice) {
        return advice == null ? what.english() : what.english() + " " + advice.english();
    }
}
