package org.epiflow.ui.map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.prefs.Preferences;

/**
 * Where the map's legends go and which are shown (View ▸ Legends): they sit in a column beside the map — never over
 * it — on the left or the right, and each can be hidden. Remembered between sessions.
 */
public final class LegendSettings {
    /** The side of the map the legend column is on. */
    public enum Side { LEFT, RIGHT }

    private static final String SIDE_KEY = "side";
    private final BooleanProperty flows = new SimpleBooleanProperty(true);
    private final BooleanProperty heatmap = new SimpleBooleanProperty(true);
    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(Side.RIGHT);

    /** Settings remembered in {@code node} (null: not remembered). */
    public LegendSettings(Preferences node) {
        if (node != null) {
            flows.set(node.getBoolean("flows", true));
            heatmap.set(node.getBoolean("heatmap", true));
            try {
                side.set(Side.valueOf(node.get(SIDE_KEY, Side.RIGHT.name())));
            } catch (IllegalArgumentException e) {
                side.set(Side.RIGHT);
            }
            flows.addListener((o, a, b) -> node.putBoolean("flows", b));
            heatmap.addListener((o, a, b) -> node.putBoolean("heatmap", b));
            side.addListener((o, a, b) -> node.put(SIDE_KEY, (b == null ? Side.RIGHT : b).name()));
        }
    }

    /** Whether the flow legend (classes, circles, how to read direction, notes) is shown. */
    public BooleanProperty flowsShownProperty() {
        return flows;
    }

    /** Whether the heatmap's legend is shown (when there is a heatmap). */
    public BooleanProperty heatmapShownProperty() {
        return heatmap;
    }

    public ObjectProperty<Side> sideProperty() {
        return side;
    }
}
