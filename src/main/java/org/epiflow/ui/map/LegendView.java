package org.epiflow.ui.map;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import org.epiflow.map.Legend;
import org.epiflow.ui.i18n.Messages;

/**
 * Lays out the map model's {@link Legend} (already in the user's language): flow classes, how to read an arc's
 * direction (a sample arc, wide at its origin, with the legend's note), circle sizes and notes.
 */
public final class LegendView extends VBox {
    private final Messages messages;

    public LegendView(MapViewModel vm, Messages m) {
        super(4);
        this.messages = m;
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
            if (e.dashed()) {
                // as the map draws arcs without a figure, or whose inputs include an unpublished cell
                line.getStrokeDashArray().setAll(org.epiflow.map.MapComparison.DASH_ON,
                        org.epiflow.map.MapComparison.DASH_OFF);
            }
            HBox row = new HBox(8, line, entryLabel(e.label()));
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }
        if (!l.flows().isEmpty()) {
            getChildren().add(direction(l.flows().get(l.flows().size() - 1).color()));
        }
        for (Legend.Entry e : l.symbols()) {
            Circle c = new Circle(Math.max(1.5, e.size()));
            c.setFill(color(e.color()));
            c.setStroke(Color.gray(0.45, 0.8));
            HBox row = new HBox(8, c, entryLabel(e.label()));
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }
        for (String n : l.notes()) {
            if (n.equals(Legend.directionNote(messages.chinese() ? org.epiflow.map.Language.ZH
                    : org.epiflow.map.Language.EN))) {
                continue;   // shown with the sample arc
            }
            getChildren().add(note(n));
        }
    }

    /** A sample arc as the map draws one: from a wide origin, bending right, to a narrow destination. */
    private VBox direction(int argb) {
        int n = 12;
        double[] xs = new double[n + 1], ys = new double[n + 1];
        Polygon arc = new Polygon();
        // as FlowGeometry: the control point lies to the right of travel (screen y points down)
        double x0 = 0, y0 = 4, x2 = 120, y2 = 4, bow = 0.18;
        double x1 = (x0 + x2) / 2 - (y2 - y0) * bow, y1 = (y0 + y2) / 2 + (x2 - x0) * bow;
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n, u = 1 - t;
            xs[i] = u * u * x0 + 2 * u * t * x1 + t * t * x2;
            ys[i] = u * u * y0 + 2 * u * t * y1 + t * t * y2;
        }
        // outline: left side out, right side back, half-width 3.5 px tapering to 1 px
        for (int side : new int[] {1, -1}) {
            for (int k = 0; k <= n; k++) {
                int i = side > 0 ? k : n - k;
                double tx = xs[Math.min(n, i + 1)] - xs[Math.max(0, i - 1)];
                double ty = ys[Math.min(n, i + 1)] - ys[Math.max(0, i - 1)];
                double len = Math.hypot(tx, ty);
                double hw = 3.5 + (1.0 - 3.5) * i / n;
                arc.getPoints().addAll(xs[i] - ty / len * hw * side, ys[i] + tx / len * hw * side);
            }
        }
        arc.setFill(color(argb));
        arc.setId("legendDirectionArc");
        Label from = new Label(messages.get("legend.origin")), to = new Label(messages.get("legend.destination"));
        from.getStyleClass().add("legend-note");
        to.getStyleClass().add("legend-note");
        HBox ends = new HBox(from, new javafx.scene.layout.Region(), to);
        HBox.setHgrow(ends.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        ends.setMaxWidth(124);
        VBox box = new VBox(0, arc, ends, note(Legend.directionNote(messages.chinese()
                ? org.epiflow.map.Language.ZH : org.epiflow.map.Language.EN)));
        box.setId("legendDirection");
        box.setPadding(new Insets(4, 0, 4, 0));
        return box;
    }

    /** An entry's text, wrapped rather than cut short when longer than the legend is wide. */
    private static Label entryLabel(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(180);
        l.setMinHeight(USE_PREF_SIZE);
        return l;
    }

    private static Label note(String text) {
        Label note = new Label(text);
        note.setWrapText(true);
        note.setMaxWidth(220);
        note.setMinHeight(USE_PREF_SIZE);
        note.getStyleClass().add("legend-note");
        return note;
    }

    private static Color color(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, ((argb >>> 24) & 0xFF) / 255.0);
    }
}
