package org.epiflow.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.LegendSettings;

import java.nio.file.Path;

/**
 * The menu bar: File (open, recent, close, export, lock, preferences, quit), View (zoom, search, legends, saved
 * views), Help (shortcuts).
 */
final class MainMenu {
    private MainMenu() {
    }

    static MenuBar build(WorkstationViewModel vm, MainWindow.Actions actions) {
        Messages m = vm.messages();
        MenuItem open = item(m.get("menu.open"), e -> vm.open().chooseAndOpen());
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.disableProperty().bind(vm.lockedProperty());
        Menu recent = new Menu(m.get("menu.recent"));
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : vm.open().recent()) {
                recent.getItems().add(item(p.toString(), e -> vm.open().open(p)));
            }
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem(m.get("menu.recent.none"));
                none.setDisable(true);
                recent.getItems().add(none);
            }
        };
        fillRecent.run();
        vm.open().recent().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        MenuItem close = item(m.get("menu.close"), e -> vm.open().closeCurrent());
        close.setAccelerator(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));
        close.disableProperty().bind(vm.open().currentProperty().isNull());
        MenuItem export = item(m.get("menu.export"), e -> actions.export());
        export.setId("exportMenuItem");
        export.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        export.disableProperty().bind(vm.open().currentProperty().isNull().or(vm.lockedProperty()));
        MenuItem official = item(m.get("menu.boundaries.load"), e -> vm.boundaries().chooseAndLoad());
        MenuItem illustrative = item(m.get("menu.boundaries.default"), e -> vm.boundaries().useIllustrative());
        MenuItem lock = item(m.get("menu.lock"), e -> vm.lock());
        lock.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        lock.disableProperty().bind(vm.lockedProperty());
        MenuItem prefs = item(m.get("menu.preferences"), e -> actions.preferences());
        prefs.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
        MenuItem quit = item(m.get("menu.quit"), e -> actions.quit());
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        Menu file = new Menu(m.get("menu.file"), null, open, recent, close, new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), official,
                illustrative, new SeparatorMenuItem(), lock, prefs,
                new SeparatorMenuItem(), quit);

        MenuItem fit = item(m.get("map.zoomFit"), e -> vm.map().zoomToFit());
        MenuItem toSel = item(m.get("map.zoomSelection"), e -> vm.map().zoomToSelection());
        MenuItem find = item(m.get("menu.search"), e -> actions.focusSearch());
        find.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        Menu view = new Menu(m.get("menu.view"), null, fit, toSel, find, new SeparatorMenuItem(), legends(vm, m));
        view.getItems().addAll(org.epiflow.ui.session.SessionMenu.viewItems(vm.session(), m));

        MenuItem keys = item(m.get("menu.shortcuts"), e -> actions.toggleHelp());
        keys.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        Menu help = new Menu(m.get("menu.help"), null, keys);
        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menuBar");
        return bar;
    }

    /** View ▸ Legends: show or hide each legend, and which side of the map their column is on. */
    private static Menu legends(WorkstationViewModel vm, Messages m) {
        LegendSettings l = vm.legends();
        CheckMenuItem flows = new CheckMenuItem(m.get("menu.legends.flows"));
        flows.setId("legendFlowsItem");
        flows.selectedProperty().bindBidirectional(l.flowsShownProperty());
        CheckMenuItem heat = new CheckMenuItem(m.get("menu.legends.heatmap"));
        heat.setId("legendHeatmapItem");
        heat.selectedProperty().bindBidirectional(l.heatmapShownProperty());
        ToggleGroup sides = new ToggleGroup();
        RadioMenuItem left = new RadioMenuItem(m.get("menu.legends.left"));
        left.setId("legendLeftItem");
        RadioMenuItem right = new RadioMenuItem(m.get("menu.legends.right"));
        right.setId("legendRightItem");
        left.setToggleGroup(sides);
        right.setToggleGroup(sides);
        Runnable follow = () -> sides.selectToggle(l.sideProperty().get() == LegendSettings.Side.LEFT ? left : right);
        follow.run();
        l.sideProperty().addListener((o, a, b) -> follow.run());
        left.setOnAction(e -> l.sideProperty().set(LegendSettings.Side.LEFT));
        right.setOnAction(e -> l.sideProperty().set(LegendSettings.Side.RIGHT));
        Menu menu = new Menu(m.get("menu.legends"), null, flows, heat, new SeparatorMenuItem(), left, right);
        menu.setId("legendsMenu");
        return menu;
    }

    private static MenuItem item(String text, javafx.event.EventHandler<javafx.event.ActionEvent> h) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(h);
        return i;
    }
}
