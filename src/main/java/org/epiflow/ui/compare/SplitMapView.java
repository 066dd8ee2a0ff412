package org.epiflow.ui.compare;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.epiflow.ui.map.MapCanvas;

/**
 * The map area: the period's map alone, or — in the split view — the period's map and the baseline's side by side,
 * each titled with its days. Only binds to {@link SplitViewModel}.
 */
public final class SplitMapView extends SplitPane {
    /** Narrowest each of the two maps may become. */
    static final double MIN_HALF = 150;

    public SplitMapView(Node periodMap, SplitViewModel vm) {
        setId("splitMapView");
        getStyleClass().add("split-map-view");
        MapCanvas baseline = new MapCanvas(vm.baseline());
        baseline.setId("baselineMapCanvas");
        StackPane baselinePane = new StackPane(baseline, title(vm.baselineTitleProperty(), "baselineTitle"));
        baselinePane.setMinWidth(MIN_HALF);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(baselinePane.widthProperty());
        clip.heightProperty().bind(baselinePane.heightProperty());
        baselinePane.setClip(clip);
        StackPane periodPane = new StackPane(periodMap, title(vm.periodTitleProperty(), "periodTitle"));
        double alone = periodMap instanceof javafx.scene.layout.Region r ? r.getMinWidth() : 0;
        Runnable place = () -> {
            // two maps in the room of one: each may be narrower, so the window does not grow wider than the screen
            if (periodMap instanceof javafx.scene.layout.Region r) {
                r.setMinWidth(vm.shownProperty().get() ? MIN_HALF : alone);
            }
            if (vm.shownProperty().get()) {
                getItems().setAll(periodPane, baselinePane);
                setDividerPositions(0.5);
            } else {
                getItems().setAll(periodPane);
            }
        };
        place.run();
        vm.shownProperty().addListener((o, a, b) -> place.run());
    }

    private static Label title(javafx.beans.value.ObservableStringValue text, String id) {
        Label l = new Label();
        l.setWrapText(true);
        l.setMaxWidth(Region.USE_PREF_SIZE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        l.setId(id);
        l.getStyleClass().add("split-map-title");
        l.textProperty().bind(text);
        l.setMouseTransparent(true);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        StackPane.setAlignment(l, Pos.TOP_CENTER);
        StackPane.setMargin(l, new Insets(6));
        l.parentProperty().addListener((o, a, p) -> {
            if (p instanceof Region r) {
                l.maxWidthProperty().bind(r.widthProperty().subtract(16));
            }
        });
        return l;
    }
}
