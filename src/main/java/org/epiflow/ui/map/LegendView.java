package org.epiflow.ui.map;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import org.epiflow.map.Legend;

/** Lays out the mapmodel's {@link Legend} (already in the user's language): flow classes, circle sizes, notes. */
public final class LegendView extends VBox {

    public LegendView(MapViewModel vm) {
        super(4);
        setId("legend");
        getStyleClass().add("legend");
        setPadding(new Insets(10));
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMouseTransparent(true);
        vm.legendProperty().addListener((o, a, l) -> show(l));
        visibleProperty().bind(vm.legendProperty().isNotNull());
        show(vm.legendProperty().get());   // a window built again (new language) shows the legend at once
    }

    private void show(Legend l) {
        getChildren().clear();
        if (l == null) {
            return;
        }
        Label title = new Label(l.title());
        title.getStyleClass().add("legend-title");
        getChildren().add(title);
        for (Legend.Entry e : l.flows()) {
            Line line = new Line(0, 0, 28, 0);
            line.setStroke(color(e.color()));
            line.setStrokeWidth(Math.max(1, e.size()));
            HBox row = new HBox(8, line, new Label(e.label()));
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }
        for (Legend.Entry e : l.symbols()) {
            Circle c = new Circle(Math.max(1.5, e.size()));
            c.setFill(color(e.color()));
            HBox row = new HBox(8, c, new Label(e.label()));
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }
        for (String n : l.notes()) {
            Label note = new Label(n);
            note.setWrapText(true);
            note.setMaxWidth(240);
            note.getStyleClass().add("legend-note");
            getChildren().add(note);
        }
    }

    private static Color color(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, ((argb >>> 24) & 0xFF) / 255.0);
    }
}
