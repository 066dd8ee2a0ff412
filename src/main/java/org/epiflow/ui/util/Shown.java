package org.epiflow.ui.util;

import javafx.scene.Node;

/**
 * Whether a view is in the window shown. After a change of language the window is built again from the same
 * view-models; the old views stay subscribed to them for a while, and must not act (start a player, select a
 * row) on their behalf.
 */
public final class Shown {
    private Shown() {
    }

    public static boolean isShown(Node n) {
        return n.getScene() != null && n.getScene().getWindow() != null;
    }
}
