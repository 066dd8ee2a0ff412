package org.epiflow.cli;

import org.epiflow.bundle.BundleException;
import org.epiflow.bundle.MinimisationException;
import org.epiflow.text.Untrusted;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Turns failures into one clear line on standard error and an exit code: 1 error, 2 usage, 3 bundle refused by a
 * check (the check's name is printed), 4 input refused by minimisation, 5 the audit trail failed verification,
 * 6 the workspace is in use by another EpiFlow window or command (nothing was done), 7 the workspace is damaged
 * (nothing was done; restore a backup).
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
    static final int REFUSED = 3;
    static final int MINIMISATION = 4;
    static final int AUDIT_BAD = 5;
    static final int WORKSPACE_IN_USE = 6;
    static final int WORKSPACE_DAMAGED = 7;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof CliException.Carried carried) {
            ex = carried.cliException();
        }
        if (ex instanceof BundleException b) {
            err.println("epiflow: " + b.userMessage());
            err.flush();
            return REFUSED;
        }
        if (ex instanceof MinimisationException m) {
            err.println("epiflow: cannot seal: " + m.getMessage());
            err.flush();
            return MINIMISATION;
        }
        if (ex instanceof org.epiflow.data.workspace.WorkspaceException w) {
            org.epiflow.text.Texts t = org.epiflow.text.Texts.inEnglish();
            err.println("epiflow: " + t.format(org.epiflow.text.Message.of("cli.workspace.notDone", w)));
            err.flush();
            return switch (w.reason()) {
                case LOCKED -> WORKSPACE_IN_USE;
                case CORRUPTED -> WORKSPACE_DAMAGED;
                default -> 1;
            };
        }
        if (ex instanceof CliException c) {
            err.println("epiflow: " + Untrusted.escape(c.getMessage()));
            err.flush();
            return c.exitCode();
        }
        if (ex instanceof org.epiflow.bench.BenchException e) {
            err.println("epiflow: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (ex instanceof NoSuchFileException e) {
            err.println("epiflow: no such file: " + Untrusted.escape(e.getFile()));
            err.flush();
            return 1;
        }
        if (ex instanceof AccessDeniedException e) {
            err.println("epiflow: permission denied: " + Untrusted.escape(e.getFile()));
            err.flush();
            return 1;
        }
        if (ex instanceof IOException e) {
            err.println("epiflow: " + Untrusted.escape(String.valueOf(e.getMessage())));
            err.flush();
            return 1;
        }
        err.println("epiflow: internal error: " + Untrusted.escape(String.valueOf(ex)));
        ex.printStackTrace(err);
        err.flush();
        return 1;
    }
}
