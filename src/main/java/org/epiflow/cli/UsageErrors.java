package org.epiflow.cli;

import org.epiflow.text.Texts;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Mistakes in the command line itself (a missing option, an unknown one, a value that is not a date…), told in
 * the run's language in one line, with a hint where the help is; exit code 2 as before.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    private final EpiflowCommand root;
    private final CommandLine rootLine;

    UsageErrors(EpiflowCommand root, CommandLine rootLine) {
        this.root = root;
        this.rootLine = rootLine;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        root.choose(args, rootLine);
        Texts t = root.texts();
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("epiflow: " + describe(ex, t));
        err.println(t.get("cli.usage.hint", cmd.getCommandSpec().qualifiedName()));
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String describe(CommandLine.ParameterException ex, Texts t) {
        if (ex instanceof CommandLine.MissingParameterException m) {
            return t.get("cli.usage.missing", m.getMissing().stream().map(UsageErrors::name)
                    .collect(Collectors.joining(", ")));
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            return t.get("cli.usage.unknown", String.join(" ", u.getUnmatched()));
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o) {
            return t.get("cli.usage.twice", name(o.getOverwritten()));
        }
        ArgSpec arg = ex.getArgSpec();
        if (arg != null && ex.getValue() != null) {
            return t.get("cli.usage.badValue", name(arg), ex.getValue(), expected(arg, t));
        }
        if (ex instanceof Own) {
            return ex.getMessage();
        }
        return t.get("cli.text", ex.getMessage());
    }

    /** A usage mistake the program itself worded (already in the run's language), e.g. an unknown {@code --lang}. */
    static final class Own extends CommandLine.ParameterException {
        private static final long serialVersionUID = 1L;

        Own(CommandLine cl, String message) {
            super(cl, message);
        }
    }

    private static String name(ArgSpec a) {
        if (a instanceof OptionSpec o) {
            return o.longestName();
        }
        if (a instanceof PositionalParamSpec p) {
            return p.paramLabel();
        }
        return String.valueOf(a);
    }

    private static String expected(ArgSpec a, Texts t) {
        Class<?> type = a.type();
        if (type == org.epiflow.analytics.RiskModel.class) {
            return t.get("cli.usage.oneOf", org.epiflow.analytics.RiskModel.ids());
        }
        if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
            return t.get("cli.usage.oneOf", String.join(", ", names));
        }
        if (type == LocalDate.class) {
            return t.get("cli.usage.date");
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return t.get("cli.usage.wholeNumber");
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return t.get("cli.usage.number");
        }
        return t.get("cli.usage.seeHelp");
    }
}
