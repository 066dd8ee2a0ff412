package org.epiflow.ui.session;

import org.epiflow.analytics.classify.ClassificationMethod;
import org.epiflow.analytics.classify.ColorScheme;
import org.epiflow.bundle.TestDatasets;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.age.AgeIdentityFile;
import org.epiflow.data.Direction;
import org.epiflow.data.workspace.Workspace;
import org.epiflow.data.workspace.WorkspaceTesting;
import org.epiflow.map.MapViewport;
import org.epiflow.ui.MutableClock;
import org.epiflow.ui.UiFixtures;
import org.epiflow.ui.WorkstationViewModel;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.risk.RankingRow;
import org.epiflow.ui.time.TimelineViewModel;
import org.epiflow.ui.unlock.IdentityUnlocker;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officer's work carries over (issue 12 item 7), without a window: Lock → Unlock and a restart (a new
 * workstation on the same workspace folder) return to the same bundles, bundle shown, dates, selection, filters,
 * extent, imported case table, last risk runs (run again) and heatmap, field by field; a damaged or unreadable
 * session document starts empty with a notice; an expired bundle or one whose signer is no longer trusted is not
 * reopened and the officer is told why; the document is not readable on disk.
 */
class CarryOverTest {
    @TempDir
    Path dir;
    UiFixtures fx;
    AppPreferences prefs;
    MutableClock clock;
    UiFixtures.RecordingDialogs dialogs;
    WorkstationViewModel vm;
    Path root;
    Locale locale = Locale.ENGLISH;

    @BeforeEach
    void setUp() throws Exception {
        fx = UiFixtures.create(dir);
        prefs = new AppPreferences(UiFixtures.prefsNode());
        prefs.setIdentityFile(fx.identity);
        prefs.setTrustStore(fx.trustStore);
        clock = new MutableClock();
        root = dir.resolve("workspaces");
        vm = workstation();
    }

    private WorkstationViewModel workstation() {
        dialogs = new UiFixtures.RecordingDialogs();
        WorkstationViewModel w = new WorkstationViewModel(Messages.of(locale), prefs, new CurrentThreadTaskExecutor(),
                dialogs, new UiFixtures.ScriptedFiles(), IdentityUnlocker.files(), clock, root);
        w.carry().setDebounce(Duration.ZERO);   // saved on lock and quit here; the debounce has its own test
        return w;
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        prefs.node().removeNode();
    }

    private void unlock() {
        clock.advance(Duration.ofHours(1));
        vm.unlock().passphraseProperty().set(UiFixtures.PASSPHRASE);
        vm.unlock().unlock();
        vm.session().flush();
    }

    private Path casesFile(String name) throws Exception {
        StringBuilder b = new StringBuilder("date,region,cases\n");
        for (int d = 0; d < 10; d++) {
            b.append(TestDatasets.START.plusDays(d)).append(",420100,").append(5 + 3 * d).append('\n');
        }
        b.append(TestDatasets.START.plusDays(8)).append(",440100,2\n");
        Path p = dir.resolve(name);
        Files.writeString(p, b.toString());
        return p;
    }

    /** Everything an officer sets, as a list of "field = value" lines to compare after the return. */
    private List<String> state() {
        List<String> s = new ArrayList<>();
        var cur = vm.open().currentProperty().get();
        s.add("bundles = " + vm.open().bundles().stream().map(b -> b.data().info().bundleId()).toList());
        s.add("shown = " + (cur == null ? null : cur.data().info().bundleId()));
        s.add("mode = " + vm.timeline().modeProperty().get());
        s.add("granularity = " + vm.timeline().granularityProperty().get());
        s.add("days = " + vm.timeline().days());
        s.add("selection = " + vm.selection().code());
        var f = vm.map().filters();
        s.add("topN = " + f.topNProperty().get());
        s.add("minVolume = " + f.minVolumeProperty().get());
        s.add("direction = " + f.directionProperty().get());
        s.add("lockScale = " + f.lockScaleProperty().get());
        s.add("flows = " + vm.map().flowsVisibleProperty().get());
        MapViewport v = vm.map().viewportProperty().get();
        s.add("extent = " + (v == null ? null : v.centerX() + "," + v.centerY() + "@" + v.metresPerPixel()));
        var risk = vm.risk();
        s.add("cases = " + (risk.casesProperty().get() == null ? null : risk.casesProperty().get().total()));
        s.add("cases summary = " + risk.casesSummaryProperty().get());
        s.add("cumulative = " + risk.cumulativeProperty().get());
        var run = risk.runProperty().get();
        s.add("run model = " + (run == null ? null : run.settings().model()));
        s.add("run settings = " + (run == null ? null : run.settings()));
        s.add("run rows = " + (run == null ? null : run.result().rows().stream().map(r -> r.code() + ":" + r.risk()
                + ":" + java.util.Arrays.toString(r.values())).toList()));
        s.add("run inputs = " + risk.inputsProperty().get());
        s.add("ranking = " + risk.ranking().stream().map(RankingRow::code).toList());
        s.add("form window = " + risk.form().windowProperty().get());
        s.add("form ascertainment = " + risk.form().ascertainmentProperty().get());
        var h = risk.heatmap();
        s.add("heatmap measure = " + h.measureProperty().get());
        s.add("heatmap method = " + h.methodProperty().get());
        s.add("heatmap classes = " + h.classesProperty().get());
        s.add("heatmap scheme = " + h.schemeProperty().get());
        s.add("heatmap reversed = " + h.reversedProperty().get());
        s.add("heatmap shown = " + (vm.map().heatmapProperty().get() != null));
        s.add("legend = " + (h.legendProperty().get() == null ? null : h.legendProperty().get().title()));
        return s;
    }

