package org.epiflow.ui.session;

import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.epiflow.ui.i18n.Messages;

import java.util.List;

/** The session's menu items: View → Save view… and Open view…. */
public final class SessionMenu {
    private SessionMenu() {
    }

    public static List<MenuItem> viewItems(WorkspaceSession session, Messages m) {
        MenuItem save = new MenuItem(m.get("menu.saveView"));
        save.setId("saveViewItem");
        save.setOnAction(e -> session.saveViewInteractive());
        MenuItem open = new MenuItem(m.get("menu.openView"));
        open.setId("openViewItem");
        open.setOnAction(e -> session.openViewInteractive());
        save.disableProperty().bind(session.readyProperty().not());
        open.disableProperty().bind(session.readyProperty().not());
        return List.of(new SeparatorMenuItem(), save, open);
    }
}
