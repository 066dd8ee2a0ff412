package org.epiflow.ui.util;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import java.util.function.Supplier;

/** Dialogs as JavaFX {@link Alert}s owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String header, String message, String details) {
        Alert a = alert(Alert.AlertType.ERROR, title, message);
        a.setHeaderText(header);
        if (details != null && !details.isBlank()) {
            TextArea area = new TextArea(details);
            area.setEditable(false);
            area.setWrapText(true);
            a.getDialogPane().setExpandableContent(area);
        }
        a.showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        return alert(Alert.AlertType.CONFIRMATION, title, message).showAndWait()
                .filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public java.util.Optional<char[]> askPassphrase(String title, String header, String label, String ok,
                                                    String cancel) {
        return PassphraseDialog.ask(owner.get(), title, header, label, ok, cancel);
    }

    @Override
    public boolean confirm(String title, String message, String yes, String no) {
        ButtonType y = new ButtonType(yes, javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        ButtonType n = new ButtonType(no, javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = alert(Alert.AlertType.CONFIRMATION, title, message);
        a.getButtonTypes().setAll(y, n);
        return a.showAndWait().filter(b -> b == y).isPresent();
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type, message);
        a.setTitle(title);
        a.setHeaderText(null);
        a.getDialogPane().setMinWidth(480);
        Window w = owner.get();
        if (w != null) {
            a.initOwner(w);
            if (w.getScene() != null && w.getScene().getRoot() != null) {
                // the owner's root names the bundled CJK font: without it Chinese shows as boxes in dialogs
                a.getDialogPane().setStyle(w.getScene().getRoot().getStyle());
            }
        }
        return a;
    }
}
