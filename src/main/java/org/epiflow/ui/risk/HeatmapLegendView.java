package org.epiflow.ui.risk;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.epiflow.analytics.classify.Legend;
import org.epiflow.export.ExportHeatmap;
import org.epiflow.map.ChoroplethLayer;

import java.util.Collection;

/**
 * The heatmap's legend on the map: title, one swatch per class with its range (highest first), then the marks the
 * map uses for sources, regions whose trips were all suppressed and regions without a value, and under it the
 * province roll-up rule when rolled up. A comparison or per-capita heatmap shows the rows its export draws.
 */
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
        vm.comparedProperty().addListener((o, a, l) -> show(vm.legendProperty().get(), vm));
        vm.noteProperty().addListener((o, a, l) -> show(vm.legendProperty().get(), vm));
        setVisible(false);
        managedProperty().bind(visibleProperty());
        show(vm.legendProperty().get(), vm);   // a window built again (new language) shows the legend at once
    }

    private void show(Legend l, HeatmapViewModel vm) {
        getChildren().clear();
        ChoroplethLayer layer = vm.layerProperty().get();
        ExportHeatmap compared = vm.comparedProperty().get();
        if (compared != null && layer != null) {
            showCompared(compared, vm);
            return;
        }
        setVisible(l != null && layer != null);
        if (l == null || layer == null) {
            return;
        }
        getChildren().add(title(l.title()));
        for (int i = l.entries().size() - 1; i >= 0; i--) {
            Legend.Entry e = l.entries().get(i);
            getChildren().add(row(swatch(e.argb(), false), e.label()));
        }
        Collection<ChoroplethLayer.Mark> marks = layer.marks().values();
        if (marks.contains(ChoroplethLayer.Mark.SOURCE)) {
            getChildren().add(row(swatch(ChoroplethLayer.SOURCE_FILL, false), vm.messages().get("risk.legend.source")));
        }
        if (marks.contains(ChoroplethLayer.Mark.SUPPRESSED)) {
            getChildren().add(row(swatch(ChoroplethLayer.NO_VALUE_FILL, true),
                    vm.messages().get("risk.legend.suppressed")));
        }
        getChildren().add(row(swatch(ChoroplethLayer.NO_VALUE_FILL, false), vm.messages().get("risk.heatmap.noData")));
        note(vm.noteProperty().get());
    }

    /** A comparison or per-capita heatmap: its rows as an export draws them (classes, marks, "no value"). */
    private void showCompared(ExportHeatmap h, HeatmapViewModel vm) {
        setVisible(true);
        getChildren().add(title(h.title()));
        for (ExportHeatmap.Row r : h.legend()) {
            getChildren().add(row(swatch(r.argb(), r.hatched()), r.label()));
        }
        note(vm.noteProperty().get());
    }

    private static Label title(String text) {
        Label title = new Label(text);
        title.setId("heatmapLegendTitle");
        title.getStyleClass().add("legend-title");
        title.setWrapText(true);
        title.setMaxWidth(240);
        return title;
    }

    private void note(String note) {
        if (note != null && !note.isEmpty()) {
            Label n = new Label(note);
            n.setId("heatmapLegendNote");
            n.getStyleClass().add("legend-note");
            n.setWrapText(true);
            n.setMaxWidth(240);
            getChildren().add(n);
        }
    }

    private static Node swatch(int argb, boolean hatched) {
        Rectangle r = new Rectangle(18, 12, color(argb, 0.9));
        r.setStroke(Color.gray(0.5));
        Pane p = new Pane(r);
        p.setMinSize(18, 12);
        p.setPrefSize(18, 12);
        if (hatched) {
            for (double c = -12; c < 18; c += 5) {
                Line line = new Line(Math.max(0, c), Math.max(0, -c), Math.min(18, c + 12), Math.min(12, 18 - c));
                line.setStroke(color(ChoroplethLayer.HATCH, 1));
                p.getChildren().add(line);
            }
        }
        return p;
    }

    private static Color color(int argb, double alpha) {
        return Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, alpha);
    }

    private static HBox row(Node swatch, String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(210);
        HBox b = new HBox(8, swatch, label);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }
}
