package org.epiflow.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.ui.detail.DetailView;
import org.epiflow.ui.help.ShortcutsOverlay;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.FlowControlsView;
import org.epiflow.ui.map.LegendDock;
import org.epiflow.ui.map.LegendView;
import org.epiflow.ui.map.MapCanvas;
import org.epiflow.ui.search.SearchField;
import org.epiflow.ui.status.StatusBarView;
import org.epiflow.ui.time.TimelineView;
import org.epiflow.ui.unlock.UnlockView;

import java.io.File;

/**
 * Lays out the workstation: menu and tool bar, flow controls | map with legend | detail panel, time bar, status
 * bar; the unlock card and the shortcuts overlay on top. Only binds to {@link WorkstationViewModel}.
 */
public final class MainWindow {
    /** Window-level actions the menus and keys trigger. */
    interface Actions {
        void preferences();

        void quit();

        void toggleHelp();

        /** Closes the help overlay; false if it was not shown. */
        boolean closeHelp();

        void focusSearch();

        /** File → Export…: the export dialog for the view shown. */
        void export();
    }

    /** What of the window's own arrangement survives a rebuild (a change of language): side tab and dividers. */
    public record Layout(int sideTab, double[] dividers) {
    }

    private final WorkstationViewModel vm;
    private final StackPane root = new StackPane();
    private javafx.scene.control.TabPane side;
    private SplitPane split;
    private final ShortcutsOverlay help;
    private final SearchField search;
    private final MapCanvas map;

    public MainWindow(WorkstationViewModel vm, Runnable preferences, Runnable quit) {
        this(vm, preferences, quit, null);
    }

