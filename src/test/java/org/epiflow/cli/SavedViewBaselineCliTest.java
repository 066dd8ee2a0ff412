package org.epiflow.cli;

import org.epiflow.bundle.OpenedBundle;
import org.epiflow.data.AppDirectories;
import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.ui.UiFixtures;
import org.epiflow.ui.WorkstationViewModel;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 7: a view saved in the workstation comparing with a baseline read from another bundle, written out
 * with {@code epiflow view export}, gives with {@code epiflow export --view} the tables the explicit flags give
 * ({@code --baseline-bundle} opened like {@code --bundle}); a baseline bundle that cannot be found is named, with the
 * flag to give it.
 */
class SavedViewBaselineCliTest {
    static final String[] CODES = {"420100", "421100", "420900", "421200", "420200"};
    static final LocalDate BASE_START = LocalDate.of(2019, 1, 20);

    @TempDir
    static Path root;
    static DemoInstaller.Installed demo;
    static Path pass;
    static Path baseBundle;
    AppPreferences prefs;
    WorkstationViewModel vm;

    /** A 2019 bundle of five Hubei cities, sealed by the demo's carrier to the demo's officer. */
    @BeforeAll
    static void install() throws Exception {
        demo = DemoInstaller.create(root.resolve("demo"), 3, DemoInstaller.DEFAULT_PASSPHRASE.toCharArray(), 10);
        pass = CliHarness.write(root, "pass.txt", DemoInstaller.DEFAULT_PASSPHRASE + "\n");
        StringBuilder regions = new StringBuilder("code,name,name_en,level,parent,lat,lon,population\n");
        for (int i = 0; i < CODES.length; i++) {
            regions.append(CODES[i]).append(",市").append(i).append(",City ").append(i).append(",prefecture,420000,")
                    .append(30 + 0.2 * i).append(',').append(114 + 0.3 * i).append(',').append(2_000_000 + i)
                    .append('\n');
        }
        CliHarness.write(root, "regions-2019.csv", regions.toString());
        StringBuilder flows = new StringBuilder("date,origin,destination,trips\n");
        for (int d = 0; d < 20; d++) {
            for (int o = 0; o < CODES.length; o++) {
                for (int t = 0; t < CODES.length; t++) {
                    if (o != t) {
                        long trips = o == 0 || t == 0 ? 20_000 + 500L * d + 100L * (o + t) : (o + t + d) % 4 == 0
                                ? 6 : 300 + 10L * o;
                        flows.append(BASE_START.plusDays(d)).append(',').append(CODES[o]).append(',')
                                .append(CODES[t]).append(',').append(trips).append('\n');
                    }
                }
            }
        }
        CliHarness.write(root, "flows-2019.csv", flows.toString());
        baseBundle = root.resolve("hubei-2019.epiflow");
        CliHarness.Run sealed = CliHarness.run("seal", "--regions", root.resolve("regions-2019.csv").toString(),
                "--flows", root.resolve("flows-2019.csv").toString(), "--k", "10", "--expires", "2099-12-31",
                "--sign", demo.dir().resolve(DemoInstaller.CARRIER_KEY).toString(), "--issuer", "Test",
                "--to", demo.officerRecipient(), "--out", baseBundle.toString());
        assertThat(sealed.exit()).as(sealed.err()).isZero();
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

    /** The command line as the demo's officer. */
    static CliHarness.Run cliWith(DemoInstaller.Installed d, Path passFile, String... args) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        a.addAll(List.of("--identity", d.officerKey().toString(), "--passphrase-file", passFile.toString()));
        return CliHarness.run(a.toArray(String[]::new));
    }

