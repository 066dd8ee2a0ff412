package org.epiflow.ui.util;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A small dialog asking for a passphrase; from any thread (a background caller waits for the answer). */
final class PassphraseDialog {
    private PassphraseDialog() {
    }

    static Optional<char[]> ask(Window owner, String title, String header, String label, String ok, String cancel) {
        if (Platform.isFxApplicationThread()) {
            return show(owner, title, header, label, ok, cancel);
        }
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(show(owner, title, header, label, ok, cancel));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Optional<char[]> show(Window owner, String title, String header, String label, String ok,
                                         String cancel) {
        Dialog<char[]> d = new Dialog<>();
        d.setTitle(title);
        d.setHeaderText(header);
        if (owner != null) {
            d.initOwner(owner);
        }
        PasswordField field = new PasswordField();
        field.setId("bundlePassphrase");
        Label l = new Label(label);
        l.setLabelFor(field);
        l.setWrapText(true);
        VBox box = new VBox(8, l, field);
        box.setPadding(new Insets(8, 0, 0, 0));
        d.getDialogPane().setContent(box);
        d.getDialogPane().setMinWidth(460);
        ButtonType open = new ButtonType(ok, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(open, no);
        d.getDialogPane().lookupButton(open).disableProperty().bind(field.textProperty().isEmpty());
        d.setResultConverter(b -> b == open ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        try {
            return d.showAndWait();
        } finally {
            field.clear();
        }
    }
}
