package org.epiflow.data.workspace;

/**
 * A workspace could not be opened or used. {@link #reason()} says which kind of problem it is;
 * {@link #getMessage()} says what exactly and what to do, in words for the officer.
 */
public class WorkspaceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Kinds of workspace problems. */
    public enum Reason {
        /** The workspace belongs to another officer or cannot be decrypted with this identity. */
        WRONG_IDENTITY,
        /** The database or its key file is damaged or missing. */
        CORRUPTED,
        /** Another EpiFlow process (or window) has the workspace open. */
        LOCKED,
        /** The workspace was written by a newer EpiFlow. */
        NEWER_VERSION,
        /** No workspace exists where one was expected. */
        NOT_FOUND,
        /** The file system or database failed. */
        IO
    }

    private final Reason reason;

    public WorkspaceException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public WorkspaceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
