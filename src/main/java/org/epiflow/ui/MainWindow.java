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
        bundles.setPrefWidth(360);
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
        LegendView legend = new LegendView(vm.map());
        StackPane.setAlignment(legend, Pos.BOTTOM_LEFT);
        StackPane.setMargin(legend, new Insets(12));
        Label empty = new Label(m.get("map.empty"));
        empty.setId("emptyHint");
        empty.getStyleClass().add("empty-hint");
        empty.setMouseTransparent(true);
        empty.visibleProperty().bind(vm.map().datasetProperty().isNull()
                .and(vm.open().openingProperty().not()));
        var heatLegend = new org.epiflow.ui.risk.HeatmapLegendView(vm.risk().heatmap());
        StackPane.setAlignment(heatLegend, Pos.TOP_LEFT);
        StackPane.setMargin(heatLegend, new Insets(12));
        Label boundaryNote = new Label();
        boundaryNote.setId("boundaryNote");
        boundaryNote.textProperty().bind(vm.boundaries().noteProperty());
        boundaryNote.getStyleClass().add("boundary-note");
        boundaryNote.setMouseTransparent(true);
        StackPane.setAlignment(boundaryNote, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(boundaryNote, new Insets(4, 8, 4, 8));
        StackPane mapPane = new StackPane(map, legend, heatLegend, boundaryNote, empty);
        mapPane.setMinWidth(300);
        map.setManaged(true);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(mapPane.widthProperty());
        clip.heightProperty().bind(mapPane.heightProperty());
        mapPane.setClip(clip);

        Label boundaryWarning = new Label();
        boundaryWarning.textProperty().bind(vm.boundaries().warningProperty());
        boundaryWarning.setWrapText(true);
        boundaryWarning.getStyleClass().add("boundary-warning");
        boundaryWarning.setPadding(new Insets(4, 8, 8, 10));
        boundaryWarning.managedProperty().bind(boundaryWarning.textProperty().isNotEmpty());
        boundaryWarning.visibleProperty().bind(boundaryWarning.textProperty().isNotEmpty());
        ScrollPane controls = new ScrollPane(new VBox(8, new FlowControlsView(vm.map(), m), boundaryWarning));
        controls.setFitToWidth(true);
        controls.setMinWidth(190);
        controls.setPrefWidth(210);
        DetailView detail = new DetailView(vm.detail(), m);
        detail.setMinWidth(280);
        detail.setPrefWidth(380);
        side = new javafx.scene.control.TabPane(
                new javafx.scene.control.Tab(m.get("tab.detail"), detail),
                new javafx.scene.control.Tab(m.get("tab.risk"), new org.epiflow.ui.risk.RiskPanel(vm.risk(), vm.map())));
        side.setId("sideTabs");
        side.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setMinWidth(280);
        side.setPrefWidth(380);
        split = new SplitPane(controls, mapPane, side);
        split.setDividerPositions(0.15, 0.72);
        SplitPane.setResizableWithParent(controls, false);
        SplitPane.setResizableWithParent(side, false);
        return split;
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