    /**
     * @param otherLanguage switches to the other language (the link on the unlock card), or null for no link
     */
    public MainWindow(WorkstationViewModel vm, Runnable preferences, Runnable quit, Runnable otherLanguage) {
        this.vm = vm;
        Messages m = vm.messages();
        Actions actions = new Actions() {
            @Override
            public void preferences() {
                preferences.run();
            }

            @Override
            public void quit() {
                quit.run();
            }

            @Override
            public void toggleHelp() {
                help.setVisible(!help.isVisible());
            }

            @Override
            public boolean closeHelp() {
                boolean was = help.isVisible();
                help.setVisible(false);
                return was;
            }

            @Override
            public void focusSearch() {
                search.requestFocus();
            }

            @Override
            public void export() {
                new org.epiflow.ui.export.ExportDialog(vm.export(),
                        root.getScene() == null ? null : root.getScene().getWindow()).show();
            }
        };
        help = new ShortcutsOverlay(m);
        map = new MapCanvas(vm.map());
        search = new SearchField(vm.search(), m, () -> {
            vm.map().zoomToSelection();
            map.requestFocus();
        });

        BorderPane main = new BorderPane();
        main.setTop(new VBox(MainMenu.build(vm, actions), toolbar(m),
                new org.epiflow.ui.session.SessionNotice(vm.session())));
        main.setCenter(center(m));
        main.setBottom(new VBox(new TimelineView(vm.timeline(), m), new StatusBarView(vm.status(),
                vm.open().statusProperty(), vm.open().progressProperty(), m, vm::lock)));

        UnlockView unlock = new UnlockView(vm.unlock(), m, otherLanguage);
        unlock.visibleProperty().bind(vm.lockedProperty());
        main.disableProperty().bind(vm.lockedProperty());
        main.visibleProperty().bind(vm.lockedProperty().not());   // locked: nothing of the data stays on screen
        root.getChildren().addAll(main, unlock, help);
        root.setId("workstationRoot");
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                KeyboardShortcuts.install(scene, vm, actions);
                vm.session().idle().install(scene);
                vm.session().setViewDialogs(org.epiflow.ui.session.ViewDialogs.fx(m, scene::getWindow));
            }
        });
        this.actions = actions;
    }

    private final Actions actions;

    private Parent toolbar(Messages m) {
        Button open = new Button(m.get("toolbar.open"));
        open.setId("openButton");
        open.setOnAction(e -> vm.open().chooseAndOpen());
        ComboBox<OpenedBundle> bundles = new ComboBox<>(vm.open().bundles());
        bundles.setId("bundleChooser");
        bundles.setPromptText(m.get("toolbar.noBundle"));
        // as wide as the longest bundle line (never cut short), at most 640 px
        bundles.setMinWidth(Region.USE_PREF_SIZE);
        bundles.setMaxWidth(640);
        bundles.setConverter(new StringConverter<>() {
            @Override
            public String toString(OpenedBundle b) {
                return b == null ? "" : vm.open().describe(b);
            }

            @Override
            public OpenedBundle fromString(String s) {
                return null;
            }
        });
        bundles.valueProperty().bindBidirectional(vm.open().currentProperty());

        ProgressBar progress = new ProgressBar();
        progress.setId("openProgress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(vm.open().progressProperty());
        Label stage = new Label();
        stage.setId("openStage");
        stage.textProperty().bind(vm.open().stageProperty());
        Button cancel = new Button(m.get("toolbar.cancel"));
        cancel.setId("cancelOpenButton");
        cancel.setOnAction(e -> vm.open().cancel());
        HBox opening = new HBox(8, progress, stage, cancel);
        opening.setAlignment(Pos.CENTER_LEFT);
        opening.visibleProperty().bind(vm.open().openingProperty());
        opening.managedProperty().bind(opening.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label bundleLabel = new Label(m.get("toolbar.bundle"));
        HBox bar = new HBox(8, open, bundleLabel, bundles, opening, spacer, search);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("tool-bar-box");
        return bar;
    }

    private Parent center(Messages m) {
        LegendView legend = new LegendView(vm.map(), m);
        Label empty = new Label(m.get("map.empty"));
        empty.setId("emptyHint");
        empty.getStyleClass().add("empty-hint");
        empty.setMouseTransparent(true);
        empty.visibleProperty().bind(vm.map().datasetProperty().isNull()
                .and(vm.open().openingProperty().not()));
        var heatLegend = new org.epiflow.ui.risk.HeatmapLegendView(vm.risk().heatmap());
        Label boundaryNote = new Label();
        boundaryNote.setId("boundaryNote");
        boundaryNote.textProperty().bind(vm.boundaries().noteProperty());
        boundaryNote.getStyleClass().add("boundary-note");
        boundaryNote.setMouseTransparent(true);
        StackPane.setAlignment(boundaryNote, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(boundaryNote, new Insets(4, 8, 4, 8));
        StackPane mapPane = new StackPane(map, boundaryNote, empty);
        // wrapped, not cut short, when the map is narrow (the split view's half)
        boundaryNote.setWrapText(true);
        boundaryNote.setMinHeight(Region.USE_PREF_SIZE);
        boundaryNote.maxWidthProperty().bind(mapPane.widthProperty().subtract(16));
        mapPane.setMinWidth(300);
        map.setManaged(true);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(mapPane.widthProperty());
        clip.heightProperty().bind(mapPane.heightProperty());
        mapPane.setClip(clip);
        // legends beside the map, never over it (View ▸ Legends)
        LegendDock dock = new LegendDock();
        dock.add(heatLegend, vm.legends().heatmapShownProperty());
        dock.add(legend, vm.legends().flowsShownProperty());
        BorderPane mapArea = new BorderPane();
        LegendDock.install(mapArea, new org.epiflow.ui.compare.SplitMapView(mapPane, vm.split()), dock, vm.legends());

        Label boundaryWarning = new Label();
        boundaryWarning.textProperty().bind(vm.boundaries().warningProperty());
        boundaryWarning.setWrapText(true);
        boundaryWarning.getStyleClass().add("boundary-warning");
        boundaryWarning.setPadding(new Insets(4, 8, 8, 10));
        boundaryWarning.managedProperty().bind(boundaryWarning.textProperty().isNotEmpty());
        boundaryWarning.visibleProperty().bind(boundaryWarning.textProperty().isNotEmpty());
        boundaryWarning.setPadding(new Insets(0, 10, 10, 10));
        VBox controlsColumn = new VBox(8, new FlowControlsView(vm.map(), m), boundaryWarning);
        ScrollPane controls = new ScrollPane(controlsColumn);
        controls.setId("flowControlsPane");
        controls.setFitToWidth(true);
        controls.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // never narrower than its widest control, so no label is cut short
        controls.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> controlsColumn.minWidth(-1) + 16, controlsColumn.needsLayoutProperty()));
        controls.setPrefWidth(230);
        DetailView detail = new DetailView(vm.detail(), m);
        detail.setMinWidth(280);
        detail.setPrefWidth(380);
        side = new javafx.scene.control.TabPane(
                new javafx.scene.control.Tab(m.get("tab.detail"), detail),
                new javafx.scene.control.Tab(m.get("tab.risk"), new org.epiflow.ui.risk.RiskPanel(vm.risk(), vm.map())),
                new javafx.scene.control.Tab(m.get("tab.compare"), new org.epiflow.ui.compare.ComparisonPanel(
                        vm.comparison(), vm.groups(), vm.open()::describe)));
        side.setId("sideTabs");
        side.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setMinWidth(300);
        side.setPrefWidth(400);
        split = new SplitPane(controls, mapArea, side);
        split.setId("mainSplit");
        SplitPane.setResizableWithParent(controls, false);
        SplitPane.setResizableWithParent(side, false);
        // the panels at their preferred widths and the map taking the rest, as the window takes its size — until
        // the user moves a divider
        boolean[] placing = {false}, moved = {false};
        Runnable place = () -> {
            double width = split.getWidth();
            if (moved[0] || width <= 0) {
                return;
            }
            placing[0] = true;
            double left = Math.max(controls.getPrefWidth(), controls.getMinWidth());
            split.setDividerPositions(left / width, 1 - side.getPrefWidth() / width);
            placing[0] = false;
        };
        split.widthProperty().addListener((o, a, w) -> place.run());
        for (SplitPane.Divider d : split.getDividers()) {
            d.positionProperty().addListener((o, a, b) -> moved[0] |= !placing[0] && split.getWidth() > 0
                    && split.getScene() != null && split.getScene().getWindow() != null
                    && split.getScene().getWindow().isShowing() && isDragging(split));
        }
        return split;
    }

    /** Whether the mouse is pressed on the split pane (a divider being dragged), not a layout pass. */
    private static boolean isDragging(SplitPane split) {
        return split.isPressed() || split.lookupAll(".split-pane-divider").stream().anyMatch(n -> n.isPressed());
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && !vm.lockedProperty().get()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = false;
        if (e.getDragboard().hasFiles()) {
            for (File f : e.getDragboard().getFiles()) {
                vm.open().open(f.toPath());
                ok = true;
            }
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    public Parent root() {
        return root;
    }

    /** The side tab shown and the divider positions. */
    public Layout layout() {
        return new Layout(side.getSelectionModel().getSelectedIndex(), split.getDividerPositions());
    }

    /** Arranges the window as {@code layout} says (after a rebuild). */
    public void restore(Layout layout) {
        if (layout.sideTab() >= 0 && layout.sideTab() < side.getTabs().size()) {
            side.getSelectionModel().select(layout.sideTab());
        }
        split.setDividerPositions(layout.dividers());
    }

}
