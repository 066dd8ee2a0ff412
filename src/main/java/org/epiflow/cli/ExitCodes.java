package org.epiflow.cli;

import org.epiflow.bundle.BundleException;
import org.epiflow.bundle.MinimisationException;
import org.epiflow.text.Localized;
import org.epiflow.text.Problems;
import org.epiflow.text.Texts;
import org.epiflow.text.Untrusted;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Turns failures into clear lines on standard error, in the run's language, and an exit code: 1 error, 2 usage, 3
 * bundle refused by a check (the check's name is printed), 4 input refused by minimisation, 5 the audit trail failed
 * verification, 6 the workspace is in use by another EpiFlow window or command (nothing was done), 7 the workspace
 * is damaged (nothing was done; restore a backup). Any failure that carries its own message ({@link Localized}) is
 * printed in words of the run's language; the exit codes never depend on the language.
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
    static final int REFUSED = 3;
    static final int MINIMISATION = 4;
    static final int AUDIT_BAD = 5;
    static final int WORKSPACE_IN_USE = 6;
    static final int WORKSPACE_DAMAGED = 7;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        Texts t = EpiflowCommand.texts(cmd.getCommandSpec());
        PrintWriter err = cmd.getErr();
        if (ex instanceof CliException.Carried carried) {
            ex = carried.cliException();
        }
        try {
            if (ex instanceof BundleException b) {
                err.println(line(t.get("cli.refused", t.get("cli.check." + b.check().name() + ".title"),
                        finding(b, t), t.get("cli.check." + b.check().name() + ".advice"))));
                return REFUSED;
            }
            if (ex instanceof MinimisationException m) {
                err.println(line(t.get("cli.seal.refused", finding(m, t))));
                return MINIMISATION;
            }
            if (ex instanceof org.epiflow.data.workspace.WorkspaceException w) {
                err.println(line(t.format(org.epiflow.text.Message.of("cli.workspace.notDone", w))));
                return switch (w.reason()) {
                    case LOCKED -> WORKSPACE_IN_USE;
                    case CORRUPTED -> WORKSPACE_DAMAGED;
                    default -> 1;
                };
            }
            if (ex instanceof CliException c) {
                err.println(line(t.format(c)));
                problemsOf(c, t, err);
                return c.exitCode();
            }
            Localized own = Problems.localized(ex);
            if (own != null) {
                err.println(line(t.format(own)));
                return 1;
            }
            Throwable u = Problems.unwrap(ex);
            if (u instanceof IOException || u instanceof OutOfMemoryError
                    || ex instanceof org.epiflow.bench.BenchException) {
                err.println(line(finding(ex, t)));
                return 1;
            }
            err.println(line(t.get("cli.internal", Untrusted.escape(String.valueOf(ex)))));
            ex.printStackTrace(err);
            return 1;
        } finally {
            err.flush();
        }
    }

    /** A refused case file: every problem on a line of its own (line, column, value), up to {@value #SHOWN}. */
    private static void problemsOf(Throwable e, Texts t, PrintWriter err) {
        Throwable cause = e.getCause();
        if (cause instanceof org.epiflow.analytics.cases.CaseImportException ce && ce.problems().size() > 1) {
            var all = ce.problems();
            for (int i = 0; i < Math.min(SHOWN, all.size()); i++) {
                err.println("  " + t.format(all.get(i).located()));
            }
            if (all.size() > SHOWN) {
                err.println("  " + t.get("cli.problems.more", all.size() - SHOWN));
            }
        }
    }

    /** Problems of a file listed one by one at most. */
    static final int SHOWN = 20;

    private static String line(String text) {
        return "epiflow: " + text;
    }

    /** A lower layer's failure as an argument of a {@link org.epiflow.text.Message}: see {@link Problems#reason}. */
    static Object reason(Throwable e) {
        return Problems.reason(e);
    }

    /**
     * What was found, in the run's language: the failure's own message when it has one; plain words for file
     * system failures; else its (English) words as they are, escaped.
     */
    static String finding(Throwable e, Texts t) {
        Localized l = Problems.localized(e);
        if (l != null) {
            return t.format(l);
        }
        Throwable u = Problems.unwrap(e);
        if (u instanceof IOException || u instanceof OutOfMemoryError) {
            return t.format(Problems.of(u));
        }
        return Untrusted.escape(String.valueOf(e.getMessage()));
    }
}
