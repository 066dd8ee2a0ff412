package org.epiflow.ui;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The desktop application. Until the workstation issue lands this is a placeholder window. */
public final class EpiFlowApp extends Application {
    @Override
    public void start(Stage stage) {
        Label title = new Label("EpiFlow");
        title.setStyle("-fx-font-size: 28px; -fx-font-weight: bold;");
        Label body = new Label("Analyst workstation for sealed aggregate mobility bundles.\n"
                + "The map workstation is under construction; use the epiflow command line meanwhile.");
        VBox root = new VBox(12, title, body);
        root.setPadding(new Insets(24));
        stage.setTitle("EpiFlow");
        stage.setScene(new Scene(root, 720, 360));
        stage.show();
    }
}
