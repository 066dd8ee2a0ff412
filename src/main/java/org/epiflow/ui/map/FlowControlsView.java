package org.epiflow.ui.map;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.epiflow.data.Direction;
import org.epiflow.ui.i18n.Messages;

import java.util.Arrays;

/** The flow layer's controls (top-N, minimum volume, direction, scale lock, roll-up) and the zoom buttons. */
public final class FlowControlsView extends VBox {

    public FlowControlsView(MapViewModel vm, Messages m) {
        super(8);
        setPadding(new Insets(10));
        getStyleClass().add("flow-controls");
        FlowFilters f = vm.filters();

        ComboBox<Integer> topN = new ComboBox<>();
        topN.setId("topNBox");
        topN.getItems().setAll(Arrays.stream(FlowFilters.TOP_N).boxed().toList());
        topN.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : n == 0 ? m.get("flows.topN.all") : m.get("flows.topN.n", n);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        topN.setValue(f.topNProperty().get());
        topN.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                f.topNProperty().set(b);
            }
        });

        Spinner<Integer> min = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 10_000_000,
                (int) f.minVolumeProperty().get(), 100));
        min.setId("minVolumeSpinner");
        min.setEditable(true);
        min.setPrefWidth(130);
        min.valueProperty().addListener((o, a, b) -> f.minVolumeProperty().set(b == null ? 0 : b));
        f.minVolumeProperty().addListener((o, a, b) -> min.getValueFactory().setValue(b.intValue()));

        ComboBox<Direction> dir = new ComboBox<>();
        dir.setId("directionBox");
        dir.getItems().setAll(Direction.ALL, Direction.INCOMING, Direction.OUTGOING, Direction.BOTH,
                Direction.BETWEEN);
        dir.setConverter(new StringConverter<>() {
            @Override
            public String toString(Direction d) {
                return d == null ? "" : m.get("flows.direction." + d.name());
            }

            @Override
            public Direction fromString(String s) {
                return null;
            }
        });
        dir.valueProperty().bindBidirectional(f.directionProperty());
        dir.setTooltip(new Tooltip(m.get("flows.direction.tip")));

        CheckBox lock = new CheckBox(m.get("flows.lockScale"));
        lock.setId("lockScaleBox");
        lock.selectedProperty().bindBidirectional(f.lockScaleProperty());
        lock.setTooltip(new Tooltip(m.get("flows.lockScale.tip")));
        CheckBox prov = new CheckBox(m.get("flows.provinces"));
        prov.setId("provincesBox");
        prov.selectedProperty().bindBidirectional(f.provincesProperty());
        CheckBox autoProv = new CheckBox(m.get("flows.provinces.auto"));
        autoProv.setId("autoProvincesBox");
        autoProv.selectedProperty().bindBidirectional(f.autoProvincesProperty());
        autoProv.setTooltip(new Tooltip(m.get("flows.provinces.auto.tip")));

        Button fit = new Button(m.get("map.zoomFit"));
        fit.setOnAction(e -> vm.zoomToFit());
        Button toSel = new Button(m.get("map.zoomSelection"));
        toSel.disableProperty().bind(vm.selection().codeProperty().isEmpty());
        toSel.setOnAction(e -> vm.zoomToSelection());
        Button in = new Button("+");
        in.setTooltip(new Tooltip(m.get("map.zoomIn")));
        in.setOnAction(e -> {
            vm.zoom(1.5);
            vm.settle();
        });
        Button out = new Button("−");
        out.setTooltip(new Tooltip(m.get("map.zoomOut")));
        out.setOnAction(e -> {
            vm.zoom(1 / 1.5);
            vm.settle();
        });

        Label summary = new Label();
        summary.setId("flowSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("text-muted");

        // never cut short: each control is at least as wide as its text; the panel grows to the widest
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {topN, dir, lock, prov, autoProv}) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            r.setMaxWidth(Double.MAX_VALUE);
        }
        autoProv.setPadding(new Insets(0, 0, 0, 18));
        getChildren().addAll(heading(m.get("flows.heading")),
                new Label(m.get("flows.topN")), topN,
                new Label(m.get("flows.minVolume")), min,
                new Label(m.get("flows.direction")), dir,
                lock, prov, autoProv, summary,
                heading(m.get("map.zoom")), new HBox(6, in, out), fit, toSel);
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-heading");
        return l;
    }
}
