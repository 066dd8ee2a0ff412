package org.epiflow.ui.session;

import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import org.epiflow.ui.i18n.Messages;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Asks for a saved view's name; a test implementation answers from a script. */
public interface ViewDialogs {
    /** The name to save the current view under (empty: cancelled). */
    Optional<String> askName(String suggestion);

    /** Which saved view to open (empty: cancelled). */
    Optional<String> choose(List<String> names);

    /** JavaFX dialogs owned by the window. */
    static ViewDialogs fx(Messages m, Supplier<Window> owner) {
        return new ViewDialogs() {
            @Override
            public Optional<String> askName(String suggestion) {
                TextInputDialog d = new TextInputDialog(suggestion);
                d.setTitle(m.get("view.save.title"));
                d.setHeaderText(m.get("view.save.header"));
                d.setContentText(m.get("view.save.name"));
                org.epiflow.ui.util.Dialogs.prepare(d, m, owner.get());
                return d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
            }

            @Override
            public Optional<String> choose(List<String> names) {
                ChoiceDialog<String> d = new ChoiceDialog<>(names.get(0), names);
                d.setTitle(m.get("view.open.title"));
                d.setHeaderText(m.get("view.open.header"));
                d.setContentText(m.get("view.open.name"));
                org.epiflow.ui.util.Dialogs.prepare(d, m, owner.get());
                return d.showAndWait();
            }
        };
    }
}
