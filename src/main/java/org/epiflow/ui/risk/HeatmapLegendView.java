package org.epiflow.ui.risk;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.epiflow.analytics.classify.Legend;

/** The heatmap's legend on the map: title, one swatch per class with its range, and the no-data colour. */
public final class HeatmapLegendView extends VBox {
    public HeatmapLegendView(HeatmapViewModel vm) {
        super(3);
        setId("heatmapLegend");
        getStyleClass().add("legend");
        setPadding(new Insets(10));
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMouseTransparent(true);
        vm.legendProperty().addListener((o, a, l) -> show(l, vm));
        vm.layerProperty().addListener((o, a, l) -> show(vm.legendProperty().get(), vm));
        setVisible(false);
        managedProperty().bind(visibleProperty());
        show(vm.legendProperty().get(), vm);   // a window built again (new language) shows the legend at once
    }

    private void show(Legend l, HeatmapViewModel vm) {
        getChildren().clear();
        setVisible(l != null && vm.layerProperty().get() != null);
        if (l == null) {
            return;
        }
        Label title = new Label(l.title());
        title.setId("heatmapLegendTitle");
        title.getStyleClass().add("legend-title");
        title.setWrapText(true);
        title.setMaxWidth(220);
        getChildren().add(title);
        for (int i = l.entries().size() - 1; i >= 0; i--) {
            Legend.Entry e = l.entries().get(i);
            getChildren().add(row(e.argb(), e.label()));
        }
        getChildren().add(row(l.noData(), vm.messages().get("risk.heatmap.noData")));
    }

    private static HBox row(int argb, String text) {
        Rectangle r = new Rectangle(18, 12, Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, 0.9));
        r.setStroke(Color.gray(0.5));
        HBox b = new HBox(8, r, new Label(text));
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }
}
