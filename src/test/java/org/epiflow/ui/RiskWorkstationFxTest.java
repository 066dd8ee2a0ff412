package org.epiflow.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.data.demo.DemoScenario;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.prefs.Theme;
import org.epiflow.ui.prefs.ThemeStyles;
import org.epiflow.ui.risk.RankingRow;
import org.epiflow.ui.unlock.DemoFinder;
import org.epiflow.ui.unlock.IdentityUnlocker;
import org.epiflow.ui.util.FxTaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spread risk in the workstation: demo bundle → import the demo's cases.csv → run importation risk → heatmap with
 * legend → ranking table → select the top row → the map selection follows (and back).
 */
@ExtendWith(ApplicationExtension.class)
class RiskWorkstationFxTest {
    static {
        System.setProperty("headless.geometry", "1920x1200-32");
    }

    @TempDir
    static Path dir;
    static DemoInstaller.Installed demo;
    static AppPreferences prefs;
    static final String SHOTS = System.getProperty("epiflow.screenshots", "");
    WorkstationViewModel vm;
    Scene scene;
    final UiFixtures.ScriptedFiles files = new UiFixtures.ScriptedFiles();

    @BeforeAll
    static void makeDemo() throws Exception {
        demo = DemoInstaller.create(dir.resolve("demo"), DemoScenario.DEFAULT_SEED,
                DemoInstaller.DEFAULT_PASSPHRASE.toCharArray(), 10);
        prefs = new AppPreferences(UiFixtures.prefsNode());
    }

    @AfterAll
    static void dropPrefs() throws Exception {
        prefs.node().removeNode();
    }

    @Start
    void start(Stage stage) {
        Messages m = Messages.of(Locale.ENGLISH);
        vm = new WorkstationViewModel(m, prefs, new FxTaskExecutor(), new UiFixtures.RecordingDialogs(), files,
                IdentityUnlocker.files(), Clock.systemUTC(), dir.resolve("workspaces"));
        MainWindow w = new MainWindow(vm, () -> { }, () -> { });
        scene = new Scene(w.root(), 1280, 800);
        w.root().setStyle(AppFonts.rootStyle());
        ThemeStyles.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
        vm.loadBasemap();
        vm.unlock().offerDemo(() -> Optional.of(new DemoFinder.DemoFiles(demo.officerKey(), demo.trustStore(),
                demo.bundle(), DemoInstaller.DEFAULT_PASSPHRASE)), vm.open()::open);
    }

    @Test
    void importCasesRunImportationRiskAndFollowTheSelection(FxRobot robot) throws Exception {
        waitFor(() -> vm.map().basemapProperty().get() != null);
        robot.clickOn("#passphraseField").write(DemoInstaller.DEFAULT_PASSPHRASE);
        robot.clickOn("#unlockButton");
        waitFor(() -> vm.open().currentProperty().get() != null);
        waitFor(() -> vm.map().frameProperty().get() != null && vm.map().frameProperty().get().flows() != null
                && !vm.map().renderingProperty().get());

        TabPane tabs = robot.lookup("#sideTabs").queryAs(TabPane.class);
        Tab riskTab = tabs.getTabs().get(1);
        robot.interact(() -> tabs.getSelectionModel().select(riskTab));
        files.answers.add(demo.dir().resolve(DemoInstaller.CASES));
        javafx.scene.control.Button importCases = robot.lookup("#importCasesButton").queryButton();
        robot.interact(importCases::fire);   // below the fold of the side panel at 1280x800
        waitFor(() -> vm.risk().casesProperty().get() != null);
        assertThat(text(robot, "#casesSummary")).startsWith("cases.csv:");
        assertThat(vm.risk().caseProblems()).isEmpty();

        javafx.scene.control.Button run = robot.lookup("#runRiskButton").queryButton();
        assertThat(run.isDisabled()).as("run button enabled").isFalse();
        robot.interact(run::fire);   // may sit below the fold of the side panel at 1280x800
        waitFor(() -> vm.risk().runProperty().get() != null && !vm.risk().runningProperty().get());
        assertThat(vm.risk().errors()).isEmpty();
        waitFor(() -> vm.map().frameProperty().get().scene().heatmap() != null && !vm.map().renderingProperty().get());
        assertThat(robot.lookup("#heatmapLegend").query().isVisible()).isTrue();
        // importation opens on expected imported infections (issue 11 item 6), and says what it was made with
        assertThat(text(robot, "#heatmapLegendTitle")).isEqualTo("Expected imported infections");
        assertThat(text(robot, "#riskInputs")).contains("Travel 2020-01-01 – ").contains("Cases as of 2020-03-31");

        @SuppressWarnings("unchecked")
        TableView<RankingRow> table = robot.lookup("#rankingTable").queryAs(TableView.class);
        assertThat(table.getItems()).isNotEmpty();
        RankingRow top = table.getItems().get(0);
        assertThat(top.rank()).isEqualTo(1);
        robot.interact(() -> table.getSelectionModel().select(0));
        waitFor(() -> top.code().equals(vm.selection().code()) && !vm.map().renderingProperty().get());
        assertThat(vm.map().frameProperty().get().scene().selected()).containsExactly(top.code());
        assertThat(new SceneTexts(vm.messages()).unexplained(scene.getRoot())).isEmpty();

        RankingRow third = table.getItems().get(2);
        robot.interact(() -> vm.selection().select(third.code()));
        waitFor(() -> table.getSelectionModel().getSelectedItem() == third);

        javafx.scene.control.CheckBox showFlows = robot.lookup("#showFlows").queryAs(javafx.scene.control.CheckBox.class);
        robot.interact(showFlows::fire);
        waitFor(() -> !vm.map().flowsVisibleProperty().get() && !vm.map().renderingProperty().get());
        assertThat(vm.map().frameProperty().get().scene().flowGeometry().arcCount()).isZero();
        robot.interact(() -> {
            vm.risk().heatmap().measureProperty().set(vm.risk().heatmap().measures().get(1));
            vm.map().zoomToFit();
        });
        waitFor(() -> !vm.map().renderingProperty().get());
        shot("risk.png");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void waitFor(BooleanSupplier c) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, c::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            var f = vm.map().frameProperty().get();
            throw new AssertionError("timed out; risk run " + (vm.risk().runProperty().get() != null)
                    + ", heatmap set " + (vm.map().heatmapProperty().get() != null)
                    + ", frame heatmap " + (f != null && f.scene().heatmap() != null)
                    + ", rendering " + vm.map().renderingProperty().get()
                    + ", map summary '" + vm.map().summaryProperty().get() + "', risk status '"
                    + vm.risk().statusProperty().get() + "' errors " + vm.risk().errors(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(String name) throws Exception {
        if (SHOTS.isBlank()) {
            return;
        }
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
        Path out = Path.of(SHOTS).resolve(name);
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
    }
}
