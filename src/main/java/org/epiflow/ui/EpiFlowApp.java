package org.epiflow.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.epiflow.ui.help.PreferencesDialog;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.prefs.ThemeStyles;
import org.epiflow.ui.unlock.DemoFinder;
import org.epiflow.ui.unlock.IdentityUnlocker;
import org.epiflow.ui.util.FxDialogService;
import org.epiflow.ui.util.FxFileChooserService;
import org.epiflow.ui.util.FxTaskExecutor;

import java.time.Clock;
import java.util.Locale;

/** The desktop application: builds the workstation for the user's settings and shows it. */
public final class EpiFlowApp extends Application {
    private WorkstationViewModel vm;

    @Override
    public void start(Stage stage) {
        AppPreferences prefs = AppPreferences.user();
        Messages m = Messages.of(prefs.language().resolve(Locale.getDefault()));
        vm = create(stage, prefs, m);
        MainWindow window = new MainWindow(vm, () -> preferences(stage), () -> {
            vm.shutdown();
            Platform.exit();
        });
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window.root(), Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        window.root().setStyle(AppFonts.rootStyle());
        ThemeStyles.apply(scene, prefs.theme());
        stage.setTitle(m.get("app.title"));
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> vm.shutdown());
        stage.show();
        vm.loadBasemap();
        vm.unlock().offerDemo(DemoFinder.appData(), vm.open()::open);
        LaunchArguments.bundles(getParameters().getRaw()).forEach(vm.open()::open);
    }

    /** The workstation with the real file system, dialogs and threads. */
    static WorkstationViewModel create(Stage stage, AppPreferences prefs, Messages m) {
        return new WorkstationViewModel(m, prefs, new FxTaskExecutor(), new FxDialogService(() -> stage),
                new FxFileChooserService(() -> stage), IdentityUnlocker.files(), Clock.systemUTC());
    }

    private void preferences(Stage stage) {
        AppPreferences prefs = vm.prefs();
        Messages m = vm.messages();
        Integer idle = vm.session().readyProperty().get() ? vm.session().idleMinutesProperty().get() : null;
        new PreferencesDialog(m, stage, prefs.language(), prefs.theme(), idle).ask().ifPresent(c -> {
            if (c.idleLockMinutes() != null && !c.idleLockMinutes().equals(idle)) {
                vm.session().setIdleMinutes(c.idleLockMinutes());
            }
            boolean languageChanged = c.language() != prefs.language();
            prefs.setLanguage(c.language());
            prefs.setTheme(c.theme());
            ThemeStyles.apply(stage.getScene(), c.theme());
            vm.map().themeProperty().set(c.theme());
            if (languageChanged) {
                Messages next = Messages.of(c.language().resolve(Locale.getDefault()));
                new FxDialogService(() -> stage).showInfo(next.get("prefs.title"), next.get("prefs.restart"));
            }
        });
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.shutdown();
        }
    }
}
