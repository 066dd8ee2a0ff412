package org.epiflow.ui.session;

import javafx.scene.control.Label;

/** One line under the tool bar about the workspace: the audit check at unlock, purges, locks, errors. */
public final class SessionNotice extends Label {
    public SessionNotice(WorkspaceSession session) {
        setId("sessionNotice");
        getStyleClass().add("session-notice");
        textProperty().bind(session.noticeProperty());
        setWrapText(true);
        setStyle("-fx-padding: 2 10 2 10;");
        visibleProperty().bind(session.noticeProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
    }
}