    static CliHarness.Run cli(String... args) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        a.addAll(List.of("--identity", demo.officerKey().toString(), "--passphrase-file", pass.toString()));
        return CliHarness.run(a.toArray(String[]::new));
    }

    static CliHarness.Run export(String... extra) {
        List<String> a = new ArrayList<>(List.of("export", "--bundle", demo.bundle().toString(), "--trust",
                demo.trustStore().toString(), "--lang", "en", "--format", "csv"));
        a.addAll(Arrays.asList(extra));
        return cli(a.toArray(String[]::new));
    }

    /** A written table without the lines that differ between two runs (export time), and its period line. */
    static List<String> table(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().filter(l -> !l.contains("exportedAt")).toList();
    }

    @Test
    void aViewComparingWithAnotherBundleExportsTheTablesOfTheExplicitFlags() throws Exception {
        vm.unlock().passphraseProperty().set(DemoInstaller.DEFAULT_PASSPHRASE);
        vm.unlock().unlock();
        vm.open().open(demo.bundle());
        OpenedBundle shown = vm.open().currentProperty().get();
        assertThat(shown).isNotNull();
        vm.open().open(baseBundle);
        OpenedBundle base = vm.open().bundles().stream().filter(b -> b != shown).findFirst().orElseThrow();
        vm.open().currentProperty().set(shown);
        LocalDate start = shown.data().info().period().start();
        vm.timeline().modeProperty().set(TimelineViewModel.Mode.RANGE);
        vm.timeline().startProperty().set((int) (LocalDate.of(2020, 1, 24).toEpochDay() - start.toEpochDay()));
        vm.timeline().endProperty().set((int) (LocalDate.of(2020, 1, 30).toEpochDay() - start.toEpochDay()));
        vm.map().filters().topNProperty().set(300);
        vm.selection().select("420100");
        var cmp = vm.comparison();
        cmp.baselineBundleProperty().set(base);
        cmp.enabledProperty().set(true);
        cmp.setBaselineStart(LocalDate.of(2019, 1, 24));
        assertThat(cmp.problemProperty().get()).isNullOrEmpty();
        assertThat(cmp.requestedBaseline().start()).isEqualTo(LocalDate.of(2019, 1, 24));
        vm.session().saveView("hubei vs 2019", vm.session().capture());
        vm.lock();
        vm.session().flush();   // the workspace closed before the command line opens it

        Path json = root.resolve("hubei.json");
        CliHarness.Run out = cli("view", "export", "--name", "hubei vs 2019", "--out", json.toString());
        assertThat(out.exit()).as(out.err()).isZero();
        ViewDefinition v = ViewDefinition.read(json);
        assertThat(v.comparison()).as("the comparison survives view export").isNotNull();
        assertThat(v.comparison().baselineBundle().id()).isEqualTo(base.header().bundleId());
        assertThat(Path.of(v.comparison().baselineBundle().file())).isEqualTo(baseBundle.toAbsolutePath()
                .normalize());

        String[] explicit = {"--from", "2020-01-24", "--to", "2020-01-30", "--baseline-from", "2019-01-24",
                "--baseline-to", "2019-01-30", "--baseline-bundle", baseBundle.toString(), "--top", "300"};
        for (String kind : List.of("partners", "ranking")) {
            Path byView = root.resolve(kind + "-view.csv"), byFlags = root.resolve(kind + "-flags.csv");
            CliHarness.Run r = export("--view", json.toString(), "--table", kind, "--out", byView.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            List<String> a = new ArrayList<>(List.of(explicit));
            a.addAll(List.of("--region", "420100", "--table", kind, "--out", byFlags.toString()));
            r = export(a.toArray(String[]::new));
            assertThat(r.exit()).as(r.err()).isZero();
            List<String> viewTable = table(byView);
            assertThat(viewTable).isEqualTo(table(byFlags));
            assertThat(String.join("\n", viewTable)).contains("baseline 2019-01-24 – 2019-01-30",
                    kind.equals("partners") ? "baseline_trips" : "baseline_total", ",421100,");
        }
        // a row read back: Huanggang's trips with Wuhan in the 2019 bundle, as sealed above
        List<String> partners = table(root.resolve("partners-view.csv"));
        String header = partners.stream().filter(l -> l.startsWith("rank,")).findFirst().orElseThrow();
        String huanggang = partners.stream().filter(l -> l.contains(",421100,")).findFirst().orElseThrow();
        long expected = 0;
        for (int d = 4; d <= 10; d++) {
            expected += 2 * (20_000 + 500L * d + 100L);
        }
        assertThat(huanggang.split(",")[List.of(header.split(",")).indexOf("baseline_trips")])
                .isEqualTo(Long.toString(expected));

        // the baseline bundle moved away: the export says which bundle and how to give it
        Path moved = root.resolve("moved.epiflow");
        Files.move(baseBundle, moved, StandardCopyOption.REPLACE_EXISTING);
        try {
            Path x = root.resolve("x.csv");
            CliHarness.Run r = export("--view", json.toString(), "--out", x.toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains(base.header().bundleId(), "--baseline-bundle", "cannot be found")
                    .doesNotContain("Exception");
            CliHarness.Run zh = cli("export", "--bundle", demo.bundle().toString(), "--trust",
                    demo.trustStore().toString(), "--lang", "zh", "--format", "csv", "--view", json.toString(),
                    "--out", x.toString());
            assertThat(zh.exit()).isEqualTo(2);
            assertThat(zh.err()).contains(base.header().bundleId(), "--baseline-bundle", "找不到");
            assertThat(x).doesNotExist();
            // given by hand, the moved file is used
            r = export("--view", json.toString(), "--baseline-bundle", moved.toString(), "--out", x.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(table(x)).isEqualTo(table(root.resolve("partners-view.csv")));
            // another bundle in the recorded place: refused by id
            Files.copy(demo.bundle(), baseBundle);
            r = export("--view", json.toString(), "--out", x.toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("not the saved view's baseline bundle", base.header().bundleId());
        } finally {
            Files.deleteIfExists(baseBundle);
            Files.move(moved, baseBundle);
        }
    }
}