    /** Opens the bundle, imports cases, runs the importation model twice, sets dates, selection, filters, zoom. */
    private List<String> work() throws Exception {
        unlock();
        vm.open().open(fx.bundle);
        assertThat(vm.open().currentProperty().get()).isNotNull();
        vm.risk().importCases(casesFile("cases.csv"));
        assertThat(vm.risk().casesProperty().get()).as("cases imported").isNotNull();
        vm.risk().run();
        assertThat(vm.risk().runProperty().get()).as(String.valueOf(vm.risk().errors())).isNotNull();
        vm.risk().form().windowProperty().set("5");
        vm.risk().form().ascertainmentProperty().set("0.5");
        vm.risk().run();
        assertThat(vm.risk().runProperty().get().settings().parameters().toString()).contains("5");
        vm.risk().heatmap().measureProperty().set(vm.risk().heatmap().measures().get(1));
        vm.risk().heatmap().methodProperty().set(ClassificationMethod.EQUAL_INTERVALS);
        vm.risk().heatmap().classesProperty().set(4);
        vm.risk().heatmap().schemeProperty().set(ColorScheme.values()[1]);
        vm.risk().heatmap().reversedProperty().set(true);
        vm.timeline().granularityProperty().set(TimelineViewModel.Granularity.DAILY);
        vm.timeline().modeProperty().set(TimelineViewModel.Mode.RANGE);
        vm.timeline().startProperty().set(3);
        vm.timeline().endProperty().set(9);
        vm.selection().select(fx.data.regions().get(2).code());
        vm.map().filters().topNProperty().set(40);
        vm.map().filters().minVolumeProperty().set(12);
        vm.map().filters().directionProperty().set(Direction.OUTGOING);
        vm.map().filters().lockScaleProperty().set(true);
        vm.map().flowsVisibleProperty().set(false);
        vm.map().resize(900, 700);
        vm.map().zoom(2);
        vm.map().pan(37, -21);
        List<String> before = state();
        assertThat(before).contains("selection = " + fx.data.regions().get(2).code(), "topN = 40",
                "heatmap classes = 4", "form window = 5", "heatmap shown = true").doesNotContain("cases = null");
        return before;
    }

    @Test
    void lockThenUnlockReturnsToTheSameStateFieldByField() throws Exception {
        List<String> before = work();
        int computations = vm.risk().computations();
        vm.lock();
        assertThat(vm.open().bundles()).isEmpty();
        assertThat(vm.risk().runProperty().get()).isNull();
        vm.map().filters().topNProperty().set(500);   // changed while locked: the document wins

        unlock();
        assertThat(state()).containsExactlyElementsOf(before);
        assertThat(vm.session().cacheHits()).as("the bundle came from the encrypted cache").isEqualTo(1);
        assertThat(vm.risk().computations()).as("both runs ran again").isEqualTo(computations + 2);
        assertThat(vm.risk().cache().size()).isEqualTo(2);
        assertThat(vm.session().noticeProperty().get()).isEqualTo("Back where you left off: 1 bundle open, "
                + "2 risk runs shown again.");
        assertThat(dialogs.errors).isEmpty();
        assertThat(vm.carry().returning()).isFalse();

        // and once more: the return itself is what the next lock saves
        vm.lock();
        unlock();
        assertThat(state()).containsExactlyElementsOf(before);
    }

    @Test
    void aRestartOnTheSameWorkspaceFolderReturnsToTheSameState() throws Exception {
        List<String> before = work();
        vm.shutdown();   // closing the app: saved on quit
        vm = workstation();
        assertThat(vm.open().bundles()).isEmpty();
        unlock();
        assertThat(state()).containsExactlyElementsOf(before);
        assertThat(vm.session().cacheHits()).isEqualTo(1);
        // the case table was re-imported from the workspace, not from the file
        Files.delete(dir.resolve("cases.csv"));
        vm.shutdown();
        vm = workstation();
        unlock();
        assertThat(state()).containsExactlyElementsOf(before);
    }

    @Test
    void changesAreSavedAMomentLaterWithoutALock() throws Exception {
        unlock();
        vm.carry().setDebounce(Duration.ofMillis(50));
        vm.open().open(fx.bundle);
        vm.selection().select(fx.data.regions().get(1).code());
        long until = System.currentTimeMillis() + 10_000;
        String json = "";
        while (System.currentTimeMillis() < until && !json.contains(fx.data.regions().get(1).code())) {
            Thread.sleep(50);
            vm.session().flush();
            json = vm.session().sessionDocument().map(d -> d.json()).orElse("");
        }
        assertThat(json).contains(fx.data.regions().get(1).code()).contains("\"format\":\"epiflow-session\"");
    }

