package org.epiflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code epiflow} command. */
@Command(name = "epiflow", mixinStandardHelpOptions = true, version = "EpiFlow 0.1.0",
        description = "Seal, verify and inspect aggregate mobility bundles for epidemic prevention.",
        subcommands = {KeygenCommand.class, SealCommand.class, VerifyCommand.class, InspectCommand.class,
                BenchCommand.class,
                DemoCommand.class,
                AuditCommand.class,
                WorkspaceCommand.class,
                ViewCommand.class,
                RiskCommand.class,
                ExportCommand.class,
                CommandLine.HelpCommand.class})
public final class EpiflowCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The configured command line; what it prints goes through {@link TerminalWriter} (for tests: set its out/err
     * writers with {@link #terminal}).
     */
    public static CommandLine commandLine() {
        return new CommandLine(new EpiflowCommand())
                .setExecutionExceptionHandler(new ExitCodes())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .setOut(terminal(new java.io.OutputStreamWriter(System.out, java.nio.charset.Charset.defaultCharset())))
                .setErr(terminal(new java.io.OutputStreamWriter(System.err, java.nio.charset.Charset.defaultCharset())));
    }

    /** A print writer over {@code out} that shows control characters as visible escapes, as the terminal gets. */
    public static java.io.PrintWriter terminal(java.io.Writer out) {
        return TerminalWriter.over(out);
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }
}
