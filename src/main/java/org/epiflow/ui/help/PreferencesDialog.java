package org.epiflow.ui.help;

import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.LanguageChoice;
import org.epiflow.ui.prefs.Theme;

import java.util.Optional;

/** Language and theme. Returns the choice; the caller saves it and rebuilds the window. */
public final class PreferencesDialog extends Dialog<PreferencesDialog.Choice> {
    /** What the user chose. */
    public record Choice(LanguageChoice language, Theme theme, Integer idleLockMinutes) {
    }

    public PreferencesDialog(Messages m, Window owner, LanguageChoice language, Theme theme) {
        this(m, owner, language, theme, null);
    }

    /**
     * @param idleLockMinutes the officer's idle auto-lock time (workspace setting), or null while locked (not shown)
     */
    public PreferencesDialog(Messages m, Window owner, LanguageChoice language, Theme theme,
                             Integer idleLockMinutes) {
        setTitle(m.get("prefs.title"));
        if (owner != null) {
            initOwner(owner);
        }
        ComboBox<LanguageChoice> lang = new ComboBox<>();
        lang.getItems().setAll(LanguageChoice.values());
        lang.setConverter(converter(c -> m.get("prefs.language." + c.name())));
        lang.setValue(language);
        ComboBox<Theme> th = new ComboBox<>();
        th.getItems().setAll(Theme.values());
        th.setConverter(converter(t -> m.get("prefs.theme." + t.name())));
        th.setValue(theme);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new javafx.geometry.Insets(14, 18, 6, 18));
        grid.addRow(0, new Label(m.get("prefs.language")), lang);
        grid.addRow(1, new Label(m.get("prefs.theme")), th);
        javafx.scene.control.Spinner<Integer> idle = new javafx.scene.control.Spinner<>(1, 24 * 60,
                idleLockMinutes == null ? 10 : idleLockMinutes);
        idle.setId("idleLockSpinner");
        idle.setEditable(true);
        if (idleLockMinutes != null) {
            grid.addRow(2, new Label(m.get("prefs.idleLock")), idle);
        }
        getDialogPane().setContent(grid);
        ButtonType ok = org.epiflow.ui.util.Dialogs.ok(m);
        getDialogPane().getButtonTypes().setAll(ok, org.epiflow.ui.util.Dialogs.cancel(m));
        org.epiflow.ui.util.Dialogs.style(getDialogPane(), owner);
        setResultConverter(b -> b == ok ? new Choice(lang.getValue(), th.getValue(),
                idleLockMinutes == null ? null : idle.getValue()) : null);
    }

    public Optional<Choice> ask() {
        return showAndWait();
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
