package org.epiflow.ui.util;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.stage.Window;
import org.epiflow.ui.i18n.Messages;

import java.util.List;

/**
 * Dialog pieces in the user's language, whatever the JVM's default locale: JavaFX's own {@link ButtonType#OK} and
 * friends take their words from the default locale once, when the class loads, and its "Show Details / Hide
 * Details" link does the same; these replacements take them from {@link Messages}. Dialogs also get the window's
 * stylesheets, theme and font, so Chinese never shows as boxes and the dark theme reaches them.
 */
public final class Dialogs {
    private Dialogs() {
    }

    public static ButtonType ok(Messages m) {
        return new ButtonType(m.get("dialog.ok"), ButtonData.OK_DONE);
    }

    public static ButtonType cancel(Messages m) {
        return new ButtonType(m.get("dialog.cancel"), ButtonData.CANCEL_CLOSE);
    }

    public static ButtonType close(Messages m) {
        return new ButtonType(m.get("dialog.close"), ButtonData.CANCEL_CLOSE);
    }

    public static ButtonType yes(Messages m) {
        return new ButtonType(m.get("dialog.yes"), ButtonData.YES);
    }

    public static ButtonType no(Messages m) {
        return new ButtonType(m.get("dialog.no"), ButtonData.NO);
    }

    /** A button of one's own (an action such as "Open folder"). */
    public static ButtonType action(String text) {
        return new ButtonType(text, ButtonData.OTHER);
    }

    /**
     * Replaces JavaFX's standard buttons (OK, Cancel, Close, Yes, No, Apply) of a pane with the same buttons in the
     * user's language; the button data stays, so result converters keep working.
     */
    public static void localizeButtons(DialogPane pane, Messages m) {
        List<ButtonType> types = pane.getButtonTypes().stream().map(t -> localized(t, m)).toList();
        pane.getButtonTypes().setAll(types);
    }

    private static ButtonType localized(ButtonType t, Messages m) {
        if (t == ButtonType.OK) {
            return ok(m);
        }
        if (t == ButtonType.CANCEL) {
            return cancel(m);
        }
        if (t == ButtonType.CLOSE) {
            return close(m);
        }
        if (t == ButtonType.YES) {
            return yes(m);
        }
        if (t == ButtonType.NO) {
            return no(m);
        }
        if (t == ButtonType.APPLY) {
            return new ButtonType(m.get("dialog.apply"), ButtonData.APPLY);
        }
        return t;
    }

    /** Localized buttons, the owner's look, and the owner set (null owner: none). */
    public static <T> void prepare(Dialog<T> d, Messages m, Window owner) {
        if (owner != null && d.getOwner() == null) {
            d.initOwner(owner);
        }
        localizeButtons(d.getDialogPane(), m);
        style(d.getDialogPane(), owner);
    }

    /** Gives a dialog's pane the owner scene's stylesheets, theme class and font. */
    public static void style(DialogPane pane, Window owner) {
        Scene s = owner == null ? null : owner.getScene();
        if (s == null) {
            return;
        }
        for (String css : s.getStylesheets()) {
            if (!pane.getStylesheets().contains(css)) {
                pane.getStylesheets().add(css);
            }
        }
        Parent root = s.getRoot();
        if (root != null) {
            if (root.getStyleClass().contains("dark") && !pane.getStyleClass().contains("dark")) {
                pane.getStyleClass().add("dark");
            }
            if (root.getStyle() != null && !root.getStyle().isBlank()) {
                pane.setStyle(root.getStyle() + (pane.getStyle() == null ? "" : pane.getStyle()));
            }
        }
    }

    /** A dialog pane whose "Show details / Hide details" link speaks the user's language. */
    public static final class Pane extends DialogPane {
        private final Messages messages;

        public Pane(Messages messages) {
            this.messages = messages;
        }

        @Override
        protected Node createDetailsButton() {
            Hyperlink link = new Hyperlink();
            link.setId("detailsLink");
            link.getStyleClass().add("details-button");
            Runnable text = () -> link.setText(messages.get(isExpanded() ? "dialog.details.hide"
                    : "dialog.details.show"));
            text.run();
            expandedProperty().addListener((o, a, b) -> text.run());
            link.setOnAction(e -> setExpanded(!isExpanded()));
            return link;
        }
    }
}
