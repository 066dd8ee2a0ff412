package org.epiflow.ui.export;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.epiflow.export.ExportFormat;
import org.epiflow.export.ExportOptions;
import org.epiflow.export.Paper;
import org.epiflow.map.Language;
import org.epiflow.ui.i18n.Messages;

import java.util.List;
import java.util.function.Function;

/**
 * File → Export…: the settings on the left, a live preview of the first page on the right (re-drawn in the
 * background shortly after any change), Export… asks where to save. A window of its own, so the map stays usable.
 */
public final class ExportDialog {
    /** Delay between the last change and the preview being re-drawn. */
    static final Duration PREVIEW_DELAY = Duration.millis(300);

    private final ExportViewModel vm;
    private final Messages m;
    private final Stage stage = new Stage();
    private final PauseTransition debounce = new PauseTransition(PREVIEW_DELAY);
    private int row;

    public ExportDialog(ExportViewModel vm, Window owner) {
        this.vm = vm;
        this.m = vm.messages();
        stage.setTitle(m.get("export.title"));
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        BorderPane root = new BorderPane();
        root.setId("exportDialog");
        root.setPadding(new Insets(12));
        GridPane grid = settings();
        ScrollPane left = new ScrollPane(grid);
        left.setId("exportSettings");
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // as wide as the settings need (labels are never cut short), the preview takes the rest
        left.prefViewportWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(360, grid.prefWidth(-1)), grid.needsLayoutProperty()));
        left.setMinWidth(Region.USE_PREF_SIZE);
        root.setLeft(left);
        root.setCenter(preview());
        root.setBottom(buttons());
        BorderPane.setMargin(root.getCenter(), new Insets(0, 0, 0, 12));
        if (owner != null && owner.getScene() != null) {
            root.setStyle(owner.getScene().getRoot().getStyle());
        }
        Scene scene = new Scene(root, 980, 640);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        debounce.setOnFinished(e -> vm.refreshPreview());
        InvalidationListener changed = o -> debounce.playFromStart();
        for (var d : vm.dependencies()) {
            d.addListener(changed);
        }
        stage.setOnHidden(e -> {
            debounce.stop();
            for (var d : vm.dependencies()) {
                d.removeListener(changed);
            }
            vm.save();
        });
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && !vm.busyProperty().get()) {
                stage.close();
            }
        });
    }

    /** Shows the dialog and draws the first preview. */
    public void show() {
        stage.show();
        vm.refreshPreview();
    }

    public Stage stage() {
        return stage;
    }

    private GridPane settings() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(4, 12, 4, 4));
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setMinWidth(180);
        c1.setHgrow(Priority.ALWAYS);
        c1.setFillWidth(true);
        g.getColumnConstraints().setAll(c0, c1);

        ComboBox<ExportFormat> format = combo("exportFormat", List.of(ExportFormat.values()), vm.formatProperty(),
                f -> m.get("export.format." + f.name()));
        add(g, "export.format", format);

        heading(g, "export.page");
        ComboBox<PageSettings.SizeMode> mode = combo("exportSizeMode",
                List.of(PageSettings.SizeMode.values()), vm.sizeModeProperty(),
                s -> m.get("export.size." + s.name()));
        add(g, "export.size", mode);
        ComboBox<Paper> paper = combo("exportPaper", List.of(Paper.values()), vm.paperProperty(),
                p -> m.get("export.paper." + p.name()));
        add(g, null, paper);
        CheckBox landscape = check("exportLandscape", "export.landscape", vm.landscapeProperty());
        add(g, null, landscape);
        Spinner<Integer> dpi = spinner("exportDpi", 72, 600, 24, vm.dpiProperty());
        add(g, "export.dpi", dpi);
        Spinner<Integer> w = spinner("exportWidth", 320, 7680, 10, vm.widthProperty());
        Spinner<Integer> h = spinner("exportHeight", 240, 4320, 10, vm.heightProperty());
        Label wl = add(g, "export.width", w);
        Label hl = add(g, "export.height", h);
        Runnable sizeState = () -> {
            ExportFormat f = vm.formatProperty().get();
            boolean sizes = f.choosesPageSize();
            boolean pixels = vm.sizeModeProperty().get() == PageSettings.SizeMode.PIXELS;
            mode.setDisable(!sizes);
            paper.setDisable(!sizes || pixels);
            landscape.setDisable(!sizes || pixels);
            dpi.setDisable(!f.usesDpi() || (sizes && pixels));
            for (Node n : List.of(w, h, wl, hl)) {
                n.setDisable(!sizes || !pixels);
            }
        };

        heading(g, "export.what");
        CheckBox flows = check("exportFlows", "export.layer.flows", vm.flowsProperty());
        CheckBox heat = check("exportHeatmap", "export.layer.heatmap", vm.heatmapProperty());
        CheckBox symbols = check("exportSymbols", "export.layer.symbols", vm.symbolsProperty());
        CheckBox labels = check("exportLabels", "export.layer.labels", vm.labelsProperty());
        add(g, null, new VBox(4, flows, heat, symbols, labels));
        CheckBox extent = check("exportExtent", "export.currentExtent", vm.currentExtentProperty());
        CheckBox filters = check("exportFilters", "export.filters", vm.filtersProperty());
        CheckBox region = check("exportRegion", "export.selectedRegion", vm.selectedRegionProperty());
        add(g, null, new VBox(4, extent, filters, region));
        ComboBox<ContentSettings.Dates> dates = combo("exportDates", List.of(ContentSettings.Dates.values()),
                vm.datesProperty(), d -> m.get("export.dates." + d.name()));
        add(g, "export.dates", dates);
        ComboBox<ExportOptions.TableKind> table = combo("exportTable", List.of(ExportOptions.TableKind.values()),
                vm.tableProperty(), t -> m.get("export.table." + t.name()));
        Label tl = add(g, "export.table", table);
        Spinner<Integer> delay = spinner("exportDelay", 100, 5000, 100, vm.delayProperty());
        Label dl = add(g, "export.delay", delay);
        Runnable whatState = () -> {
            ExportFormat f = vm.formatProperty().get();
            for (Node n : List.of(flows, heat, symbols, labels, extent)) {
                n.setDisable(f.isTable());
            }
            table.setDisable(!f.isTable());
            tl.setDisable(!f.isTable());
            delay.setDisable(!f.hasFrameDelay());
            dl.setDisable(!f.hasFrameDelay());
        };

        heading(g, "export.text");
        TextField title = text("exportTitleField", vm.titleProperty().get(), vm.titleProperty()::set);
        add(g, "export.titleField", title);
        TextField subtitle = text("exportSubtitle", vm.subtitleProperty().get(), vm.subtitleProperty()::set);
        add(g, "export.subtitle", subtitle);
        ComboBox<String> marking = new ComboBox<>();
        marking.setId("exportMarking");
        marking.setEditable(true);
        marking.getItems().setAll(vm.markingPresets());
        marking.setValue(vm.markingProperty().get());
        marking.setMaxWidth(Double.MAX_VALUE);
        boolean[] syncing = {false};
        java.util.function.Consumer<String> typed = v -> {
            if (!syncing[0]) {
                vm.markingProperty().set(v == null ? "" : v);
            }
        };
        marking.valueProperty().addListener((o, a, v) -> typed.accept(v));
        marking.getEditor().textProperty().addListener((o, a, v) -> typed.accept(v));
        // a preset follows the page's language (the view-model swaps it): show what will be printed
        vm.markingProperty().addListener((o, a, v) -> {
            if (syncing[0] || v == null || v.equals(marking.getEditor().getText())) {
                return;
            }
            syncing[0] = true;
            try {
                marking.getItems().setAll(vm.markingPresets());
                marking.setValue(v);
                marking.getEditor().setText(v);
            } finally {
                syncing[0] = false;
            }
        });
        add(g, "export.marking", marking);
        ComboBox<Language> lang = combo("exportLanguage", List.of(Language.values()), vm.languageProperty(),
                l -> m.get("export.language." + l.name()));
        add(g, "export.language", lang);

        InvalidationListener state = o -> {
            sizeState.run();
            whatState.run();
        };
        vm.formatProperty().addListener(state);
        vm.sizeModeProperty().addListener(state);
        state.invalidated(null);
        return g;
    }

    private Node preview() {
        ImageView image = new ImageView();
        image.setId("exportPreview");
        image.setPreserveRatio(true);
        image.setSmooth(true);
        Label text = new Label();
        text.setId("exportPreviewText");
        text.setWrapText(true);
        text.textProperty().bind(vm.previewTextProperty());
        StackPane pane = new StackPane(image, text);
        pane.setMinSize(200, 200);
        pane.setStyle("-fx-border-color: #9aa0a6; -fx-background-color: #f2f2f2;");
        image.fitWidthProperty().bind(pane.widthProperty().subtract(16));
        image.fitHeightProperty().bind(pane.heightProperty().subtract(16));
        vm.previewProperty().addListener((o, a, img) -> image.setImage(img == null ? null
                : SwingFXUtils.toFXImage(img, null)));
        if (vm.previewProperty().get() != null) {
            image.setImage(SwingFXUtils.toFXImage(vm.previewProperty().get(), null));
        }
        Label heading = new Label(m.get("export.preview"));
        heading.setStyle("-fx-font-weight: bold;");
        VBox box = new VBox(6, heading, pane);
        VBox.setVgrow(pane, Priority.ALWAYS);
        return box;
    }

    private Node buttons() {
        Label status = new Label();
        status.setId("exportStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        ProgressBar bar = new ProgressBar();
        bar.setId("exportProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.busyProperty());
        Button cancel = new Button(m.get("export.cancel"));
        cancel.setId("exportCancel");
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        Button export = new Button(m.get("export.button"));
        export.setId("exportButton");
        export.setDefaultButton(true);
        export.disableProperty().bind(vm.busyProperty());
        export.setOnAction(e -> vm.chooseAndExport());
        Button close = new Button(m.get("export.close"));
        close.setId("exportClose");
        close.setCancelButton(true);
        close.disableProperty().bind(vm.busyProperty());
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox box = new HBox(10, status, spacer, bar, cancel, export, close);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(12, 0, 0, 0));
        return new VBox(new Separator(), box);
    }

    private Label add(GridPane g, String key, Node control) {
        Label l = new Label(key == null ? "" : m.get(key));
        if (key != null) {
            l.setLabelFor(control);
        }
        g.addRow(row++, l, control);
        if (control instanceof Region r) {
            r.setMaxWidth(Double.MAX_VALUE);
        }
        return l;
    }

    private void heading(GridPane g, String key) {
        Label l = new Label(m.get(key));
        l.setStyle("-fx-font-weight: bold; -fx-padding: 8 0 0 0;");
        g.add(l, 0, row++, 2, 1);
    }

    private <T> ComboBox<T> combo(String id, List<T> items, ObjectProperty<T> prop, Function<T, String> name) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(items);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        c.setValue(prop.get());
        c.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                prop.set(v);
            }
        });
        return c;
    }

    private CheckBox check(String id, String key, BooleanProperty prop) {
        CheckBox c = new CheckBox(m.get(key));
        c.setId(id);
        c.setSelected(prop.get());
        c.selectedProperty().addListener((o, a, v) -> prop.set(v));
        return c;
    }

    private Spinner<Integer> spinner(String id, int min, int max, int step, IntegerProperty prop) {
        Spinner<Integer> s = new Spinner<>(min, max, Math.max(min, Math.min(max, prop.get())), step);
        s.setId(id);
        s.setEditable(true);
        s.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                prop.set(v);
            }
        });
        return s;
    }

    private static TextField text(String id, String value, java.util.function.Consumer<String> set) {
        TextField t = new TextField(value);
        t.setId(id);
        t.textProperty().addListener((o, a, v) -> set.accept(v));
        return t;
    }
}
