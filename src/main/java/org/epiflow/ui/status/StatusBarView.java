package org.epiflow.ui.status;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.controlsfx.control.StatusBar;
import org.epiflow.ui.i18n.Messages;

/** The ControlsFX status bar: officer on the left, bundle and lock state on the right, and the lock button. */
public final class StatusBarView extends StatusBar {

    public StatusBarView(StatusViewModel vm, javafx.beans.value.ObservableValue<String> message,
                         javafx.beans.value.ObservableNumberValue progress, Messages m, Runnable lock) {
        setId("statusBar");
        textProperty().bind(m.bind(() -> {
            String msg = message.getValue();
            return msg == null || msg.isEmpty() ? vm.officerProperty().get()
                    : m.get("status.line", vm.officerProperty().get(), msg);
        }, message, vm.officerProperty()));
        progressProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> progress.doubleValue() < 0 ? 0 : progress.doubleValue(), progress));
        Label bundle = new Label();
        bundle.setId("statusBundle");
        bundle.textProperty().bind(vm.bundleProperty());
        Label state = new Label();
        state.setId("statusLock");
        state.textProperty().bind(vm.lockStateProperty());
        state.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);   // "已解锁" must not slide under the button
        state.setPadding(new javafx.geometry.Insets(0, 8, 0, 4));
        bundle.setMinWidth(0);
        Button lockButton = new Button(m.get("status.lockButton"));
        lockButton.setId("lockButton");
        lockButton.setTooltip(new Tooltip(m.get("status.lockTip")));
        lockButton.setOnAction(e -> lock.run());
        // the lock state and its button keep their full size side by side; the bundle line gives way first
        state.setMinWidth(Region.USE_PREF_SIZE);
        lockButton.setMinWidth(Region.USE_PREF_SIZE);
        HBox lockBox = new HBox(8, state, lockButton);
        lockBox.setAlignment(Pos.CENTER_RIGHT);
        lockBox.setMinWidth(Region.USE_PREF_SIZE);
        bundle.setMinWidth(0);
        Tooltip full = new Tooltip();
        full.textProperty().bind(bundle.textProperty());
        bundle.setTooltip(full);
        HBox.setMargin(lockBox, new Insets(0, 0, 0, 4));
        getRightItems().addAll(bundle, new Separator(Orientation.VERTICAL), lockBox);
    }
}
