package org.epiflow.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * What the user can read in a scene graph: labels (buttons, check boxes, cells, combo boxes…) whose text is shown cut
 * short — JavaFX then draws a shortened text with an ellipsis instead of the label's text.
 */
final class VisibleText {
    private VisibleText() {
    }

    /** Labels under {@code root} shown cut short, as "full text → shown text". */
    static List<String> truncated(Node root) {
        List<String> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Node n, List<String> out) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            Bounds b = l.getLayoutBounds();
            if (b.getWidth() > 0 && b.getHeight() > 0) {
                for (Node c : l.getChildrenUnmodifiable()) {
                    if (c instanceof Text t && t.isVisible() && !t.getText().equals(l.getText())
                            && !(l.isWrapText() && sameWords(t.getText(), l.getText()))) {
                        out.add(l.getText() + " → " + t.getText()
                                + (l.getId() == null ? "" : " (#" + l.getId() + ")"));
                    }
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, out);
            }
        }
    }

    private static boolean sameWords(String shown, String text) {
        return shown.replaceAll("\\s+", " ").strip().equals(text.replaceAll("\\s+", " ").strip());
    }

    /** Whether two nodes' boxes on screen overlap (by more than a hair). */
    static boolean overlap(Node a, Node b) {
        Bounds x = a.localToScene(a.getLayoutBounds()), y = b.localToScene(b.getLayoutBounds());
        double w = Math.min(x.getMaxX(), y.getMaxX()) - Math.max(x.getMinX(), y.getMinX());
        double h = Math.min(x.getMaxY(), y.getMaxY()) - Math.max(x.getMinY(), y.getMinY());
        return w > 0.5 && h > 0.5;
    }
}
