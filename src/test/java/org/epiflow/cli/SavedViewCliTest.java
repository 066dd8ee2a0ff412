package org.epiflow.cli;

import org.epiflow.data.Direction;
import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.data.AppDirectories;
import org.epiflow.export.layout.PrintLayout;
import org.epiflow.map.Language;
import org.epiflow.ui.UiFixtures;
import org.epiflow.ui.WorkstationViewModel;
import org.epiflow.ui.export.ContentSettings;
import org.epiflow.ui.export.PageSettings;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.time.TimelineViewModel;
import org.epiflow.ui.unlock.IdentityUnlocker;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One saved-view format from the app to the command line: a view saved in the workstation, written out with
 * {@code epiflow view export} and drawn with {@code epiflow export --view} is the picture the workstation exports of
 * that view; {@code epiflow view import} stores a view file for another analyst's workstation.
 */
class SavedViewCliTest {
    @TempDir
    static Path root;
    static DemoInstaller.Installed demo;
    static Path pass;
    AppPreferences prefs;
    UiFixtures.RecordingDialogs dialogs;
    WorkstationViewModel vm;

    @BeforeAll
    static void install() throws Exception {
        demo = DemoInstaller.create(root.resolve("demo"), 5, DemoInstaller.DEFAULT_PASSPHRASE.toCharArray(), 10);
        pass = CliHarness.write(root, "pass.txt", DemoInstaller.DEFAULT_PASSPHRASE + "\n");
    }

    @BeforeEach
    void workstation() {
        prefs = new AppPreferences(UiFixtures.prefsNode());
        prefs.setIdentityFile(demo.officerKey());
        prefs.setTrustStore(demo.trustStore());
        dialogs = new UiFixtures.RecordingDialogs();
        // the workspace the command line uses too
        vm = new WorkstationViewModel(Messages.of(Locale.ENGLISH), prefs, new CurrentThreadTaskExecutor(), dialogs,
                new UiFixtures.ScriptedFiles(), IdentityUnlocker.files(), Clock.systemUTC(),
                AppDirectories.workspacesRoot());
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        prefs.node().removeNode();
    }

    private String[] officer(String... more) {
        String[] base = {"--identity", demo.officerKey().toString(), "--passphrase-file", pass.toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(more, 0, all, 0, more.length);
        System.arraycopy(base, 0, all, more.length, base.length);
        return all;
    }

    @Test
    void aViewSavedInTheAppExportsTheSamePictureFromTheCommandLine() throws Exception {
        vm.loadBasemap();
        vm.unlock().passphraseProperty().set(DemoInstaller.DEFAULT_PASSPHRASE);
        vm.unlock().unlock();
        assertThat(vm.unlock().session()).isNotNull();
        vm.open().open(demo.bundle());
        assertThat(vm.open().currentProperty().get()).isNotNull();

        var export = vm.export();
        export.formatProperty().set(org.epiflow.export.ExportFormat.PNG);
        export.sizeModeProperty().set(PageSettings.SizeMode.PIXELS);
        export.widthProperty().set(1280);
        export.heightProperty().set(800);
        export.languageProperty().set(Language.EN);
        export.markingProperty().set("");
        export.datesProperty().set(ContentSettings.Dates.RANGE);
        PrintLayout l = org.epiflow.export.Exporter.layout(export.options());
        vm.map().resize(l.frameW() + 37, l.frameH() - 20);   // a screen of another shape than the frame
        vm.map().zoom(2.2);
        vm.map().filters().topNProperty().set(300);
        vm.map().filters().directionProperty().set(Direction.OUTGOING);
        vm.selection().select("420100");
        vm.timeline().modeProperty().set(TimelineViewModel.Mode.RANGE);
        vm.timeline().startProperty().set(16);
        vm.timeline().endProperty().set(18);

        Path app = root.resolve("app.png");
        export.export(app);
        assertThat(dialogs.errors).isEmpty();
        vm.session().saveView("briefing", vm.session().capture());
        vm.lock();

        Path json = root.resolve("briefing.json");
        CliHarness.Run out = CliHarness.run(officer("view", "export", "--name", "briefing", "--out",
                json.toString()));
        assertThat(out.exit()).as(out.err()).isZero();
        ViewDefinition v = ViewDefinition.read(json);
        assertThat(v.version()).isEqualTo(ViewDefinition.VERSION);
        assertThat(v.name()).isEqualTo("briefing");
        assertThat(v.selectedRegions()).containsExactly("420100");

        Path cli = root.resolve("cli.png");
        CliHarness.Run r = CliHarness.run(officer("export", "--bundle", demo.bundle().toString(), "--trust",
                demo.trustStore().toString(), "--view", json.toString(), "--format", "png", "--width", "1280",
                "--height", "800", "--lang", "en", "--out", cli.toString()));
        assertThat(r.exit()).as(r.err()).isZero();

        BufferedImage a = ImageIO.read(app.toFile()), b = ImageIO.read(cli.toFile());
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        // everything above the footer (whose export time differs) is the same picture
        int differing = 0, n = 0;
        for (int y = 0; y < (int) l.footerTop(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                n++;
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        assertThat((double) differing / n).as("share of pixels that differ").isLessThan(0.001);
    }

    @Test
    void aViewFileIsImportedIntoTheWorkspaceAndOpensInTheApp() throws Exception {
        Path file = CliHarness.write(root, "standard.json", """
                { "version": 1, "name": "Bureau standard",
                  "extent": { "west": 108.3, "south": 29.0, "east": 116.2, "north": 33.3 },
                  "layers": ["flows", "symbols", "labels"],
                  "filters": { "topN": 1000, "minVolume": 50, "direction": "incoming", "regions": ["420100"] } }""");
        CliHarness.Run r = CliHarness.run(officer("view", "import", "--file", file.toString(), "--name",
                "bureau standard"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("bureau standard");
        Path back = root.resolve("back.json");
        r = CliHarness.run(officer("view", "export", "--name", "bureau standard", "--out", back.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        ViewDefinition v = ViewDefinition.read(back);
        assertThat(v.filters().topN()).isEqualTo(1000);
        assertThat(v.filters().direction()).isEqualTo("INCOMING");
        assertThat(v.bbox()).isNotNull();
        assertThat(Files.readString(back)).contains("\"format\" : \"epiflow-view\"", "\"version\" : 2");

        // a bad file is refused with its reason, and nothing is stored
        Path bad = CliHarness.write(root, "bad.json", "{ \"layers\": [\"roads\"] }");
        r = CliHarness.run(officer("view", "import", "--file", bad.toString(), "--name", "bad"));
        assertThat(r.exit()).isEqualTo(ExportCommand.USAGE);
        assertThat(r.err()).contains("unknown layer \"roads\"");
        r = CliHarness.run(officer("view", "export", "--name", "bad", "--out", root.resolve("x.json").toString()));
        assertThat(r.exit()).isEqualTo(1);
    }
}
