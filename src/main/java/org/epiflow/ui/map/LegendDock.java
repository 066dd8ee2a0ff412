package org.epiflow.ui.map;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The column beside the map that holds its legends, one under the other, so they never cover each other or the map;
 * on the side {@link LegendSettings} says, scrolling when the window is short, and gone when no legend is shown.
 */
public final class LegendDock extends ScrollPane {
    private final VBox column = new VBox(8);

    /** Places {@code dock} beside {@code map} in {@code area}, following the settings' side. */
    public static void install(BorderPane area, Node map, LegendDock dock, LegendSettings settings) {
        area.setCenter(map);
        Runnable place = () -> {
            area.setLeft(null);
            area.setRight(null);
            if (settings.sideProperty().get() == LegendSettings.Side.LEFT) {
                area.setLeft(dock);
            } else {
                area.setRight(dock);
            }
        };
        place.run();
        settings.sideProperty().addListener((o, a, b) -> place.run());
    }

    /** Width of the legends' column, pixels (notes and titles wrap inside it). */
    public static final double WIDTH = 250;

    public LegendDock() {
        setId("legendDock");
        getStyleClass().add("legend-dock");
        column.setPadding(new Insets(8));
        column.setFillWidth(true);
        setContent(column);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
        setPrefViewportWidth(WIDTH);
        setMinWidth(Region.USE_PREF_SIZE);
        setMaxWidth(Region.USE_PREF_SIZE);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /** Adds a legend, shown while {@code shown} holds and the legend itself is visible. */
    public void add(Region legend, ObservableBooleanValue shown) {
        StackPane slot = new StackPane(legend);
        StackPane.setAlignment(legend, javafx.geometry.Pos.TOP_LEFT);
        slot.setId(legend.getId() == null ? null : legend.getId() + "Slot");
        slot.visibleProperty().bind(Bindings.createBooleanBinding(() -> shown.get() && legend.isVisible(), shown,
                legend.visibleProperty()));
        slot.managedProperty().bind(slot.visibleProperty());
        column.getChildren().add(slot);
        slot.visibleProperty().addListener((o, a, b) -> refreshVisibility());
        refreshVisibility();
    }

    private void refreshVisibility() {
        setVisible(column.getChildren().stream().anyMatch(Node::isVisible));
    }
}
