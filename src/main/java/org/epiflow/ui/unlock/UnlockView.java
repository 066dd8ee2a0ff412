package org.epiflow.ui.unlock;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.epiflow.ui.i18n.Messages;

/** The unlock card shown over the workstation while it is locked. Binds to {@link UnlockViewModel}. */
public final class UnlockView extends StackPane {
    private final PasswordField passphrase = new PasswordField();

    public UnlockView(UnlockViewModel vm, Messages m) {
        this(vm, m, null);
    }

    /**
     * @param otherLanguage switches the app to the other language (a link on the card, so a user who cannot read
     *                      the first language can change it before unlocking), or null for no link
     */
    public UnlockView(UnlockViewModel vm, Messages m, Runnable otherLanguage) {
        getStyleClass().add("unlock-backdrop");
        Label title = new Label(m.get("unlock.title"));
        title.getStyleClass().add("title-2");
        Label subtitle = new Label(m.get("unlock.subtitle"));
        subtitle.setWrapText(true);
        subtitle.getStyleClass().add("text-muted");

        TextField identity = pathField(vm.identityFileProperty(), m);
        identity.setId("identityField");
        Button chooseIdentity = new Button(m.get("unlock.browse"));
        chooseIdentity.setOnAction(e -> vm.chooseIdentityFile());
        TextField trust = pathField(vm.trustStoreProperty(), m);
        trust.setId("trustField");
        Button chooseTrust = new Button(m.get("unlock.browse"));
        chooseTrust.setOnAction(e -> vm.chooseTrustStore());

        passphrase.setId("passphraseField");
        passphrase.setPromptText(m.get("unlock.passphrasePrompt"));
        passphrase.textProperty().bindBidirectional(vm.passphraseProperty());
        passphrase.setOnAction(e -> vm.unlock());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(10);
        grid.addRow(0, label(m.get("unlock.identity")), identity, chooseIdentity);
        grid.addRow(1, label(m.get("unlock.trustStore")), trust, chooseTrust);
        grid.addRow(2, label(m.get("unlock.passphrase")), passphrase);
        chooseIdentity.setMinWidth(USE_PREF_SIZE);
        chooseTrust.setMinWidth(USE_PREF_SIZE);
        GridPane.setColumnSpan(passphrase, 2);
        GridPane.setHgrow(identity, Priority.ALWAYS);
        GridPane.setHgrow(trust, Priority.ALWAYS);

        Button unlock = new Button(m.get("unlock.button"));
        unlock.setId("unlockButton");
        unlock.setDefaultButton(true);
        unlock.getStyleClass().add("accent");
        unlock.disableProperty().bind(vm.canUnlockProperty().not());
        unlock.setOnAction(e -> vm.unlock());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());
        Label countdown = new Label();
        countdown.setId("countdownLabel");
        countdown.textProperty().bind(vm.countdownText());
        countdown.getStyleClass().add("warning-text");
        HBox actions = new HBox(10, unlock, busy, countdown);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("unlockMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        // a failure is a warning; a state ("Unlocking…", "The workstation is locked") is plain text
        Runnable style = () -> {
            message.getStyleClass().removeAll("unlock-message", "unlock-state");
            message.getStyleClass().add(vm.messageIsProblemProperty().get() ? "unlock-message" : "unlock-state");
        };
        style.run();
        vm.messageIsProblemProperty().addListener((o, a, b) -> style.run());
        Label hint = new Label();
        hint.setId("demoHint");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.hintProperty());
        hint.getStyleClass().add("hint");
        hint.visibleProperty().bind(vm.hintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());

        VBox card = new VBox(14, title, subtitle, grid, actions, message, hint);
        if (otherLanguage != null) {
            javafx.scene.control.Hyperlink lang = new javafx.scene.control.Hyperlink(m.get("unlock.otherLanguage"));
            lang.setId("otherLanguageLink");
            lang.setTooltip(new javafx.scene.control.Tooltip(m.get("unlock.otherLanguage.tip")));
            lang.setOnAction(e -> javafx.application.Platform.runLater(otherLanguage));
            HBox corner = new HBox(lang);
            corner.setAlignment(Pos.CENTER_RIGHT);
            card.getChildren().add(corner);
        }
        card.getStyleClass().add("unlock-card");
        card.setPadding(new Insets(28));
        card.setMaxSize(620, USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);

        Timeline ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        visibleProperty().addListener((o, a, v) -> {
            if (v) {
                ticker.play();
                passphrase.requestFocus();
            } else {
                ticker.stop();
            }
        });
        if (isVisible()) {
            ticker.play();
        }
        // The files are usually remembered (or the demo's): start typing the passphrase straight away.
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(this::focusPassphrase);
            }
        });
    }

    private static TextField pathField(javafx.beans.property.ObjectProperty<java.nio.file.Path> p, Messages m) {
        TextField f = new TextField();
        f.setEditable(false);
        f.setPrefColumnCount(32);
        f.setPromptText(m.get("unlock.noFile"));
        f.textProperty().bind(Bindings.createStringBinding(() -> p.get() == null ? "" : p.get().toString(), p));
        return f;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(USE_PREF_SIZE);
        return l;
    }

    public void focusPassphrase() {
        passphrase.requestFocus();
    }
}
