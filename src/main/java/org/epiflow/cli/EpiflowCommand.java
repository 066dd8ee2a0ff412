package org.epiflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code epiflow} command. */
@Command(name = "epiflow", mixinStandardHelpOptions = true, version = "EpiFlow 0.1.0",
        description = "Seal, verify and inspect aggregate mobility bundles for epidemic prevention.",
        subcommands = {CommandLine.HelpCommand.class})
public final class EpiflowCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        return new CommandLine(new EpiflowCommand()).execute(args);
    }
}
