package org.epiflow.data.workspace;

import org.epiflow.text.Message;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Turns what the database, the file system or a damaged page throws into a {@link WorkspaceException} with words
 * for the officer. The database's own text never reaches a message (it can quote stored values); it stays the
 * cause, for developers.
 */
final class DbErrors {
    /** H2 error codes we tell apart. */
    static final int ALREADY_OPEN = 90020;
    static final int NOT_FOUND_IF_EXISTS = 90146;
    static final int NOT_FOUND = 90013;
    static final int CLOSED = 90098;
    static final int CALLED_AT_SHUTDOWN = 90121;
    static final int OBJECT_CLOSED = 90007;
    static final int NO_DISK_SPACE = 90100;
    static final int IO_1 = 90028;
    static final int IO_2 = 90031;

    private DbErrors() {
    }

    /**
     * The problem {@code e} means while working on {@code what} (a message naming the store: "the saved views").
     *
     * @param broken whether damage was found earlier in this session (then a closed database is damage, not a lock)
     */
    static WorkspaceException translate(Message what, Throwable e, boolean broken) {
        if (e instanceof WorkspaceException w) {
            return w;
        }
        if (isDiskFull(e)) {
            return new WorkspaceException(WorkspaceException.Reason.IO,
                    Message.of("data.workspace.io.diskFull", what), e);
        }
        if (e instanceof SQLException s) {
            int code = s.getErrorCode();
            if (!broken && (code == CLOSED || code == CALLED_AT_SHUTDOWN || code == OBJECT_CLOSED)) {
                return closed(e);
            }
            if ((code == IO_1 || code == IO_2) && hasCause(e, AccessDeniedException.class)) {
                return new WorkspaceException(WorkspaceException.Reason.IO,
                        Message.of("data.workspace.io.denied", what), e);
            }
        }
        if (e instanceof AccessDeniedException a) {
            return new WorkspaceException(WorkspaceException.Reason.IO,
                    Message.of("data.workspace.io.deniedFile", what, String.valueOf(a.getFile())), e);
        }
        if (e instanceof IOException) {
            return new WorkspaceException(WorkspaceException.Reason.IO,
                    Message.of("data.workspace.io.failed", what), e);
        }
        return new WorkspaceException(WorkspaceException.Reason.CORRUPTED,
                Message.of("data.workspace.damaged.store", what), e);
    }

    /** The workspace was closed (locked) while this was waiting. */
    static WorkspaceException closed(Throwable cause) {
        return new WorkspaceException(WorkspaceException.Reason.CLOSED, Message.of("data.workspace.closed"),
                cause);
    }

    /** The database file could not be opened: damaged, unreadable, or in use. */
    static WorkspaceException atOpen(Path dir, Throwable e) {
        if (e instanceof SQLException s && s.getErrorCode() == ALREADY_OPEN) {
            return new WorkspaceException(WorkspaceException.Reason.LOCKED,
                    Message.of("data.workspace.locked.unknown", dir.toString()), e);
        }
        if (e instanceof SQLException s && (s.getErrorCode() == NOT_FOUND_IF_EXISTS || s.getErrorCode() == NOT_FOUND)) {
            return new WorkspaceException(WorkspaceException.Reason.CORRUPTED,
                    Message.of("data.workspace.db.missing", dir.resolve(Workspace.DB_FILE).toString()), e);
        }
        if (isDiskFull(e)) {
            return new WorkspaceException(WorkspaceException.Reason.IO,
                    Message.of("data.workspace.io.diskFull", Message.of("data.store.database")), e);
        }
        if (e instanceof AccessDeniedException || hasCause(e, AccessDeniedException.class)) {
            return new WorkspaceException(WorkspaceException.Reason.IO,
                    Message.of("data.workspace.io.denied", Message.of("data.store.database")), e);
        }
        return new WorkspaceException(WorkspaceException.Reason.CORRUPTED,
                Message.of("data.workspace.db.damaged", dir.resolve(Workspace.DB_FILE).toString()), e);
    }

    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == NO_DISK_SPACE) {
                return true;
            }
            String m = t.getMessage();
            if (t instanceof IOException && m != null && m.contains("No space left")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
