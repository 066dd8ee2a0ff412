package org.epiflow;

import org.epiflow.cli.EpiflowCommand;
import org.epiflow.ui.DesktopLauncher;

import java.util.Locale;

/**
 * Entry point of {@code epiflow.jar} and of the installed launchers. With no arguments, with {@code --open FILE},
 * or with a single bundle file (what a double-click on a {@code .epiflow} file passes) it starts the desktop app;
 * otherwise it runs the command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (startsDesktop(args)) {
            DesktopLauncher.launch(args);
        } else {
            System.exit(EpiflowCommand.run(args));
        }
    }

    static boolean startsDesktop(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if ("--open".equals(args[0])) {
            return true;
        }
        return args.length == 1 && args[0].toLowerCase(Locale.ROOT).endsWith(".epiflow") && !args[0].startsWith("-");
    }
}
