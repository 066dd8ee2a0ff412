package org.epiflow.text;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What to tell a person about a failure, as a {@link Message}: the failure's own message when it (or one of its
 * causes) is {@link Localized}; plain words for the common failures of the file system; otherwise a generic
 * sentence with the technical text as its detail. The UI and the command line show every failure through here, so
 * no exception's English {@code getMessage()} reaches a Chinese screen as the explanation.
 */
public final class Problems {
    private static final int MAX_DEPTH = 16;

    private Problems() {
    }

    /** The message for a failure (never null; {@code null} gives the generic message). */
    public static Message of(Throwable failure) {
        Localized own = localized(failure);
        if (own != null) {
            return own.message();
        }
        Throwable t = unwrap(failure);
        if (t == null) {
            return Message.of("common.error.unknown");
        }
        if (t instanceof NoSuchFileException e) {
            return Message.of("common.error.noSuchFile", file(e));
        }
        if (t instanceof FileNotFoundException e) {
            return Message.of("common.error.cannotOpen", detail(e));
        }
        if (t instanceof AccessDeniedException e) {
            return Message.of("common.error.accessDenied", file(e));
        }
        if (t instanceof FileAlreadyExistsException e) {
            return Message.of("common.error.exists", file(e));
        }
        if (t instanceof NotDirectoryException e) {
            return Message.of("common.error.notDirectory", file(e));
        }
        if (t instanceof DirectoryNotEmptyException e) {
            return Message.of("common.error.notEmpty", file(e));
        }
        if (t instanceof FileSystemException e) {
            return Message.of("common.error.fileSystem", file(e), e.getReason() == null ? "" : e.getReason());
        }
        if (t instanceof CharacterCodingException) {
            return Message.of("common.error.notText");
        }
        if (t instanceof EOFException) {
            return Message.of("common.error.truncated");
        }
        if (t instanceof IOException e) {
            return Message.of("common.error.io", detail(e));
        }
        if (t instanceof OutOfMemoryError) {
            return Message.of("common.error.memory");
        }
        return Message.of("common.error.unexpected", detail(t));
    }

    /**
     * What a lower layer found wrong, as the argument of a sentence of one's own ("These settings cannot be used:
     * {0}"): its own message when it has one, plain words for file system failures, else its words as they are
     * (an English sentence from a layer that does not give messages yet).
     */
    public static Message reason(Throwable failure) {
        Localized own = localized(failure);
        if (own != null) {
            return own.message();
        }
        Throwable t = unwrap(failure);
        if (t == null || t instanceof IOException || t instanceof OutOfMemoryError || t.getMessage() == null
                || t.getMessage().isBlank()) {
            return of(t);
        }
        return Message.of("common.text", t.getMessage());
    }

    /** The first {@link Localized} failure in the cause chain, or null. */
    public static Localized localized(Throwable failure) {
        int depth = 0;
        for (Throwable c = failure; c != null && depth < MAX_DEPTH; c = c.getCause(), depth++) {
            if (c instanceof Localized l) {
                return l;
            }
        }
        return null;
    }

    /**
     * The failure without the wrappers that only say it happened elsewhere (a background task, a stream, a
     * reflective call).
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        int depth = 0;
        while (t != null && t.getCause() != null && depth++ < MAX_DEPTH
                && (t instanceof ExecutionException || t instanceof CompletionException
                || t instanceof UncheckedIOException || t instanceof InvocationTargetException
                || t.getClass() == RuntimeException.class)) {
            t = t.getCause();
        }
        return t;
    }

    private static String file(FileSystemException e) {
        return e.getFile() == null ? "" : e.getFile();
    }

    private static String detail(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
