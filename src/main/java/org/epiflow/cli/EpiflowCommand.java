package org.epiflow.cli;

import org.epiflow.text.Texts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.ResourceBundle;

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

    /** The run's language (set before the command runs; the system's until then). */
    private Texts texts = Texts.of(Locale.getDefault());
    /** The language given with {@code --lang}, or null. */
    private Locale requested;

    @Option(names = "--lang", scope = ScopeType.INHERIT, paramLabel = "zh|en", order = 1000,
            description = "language of messages, help and export pages: zh (Chinese) or en (English); default: "
                    + "the system's (export pages: Chinese)")
    void language(String value) {
        requested = CliLanguage.parse(value).orElseThrow(() -> new UsageErrors.Own(
                spec.commandLine(), texts.get("cli.lang.unknown", value)));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A print writer over {@code out} that shows control characters as visible escapes, as the terminal gets. */
    public static java.io.PrintWriter terminal(java.io.Writer out) {
        return TerminalWriter.over(out);
    }

    /** The words of this run, in its language. */
    public Texts texts() {
        return texts;
    }

    /** The language given with {@code --lang}, or null when the system's is used. */
    Locale requested() {
        return requested;
    }

    /** The texts of the run a command belongs to (its root is an {@code epiflow} command). */
    static Texts texts(CommandLine.Model.CommandSpec spec) {
        Object root = spec == null ? null : spec.root().userObject();
        return root instanceof EpiflowCommand e ? e.texts : Texts.of(Locale.getDefault());
    }

    /** The language given explicitly with {@code --lang} in the run a command belongs to, or null. */
    static Locale requested(CommandLine.Model.CommandSpec spec) {
        Object root = spec == null ? null : spec.root().userObject();
        return root instanceof EpiflowCommand e ? e.requested : null;
    }

    /** Decides the run's language from its arguments (before anything is printed). */
    void choose(String[] args, CommandLine cl) {
        Locale lang = CliLanguage.of(args, Locale.getDefault());
        texts = Texts.of(lang);
        ResourceBundle usage = CliLanguage.usage(lang);
        if (usage != null && cl.getResourceBundle() != usage) {
            cl.setResourceBundle(usage);
        }
    }

    /**
     * The configured command line; what it prints should go through {@link TerminalWriter} (for tests: set its
     * out/err writers with {@link #terminal}; {@link #run} does so on the terminal).
     */
    public static CommandLine commandLine() {
        EpiflowCommand root = new EpiflowCommand();
        CommandLine cl = new CommandLine(root)
                .setExecutionExceptionHandler(new ExitCodes())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cl.setExecutionStrategy(parsed -> {
            root.choose(parsed.originalArgs().toArray(String[]::new), cl);
            return run.execute(parsed);
        });
        cl.setParameterExceptionHandler(new UsageErrors(root, cl));
        return cl;
    }

    /** Runs the command line on the terminal and returns its exit code. */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        PrintWriter out = terminal(new java.io.OutputStreamWriter(System.out, CliLanguage.terminalCharset()));
        PrintWriter err = terminal(new java.io.OutputStreamWriter(System.err, CliLanguage.terminalCharset()));
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
