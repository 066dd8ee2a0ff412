package org.epiflow.ui;

import javafx.application.Application;

/** Starts the JavaFX application; kept apart from {@link EpiFlowApp} so the launcher class is not an Application. */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(EpiFlowApp.class, args);
    }
}
