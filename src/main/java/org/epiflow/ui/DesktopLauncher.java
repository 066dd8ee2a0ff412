package org.epiflow.ui;

import javafx.application.Application;

/**
 * Starts the JavaFX application; kept apart from {@link EpiFlowApp} so the launcher class is not an Application.
 * Arguments ({@code --open FILE} or bundle paths) are passed through; see {@link LaunchArguments}.
 */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    /** Whether {@code args} are for the desktop app (none, or only bundles to open). */
    public static boolean wants(String[] args) {
        return LaunchArguments.isDesktop(args);
    }

    public static void launch(String[] args) {
        Application.launch(EpiFlowApp.class, args);
    }
}
