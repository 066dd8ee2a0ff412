package org.epiflow;

import org.epiflow.cli.EpiflowCommand;
import org.epiflow.ui.DesktopLauncher;

/**
 * Entry point of {@code epiflow.jar}: with arguments it runs the command line, without it starts the desktop app.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            DesktopLauncher.launch(args);
        } else {
            System.exit(EpiflowCommand.run(args));
        }
    }
}
