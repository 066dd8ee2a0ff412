package org.epiflow.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Single-key shortcuts (the menus carry the Ctrl ones): ? help, Space play, [ ] PgUp PgDn step, arrows pan, + − zoom,
 * 0 fit, Z zoom to selection, Esc close overlay / clear selection. Ignored while typing in a field.
 */
final class KeyboardShortcuts {
    private static final double PAN = 80;

    private KeyboardShortcuts() {
    }

    static void install(Scene scene, WorkstationViewModel vm, MainWindow.Actions actions) {
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !typing(scene)) {
                actions.toggleHelp();
                e.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                if (!actions.closeHelp()) {
                    vm.selection().clear();
                }
                return;
            }
            if (e.isShortcutDown() || e.isAltDown() || vm.lockedProperty().get() || typing(scene)) {
                return;
            }
            boolean navigating = !(scene.getFocusOwner() instanceof Slider)
                    && !(scene.getFocusOwner() instanceof TableView<?>);
            boolean done = true;
            switch (e.getCode()) {
                case SPACE -> {
                    if (scene.getFocusOwner() instanceof ButtonBase) {
                        done = false;
                    } else {
                        vm.timeline().togglePlay();
                    }
                }
                case OPEN_BRACKET, PAGE_UP -> vm.timeline().step(-1);
                case CLOSE_BRACKET, PAGE_DOWN -> vm.timeline().step(1);
                case LEFT -> done = navigating && pan(vm, PAN, 0);
                case RIGHT -> done = navigating && pan(vm, -PAN, 0);
                case UP -> done = navigating && pan(vm, 0, PAN);
                case DOWN -> done = navigating && pan(vm, 0, -PAN);
                case PLUS, EQUALS, ADD -> zoom(vm, 1.5);
                case MINUS, SUBTRACT -> zoom(vm, 1 / 1.5);
                case DIGIT0, NUMPAD0 -> vm.map().zoomToFit();
                case Z -> vm.map().zoomToSelection();
                default -> done = false;
            }
            if (done) {
                e.consume();
            }
        });
    }

    private static boolean pan(WorkstationViewModel vm, double dx, double dy) {
        vm.map().pan(dx, dy);
        vm.map().settle();
        return true;
    }

    private static void zoom(WorkstationViewModel vm, double f) {
        vm.map().zoom(f);
        vm.map().settle();
    }

    private static boolean typing(Scene scene) {
        Node n = scene.getFocusOwner();
        return n instanceof TextInputControl || n instanceof Spinner<?> || n instanceof ComboBoxBase<?>
                && ((ComboBoxBase<?>) n).isEditable();
    }
}
