package org.epiflow.cli;

import org.epiflow.data.AppDirectories;
import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.export.ExportHeatmap;
import org.epiflow.ui.UiFixtures;
import org.epiflow.ui.WorkstationViewModel;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.risk.HeatmapMeasure;
import org.epiflow.ui.time.TimelineViewModel;
import org.epiflow.ui.unlock.IdentityUnlocker;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 items 1 and 7 together: the risk heatmap compared with the week before in the workstation — over a
 * travel window that is not the time bar's days — saved as a view, gives with {@code epiflow export --view} the
 * heatmap the screen showed: the same title, the same classes (their labels come from the figures' breaks), the
 * same baseline days. A user would notice a briefing map whose heatmap is the plain column, or compared with other
 * days than the screen's.
 */
class SavedHeatmapComparisonCliTest {
    @TempDir
    static Path root;
    static DemoInstaller.Installed demo;
    static Path pass;
    AppPreferences prefs;
    WorkstationViewModel vm;

    @BeforeAll
    static void install() throws Exception {
        demo = DemoInstaller.create(root.resolve("demo"), 3, DemoInstaller.DEFAULT_PASSPHRASE.toCharArray(), 10);
        pass = CliHarness.write(root, "pass.txt", DemoInstaller.DEFAULT_PASSPHRASE + "\n");
    }

    @BeforeEach
    void workstation() {
        prefs = new AppPreferences(UiFixtures.prefsNode());
        prefs.setIdentityFile(demo.officerKey());
        prefs.setTrustStore(demo.trustStore());
        vm = new WorkstationViewModel(Messages.of(Locale.ENGLISH), prefs, new CurrentThreadTaskExecutor(),
                new UiFixtures.RecordingDialogs(), new UiFixtures.ScriptedFiles(), IdentityUnlocker.files(),
                Clock.systemUTC(), AppDirectories.workspacesRoot());
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        prefs.node().removeNode();
    }

    @Test
    void theSavedComparisonDrawsTheScreensHeatmap() throws Exception {
        vm.unlock().passphraseProperty().set(DemoInstaller.DEFAULT_PASSPHRASE);
        vm.unlock().unlock();
        vm.open().open(demo.bundle());
        var shown = vm.open().currentProperty().get();
        assertThat(shown).isNotNull();
        LocalDate start = shown.data().info().period().start();
        // the time bar: 27 January – 2 February; the run: travel 24 – 30 January
        vm.timeline().modeProperty().set(TimelineViewModel.Mode.RANGE);
        vm.timeline().startProperty().set((int) (LocalDate.of(2020, 1, 27).toEpochDay() - start.toEpochDay()));
        vm.timeline().endProperty().set((int) (LocalDate.of(2020, 2, 2).toEpochDay() - start.toEpochDay()));
        var risk = vm.risk();
        risk.modelProperty().set(org.epiflow.analytics.RiskModel.IMPORTATION);
        risk.form().fromProperty().set(LocalDate.of(2020, 1, 24));
        risk.form().toProperty().set(LocalDate.of(2020, 1, 30));
        risk.form().asOfProperty().set(LocalDate.of(2020, 1, 30));
        risk.form().seedsProperty().set("420100=5000");
        risk.run();
        assertThat(risk.errors()).isEmpty();
        HeatmapMeasure expected = risk.heatmap().measures().stream()
                .filter(m -> m.name().equals("expected_imported")).findFirst().orElseThrow();
        risk.heatmap().measureProperty().set(expected);
        vm.comparison().enabledProperty().set(true);
        vm.comparison().weekBefore();
        ExportHeatmap screen = risk.heatmap().comparedProperty().get();
        assertThat(screen).as(risk.heatmapBaseline().problemProperty().get()).isNotNull();
        assertThat(risk.heatmapBaseline().descriptionProperty().get()).contains("2020-01-17 – 2020-01-23");
        vm.session().saveView("importation vs week before", vm.session().capture());
        vm.lock();
        vm.session().flush();

        Path json = root.resolve("view.json");
        CliHarness.Run out = SavedViewBaselineCliTest.cliWith(demo, pass, "view", "export", "--name",
                "importation vs week before", "--out", json.toString());
        assertThat(out.exit()).as(out.err()).isZero();
        ViewDefinition v = ViewDefinition.read(json);
        assertThat(v.heatmap().parameters()).containsEntry("infected", "420100=5000")
                .containsEntry("from", "2020-01-24");
        assertThat(v.comparison().measure()).isEqualTo("change");

        Path svg = root.resolve("view.svg");
        CliHarness.Run r = SavedViewBaselineCliTest.cliWith(demo, pass, "export", "--bundle", demo.bundle().toString(),
                "--trust", demo.trustStore().toString(), "--lang", "en", "--format", "svg", "--view", json.toString(),
                "--out", svg.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String text = Files.readString(svg);
        assertThat(text).contains(xml(screen.title()), "baseline 2020-01-17 – 2020-01-23");
        for (ExportHeatmap.Row row : screen.legend()) {
            assertThat(text).as("legend row %s", row.label()).contains(xml(row.label()));
        }
        assertThat(text).doesNotContain("…");   // no legend row cut short
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
