package org.epiflow.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.epiflow.ui.help.PreferencesDialog;
import org.epiflow.ui.i18n.AppLanguage;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.prefs.ThemeStyles;
import org.epiflow.ui.unlock.DemoFinder;
import org.epiflow.ui.unlock.IdentityUnlocker;
import org.epiflow.ui.util.FxDialogService;
import org.epiflow.ui.util.FxFileChooserService;
import org.epiflow.ui.util.FxTaskExecutor;

import java.time.Clock;

/**
 * The desktop application: builds the workstation for the user's settings and shows it. A change of language
 * (Preferences) applies at once: the messages switch, and the window is built again from the same view-models, so
 * the open bundles, the date, the selection, the risk runs and every setting stay as they were.
 */
public final class EpiFlowApp extends Application {
    private WorkstationViewModel vm;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        AppPreferences prefs = AppPreferences.user();
        Messages m = Messages.of(prefs.language().resolve(AppLanguage.system()));
        AppLanguage.applyDefault(m);
        vm = create(stage, prefs, m);
        vm.export().setDesktop(new org.epiflow.ui.util.SystemDesktop());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        show(stage, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        stage.setOnCloseRequest(e -> vm.shutdown());
        stage.show();
        vm.loadBasemap();
        vm.unlock().offerDemo(DemoFinder.appData(), vm.open()::open);
        LaunchArguments.bundles(getParameters().getRaw()).forEach(vm.open()::open);
    }

    /** Builds the window from the view-models into a new scene of the given size (keeping the old one's layout). */
    private void show(Stage stage, double width, double height) {
        window = showWindow(stage, vm, window, width, height, () -> preferences(stage), () -> {
            vm.shutdown();
            Platform.exit();
        }, () -> {
            org.epiflow.ui.prefs.LanguageChoice next = vm.messages().chinese()
                    ? org.epiflow.ui.prefs.LanguageChoice.ENGLISH : org.epiflow.ui.prefs.LanguageChoice.CHINESE;
            vm.prefs().setLanguage(next);
            switchLanguage(vm, next.resolve(AppLanguage.system()));
            Scene old = stage.getScene();
            show(stage, old.getWidth(), old.getHeight());
        });
    }

    /**
     * Builds a window from the view-models into a new scene on {@code stage}, arranged as {@code previous} was (a
     * rebuild after a change of language), and returns it.
     */
    static MainWindow showWindow(Stage stage, WorkstationViewModel vm, MainWindow previous, double width,
                                 double height, Runnable preferences, Runnable quit, Runnable otherLanguage) {
        MainWindow.Layout layout = previous == null ? null : previous.layout();
        MainWindow w = new MainWindow(vm, preferences, quit, otherLanguage);
        Scene scene = new Scene(w.root(), width, height);
        w.root().setStyle(AppFonts.rootStyle());
        ThemeStyles.apply(scene, vm.prefs().theme());
        if (layout != null) {
            w.restore(layout);
        }
        stage.setTitle(vm.messages().get("app.title"));
        stage.setScene(scene);
        return w;
    }

    /** Switches the language now: texts of the view-models follow, the window is rebuilt around the same state. */
    static void switchLanguage(WorkstationViewModel vm, java.util.Locale locale) {
        vm.timeline().playingProperty().set(false);
        vm.messages().setLocale(locale);
        AppLanguage.applyDefault(vm.messages());
    }

    /** The workstation with the real file system, dialogs and threads. */
    static WorkstationViewModel create(Stage stage, AppPreferences prefs, Messages m) {
        return new WorkstationViewModel(m, prefs, new FxTaskExecutor(), new FxDialogService(() -> stage, m),
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
                switchLanguage(vm, c.language().resolve(AppLanguage.system()));
                Scene old = stage.getScene();
                show(stage, old.getWidth(), old.getHeight());
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
