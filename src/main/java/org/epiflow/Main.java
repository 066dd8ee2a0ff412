package org.epiflow;

import org.epiflow.cli.EpiflowCommand;
import org.epiflow.ui.DesktopLauncher;

/**
 * Entry point of {@code epiflow.jar}: without arguments (or with only bundles to open: {@code --open FILE} or paths
 * ending in {@code .epiflow}) it starts the desktop app; otherwise it runs the command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (DesktopLauncher.wants(args)) {
            DesktopLauncher.launch(args);
        } else {
            System.exit(EpiflowCommand.run(args));
        }
    }
}
