package org.epiflow.ui.help;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.epiflow.ui.i18n.Messages;

import java.util.List;

/** The keyboard-shortcuts card (F1 or ?); any key or click closes it. */
public final class ShortcutsOverlay extends StackPane {
    /** Keys and the message key describing each, in display order. */
    public static final List<String[]> SHORTCUTS = List.of(
            new String[] {"F1 / ?", "help.key.help"},
            new String[] {"Ctrl+O", "help.key.open"},
            new String[] {"Ctrl+E", "help.key.export"},
            new String[] {"Ctrl+L", "help.key.lock"},
            new String[] {"Ctrl+F", "help.key.search"},
            new String[] {"Space", "help.key.play"},
            new String[] {"[ ]  PgUp PgDn", "help.key.step"},
            new String[] {"← → ↑ ↓", "help.key.pan"},
            new String[] {"+ −", "help.key.zoom"},
            new String[] {"0", "help.key.fit"},
            new String[] {"Z", "help.key.zoomSelection"},
            new String[] {"Esc", "help.key.clear"},
            new String[] {"Ctrl+W", "help.key.close"});

    public ShortcutsOverlay(Messages m) {
        setId("shortcutsOverlay");
        getStyleClass().add("overlay-backdrop");
        Label title = new Label(m.get("help.title"));
        title.getStyleClass().add("title-3");
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (String[] s : SHORTCUTS) {
            Label key = new Label(s[0].equals("Space") ? m.get("help.cap.space") : s[0]);
            key.getStyleClass().add("key-cap");
            grid.addRow(row++, key, new Label(m.get(s[1])));
        }
        Label close = new Label(m.get("help.close"));
        close.getStyleClass().add("text-muted");
        VBox card = new VBox(14, title, grid, close);
        card.getStyleClass().add("overlay-card");
        card.setPadding(new Insets(24));
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        setVisible(false);
        setOnMouseClicked(e -> setVisible(false));
    }
}