    @Test
    void aDamagedDocumentStartsEmptyWithANotice() throws Exception {
        work();
        vm.lock();
        vm.session().flush();
        Path ws = workspaceDir();
        try (AgeIdentity id = identity(); Connection c = WorkspaceTesting.rawConnection(ws, id);
             Statement st = c.createStatement()) {
            st.execute("UPDATE session_state SET document = REPLACE(document, '\"topN\":40', '\"topN\":41')");
            st.execute("SHUTDOWN");
        }
        dialogs.answer = false;   // the damage is named and the backup offered (issue 16); not taken here
        unlock();
        assertThat(dialogs.confirms).anySatisfy(c -> assertThat(c[1]).contains("the saved session"));
        assertThat(vm.unlock().session()).as("still unlocked").isNotNull();
        assertThat(vm.open().bundles()).as("nothing reopened from a changed document").isEmpty();
        assertThat(vm.session().noticeProperty().get()).contains("the saved session");
        // the workstation works: the bundle opens, the case table is still in the workspace
        vm.open().open(fx.bundle);
        assertThat(vm.open().currentProperty().get()).isNotNull();
        vm.lock();
        unlock();
        assertThat(vm.open().currentProperty().get()).as("a new document is saved and used").isNotNull();

        // a document that is intact but unreadable (another layout): empty, with the notice
        vm.lock();
        vm.session().flush();
        try (AgeIdentity id = identity(); Workspace w = Workspace.open(ws, id)) {
            w.sessionState().save(WorkspaceSession.SESSION_DOCUMENT, 1, "{\"format\":\"something-else\"}");
        }
        unlock();
        assertThat(vm.open().bundles()).isEmpty();
        assertThat(vm.session().noticeProperty().get()).isEqualTo(Messages.of(locale).get("carry.unreadable"));
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aBundleWhoseSignerIsNoLongerTrustedIsNotReopenedAndTheOfficerIsToldWhyInChinese() throws Exception {
        locale = Locale.SIMPLIFIED_CHINESE;
        vm.shutdown();
        vm = workstation();
        unlock();
        vm.open().open(fx.bundle);
        String signer = vm.open().currentProperty().get().signerKeyId();
        vm.lock();
        UiFixtures other = UiFixtures.create(Files.createDirectories(dir.resolve("other")));
        prefs.setTrustStore(other.trustStore);   // the carrier's key was removed from the trust store
        vm.shutdown();
        vm = workstation();
        unlock();
        assertThat(vm.open().bundles()).isEmpty();
        assertThat(dialogs.infos).anySatisfy(i -> {
            assertThat(i[0]).isEqualTo("部分数据包没有重新打开");
            assertThat(i[1]).contains("test-bundle-0001").contains("已不在您信任的运营商密钥中").contains(signer);
        });
        assertThat(vm.session().noticeProperty().get()).isEqualTo("上次会话中有 1 个数据包没有重新打开");
    }

    @Test
    void anExpiredBundleIsNotReopenedAndTheOfficerIsToldWhy() throws Exception {
        unlock();
        vm.open().open(fx.bundle);
        var expires = fx.data.info().expires();
        vm.lock();
        clock.advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(
                java.time.LocalDate.now(clock), expires) + 2));
        unlock();
        assertThat(vm.open().bundles()).isEmpty();
        assertThat(dialogs.infos).anySatisfy(i -> {
            assertThat(i[0]).isEqualTo("Some bundles were not reopened");
            assertThat(i[1]).contains("test-bundle-0001").contains("expired on " + expires);
        });
    }

    @Test
    void theSessionDocumentIsNotReadableOnDisk() throws Exception {
        String canary = "CANARY" + Long.toHexString(System.nanoTime());
        unlock();
        vm.open().open(fx.bundle);
        vm.risk().importCases(casesFile(canary + ".csv"));
        vm.risk().run();
        String key = org.epiflow.data.workspace.BundleCatalogue.Key.of(vm.open().currentProperty().get()).toString();
        vm.lock();
        vm.session().flush();
        unlock();
        String json = vm.session().sessionDocument().orElseThrow().json();
        assertThat(json).contains(canary).contains(key).contains("epiflow-session");
        vm.lock();
        vm.session().flush();
        List<String> hits = new ArrayList<>();
        for (String needle : List.of(canary, key, "epiflow-session", "\"casesName\"")) {
            for (var cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                byte[] n = needle.getBytes(cs);
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        if (indexOf(Files.readAllBytes(p), n) >= 0) {
                            hits.add(p.getFileName() + ": " + needle + " (" + cs + ")");
                        }
                    }
                }
            }
        }
        assertThat(hits).as("plaintext of the session document on disk").isEmpty();
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private AgeIdentity identity() throws Exception {
        return AgeIdentityFile.read(fx.identity, UiFixtures.PASSPHRASE.toCharArray());
    }

    private Path workspaceDir() throws Exception {
        try (AgeIdentity id = identity()) {
            return root.resolve(id.keyId());
        }
    }
}
