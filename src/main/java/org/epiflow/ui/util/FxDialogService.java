package org.epiflow.ui.util;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.epiflow.ui.i18n.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Dialogs owned by the main window, entirely in the user's language: title, heading, text, the collapsible
 * technical details and their link, and the buttons (not JavaFX's {@link ButtonType#OK}, whose words follow the
 * JVM's default locale).
 */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final Messages messages;

    public FxDialogService(Supplier<Window> owner, Messages messages) {
        this.owner = owner;
        this.messages = messages;
    }

    /** With messages in the JVM's default language. */
    public FxDialogService(Supplier<Window> owner) {
        this(owner, Messages.of(Locale.getDefault()));
    }

    @Override
    public void showError(String title, String header, String message, String details) {
        errorDialog(title, header, message, details).showAndWait();
    }

    /** The error dialog {@link #showError} shows (details collapsed behind a link). */
    public Dialog<ButtonType> errorDialog(String title, String header, String message, String details) {
        Dialog<ButtonType> d = dialog(Alert.AlertType.ERROR, title, header, message, List.of(Dialogs.ok(messages)));
        if (details != null && !details.isBlank()) {
            TextArea area = new TextArea(details);
            area.setId("detailsText");
            area.setEditable(false);
            area.setWrapText(true);
            area.setPrefRowCount(8);
            d.getDialogPane().setExpandableContent(area);
        }
        return d;
    }

    @Override
    public void showInfo(String title, String message) {
        dialog(Alert.AlertType.INFORMATION, title, null, message, List.of(Dialogs.ok(messages))).showAndWait();
    }

    @Override
    public int showInfo(String title, String message, List<String> actions) {
        Dialog<ButtonType> d = infoDialog(title, message, actions);
        List<ButtonType> buttons = d.getDialogPane().getButtonTypes();
        Optional<ButtonType> chosen = d.showAndWait();
        return chosen.map(buttons::indexOf).filter(i -> i < actions.size()).orElse(-1);
    }

    /** The information dialog with actions (and a Close button after them) that {@link #showInfo} shows. */
    public Dialog<ButtonType> infoDialog(String title, String message, List<String> actions) {
        List<ButtonType> buttons = new ArrayList<>();
        for (String a : actions) {
            buttons.add(Dialogs.action(a));
        }
        buttons.add(Dialogs.close(messages));
        return dialog(Alert.AlertType.INFORMATION, title, null, message, buttons);
    }

    @Override
    public boolean confirm(String title, String message) {
        return dialog(Alert.AlertType.CONFIRMATION, title, null, message,
                List.of(Dialogs.ok(messages), Dialogs.cancel(messages))).showAndWait()
                .filter(b -> b.getButtonData() == ButtonData.OK_DONE).isPresent();
    }

    @Override
    public java.util.Optional<char[]> askPassphrase(String title, String header, String label, String ok,
                                                    String cancel) {
        return PassphraseDialog.ask(owner.get(), title, header, label, ok, cancel);
    }

    @Override
    public boolean confirm(String title, String message, String yes, String no) {
        ButtonType y = new ButtonType(yes, ButtonData.OK_DONE);
        ButtonType n = new ButtonType(no, ButtonData.CANCEL_CLOSE);
        return dialog(Alert.AlertType.CONFIRMATION, title, null, message, List.of(y, n)).showAndWait()
                .filter(b -> b == y).isPresent();
    }

    /** The dialog as shown (for tests: built without showing it). */
    Dialog<ButtonType> dialog(Alert.AlertType type, String title, String header, String message,
                              List<ButtonType> buttons) {
        Dialog<ButtonType> d = new Dialog<>();
        Dialogs.Pane pane = new Dialogs.Pane(messages);
        d.setDialogPane(pane);
        pane.getStyleClass().addAll("alert", type.name().toLowerCase(Locale.ROOT));
        d.setTitle(title);
        pane.setHeaderText(header);
        Label text = new Label(message);
        text.setId("dialogMessage");
        text.setWrapText(true);
        text.setPrefWidth(520);
        text.setMaxWidth(560);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);   // all its lines, never "…"
        pane.setContent(text);
        pane.getButtonTypes().setAll(buttons);
        pane.setMinWidth(480);
        Window w = owner.get();
        if (w != null) {
            d.initOwner(w);
        }
        Dialogs.style(pane, w);
        return d;
    }
}
