package org.epiflow.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.data.demo.DemoScenario;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.prefs.ThemeStyles;
import org.epiflow.ui.unlock.DemoFinder;
import org.epiflow.ui.unlock.IdentityUnlocker;
import org.epiflow.ui.util.FxTaskExecutor;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The one set-up of the FX walkthroughs: the demo (officer, carrier, bundle, cases) is installed once per JVM; each
 * test gets a fresh {@link Workstation} — preferences, workspace folder, scripted file chooser and recording dialogs,
 * the main window in a stage (language, theme and size from {@link WorkstationWindow}), the basemap loading and the
 * demo offered on the unlock card, as the app starts. Parameters of type {@link Workstation} are resolved; the window
 * is closed and the view-model shut down after the test.
 *
 * <pre>{@code
 * @ExtendWith(WorkstationExtension.class)
 * class SomethingFxTest {
 *     @Test
 *     void works(Workstation w) throws Exception {
 *         w.unlockDemo();
 *         w.robot().clickOn("#playButton");
 *         w.waitFor(() -> w.vm().timeline().playingProperty().get());
 *         w.shot("playing.png");
 *     }
 * }
 * }</pre>
 */
public final class WorkstationExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    static {
        // Monocle's headless screen is 1280×800 by default; popups near the edge would overflow it
        System.setProperty("headless.geometry", System.getProperty("headless.geometry", "1920x1200-32"));
    }

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(WorkstationExtension.class);

    /** The demo, installed once per JVM into a temporary folder deleted when the test run ends. */
    static final class Demo implements ExtensionContext.Store.CloseableResource {
        final Path dir;
        final DemoInstaller.Installed installed;

        Demo() throws Exception {
            dir = Files.createTempDirectory("epiflow-fx-demo");
            installed = DemoInstaller.create(dir.resolve("demo"), DemoScenario.DEFAULT_SEED,
                    DemoInstaller.DEFAULT_PASSPHRASE.toCharArray(), 10);
        }

        @Override
        public void close() throws IOException {
            deleteTree(dir);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Demo demo = context.getRoot().getStore(NS).getOrComputeIfAbsent(Demo.class, k -> {
            try {
                return new Demo();
            } catch (Exception e) {
                throw new IllegalStateException("could not install the demo", e);
            }
        }, Demo.class);
        WorkstationWindow window = context.getTestMethod().map(m -> m.getAnnotation(WorkstationWindow.class))
                .or(() -> context.getTestClass().map(c -> c.getAnnotation(WorkstationWindow.class)))
                .orElse(Defaults.class.getAnnotation(WorkstationWindow.class));
        Path dir = Files.createTempDirectory("epiflow-fx-test");
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
        AppPreferences prefs = new AppPreferences(UiFixtures.prefsNode());
        prefs.setTheme(window.theme());
        Messages m = Messages.of("zh".equals(window.language()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
        UiFixtures.ScriptedFiles files = new UiFixtures.ScriptedFiles();
        UiFixtures.RecordingDialogs dialogs = new UiFixtures.RecordingDialogs();
        Workstation[] made = new Workstation[1];
        FxToolkit.setupStage(stage -> made[0] = open(stage, window, m, prefs, files, dialogs, demo, dir));
        WaitForAsyncUtils.waitForFxEvents();
        context.getStore(NS).put(Workstation.class, made[0]);
    }

    private static Workstation open(Stage stage, WorkstationWindow window, Messages m, AppPreferences prefs,
                                    UiFixtures.ScriptedFiles files, UiFixtures.RecordingDialogs dialogs, Demo demo,
                                    Path dir) {
        WorkstationViewModel vm = new WorkstationViewModel(m, prefs, new FxTaskExecutor(), dialogs, files,
                IdentityUnlocker.files(), Clock.systemUTC(), dir.resolve("workspaces"));
        MainWindow w = new MainWindow(vm, () -> { }, () -> { });
        Scene scene = new Scene(w.root(), window.width(), window.height());
        w.root().setStyle(AppFonts.rootStyle());
        ThemeStyles.apply(scene, window.theme());
        stage.setScene(scene);
        stage.setTitle(m.get("app.title"));
        stage.show();
        vm.loadBasemap();
        DemoInstaller.Installed d = demo.installed;
        vm.unlock().offerDemo(() -> Optional.of(new DemoFinder.DemoFiles(d.officerKey(), d.trustStore(), d.bundle(),
                DemoInstaller.DEFAULT_PASSPHRASE)), vm.open()::open);
        return new Workstation(vm, stage, scene, prefs, files, dialogs, d, dir);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Workstation w = context.getStore(NS).remove(Workstation.class, Workstation.class);
        if (w == null) {
            return;
        }
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                w.vm().shutdown();
                w.stage().hide();
            }).get(30, TimeUnit.SECONDS);
            FxToolkit.cleanupStages();
        } finally {
            w.prefs().node().removeNode();
            deleteTree(w.dir());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == Workstation.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return c.getStore(NS).get(Workstation.class, Workstation.class);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @WorkstationWindow
    private static final class Defaults {
    }
}
