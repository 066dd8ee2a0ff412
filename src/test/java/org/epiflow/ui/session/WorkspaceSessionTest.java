package org.epiflow.ui.session;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.age.AgeIdentityFile;
import org.epiflow.data.Direction;
import org.epiflow.data.audit.AuditEntry;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.data.workspace.Workspace;
import org.epiflow.ui.MutableClock;
import org.epiflow.ui.UiFixtures;
import org.epiflow.ui.WorkstationViewModel;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.time.TimelineViewModel;
import org.epiflow.ui.unlock.IdentityUnlocker;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The session wired into the workstation, synchronously: unlock, record, cache, lock, reopen, views, idle. */
class WorkspaceSessionTest {
    @TempDir
    Path dir;
    UiFixtures fx;
    AppPreferences prefs;
    MutableClock clock;
    UiFixtures.RecordingDialogs dialogs;
    WorkstationViewModel vm;
    Path root;

    @BeforeEach
    void setUp() throws Exception {
        fx = UiFixtures.create(dir);
        prefs = new AppPreferences(UiFixtures.prefsNode());
        prefs.setIdentityFile(fx.identity);
        prefs.setTrustStore(fx.trustStore);
        clock = new MutableClock();
        dialogs = new UiFixtures.RecordingDialogs();
        root = dir.resolve("workspaces");
        vm = new WorkstationViewModel(Messages.of(Locale.ENGLISH), prefs, new CurrentThreadTaskExecutor(), dialogs,
                new UiFixtures.ScriptedFiles(), IdentityUnlocker.files(), clock, root);
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        prefs.node().removeNode();
    }

    private void unlock(String pass) {
        clock.advance(Duration.ofHours(1));   // past any backoff
        vm.unlock().passphraseProperty().set(pass);
        vm.unlock().unlock();
    }

    private List<String> kinds() throws Exception {
        vm.session().flush();
        try (AgeIdentity id = AgeIdentityFile.read(fx.identity, UiFixtures.PASSPHRASE.toCharArray());
             Workspace ws = Workspace.open(root.resolve(id.keyId()), id,
                     Workspace.OpenOptions.defaults().withPurpose("test").withCreateIfMissing(false))) {
            assertThat(ws.openReport().audit().ok()).isTrue();
            return ws.audit().entries().stream().map(AuditEntry::kind).toList();
        }
    }

    @Test
    void unlockRecordsCachesLocksAndReturnsToTheSameView() throws Exception {
        unlock("wrong");
        assertThat(vm.unlock().session()).isNull();
        unlock(UiFixtures.PASSPHRASE);
        assertThat(vm.unlock().session()).isNotNull();
        assertThat(vm.session().available()).isTrue();
        assertThat(vm.session().noticeProperty().get()).contains("intact");

        vm.open().open(fx.bundle);
        assertThat(vm.open().currentProperty().get()).isNotNull();
        assertThat(vm.session().cacheHits()).isZero();
        String code = fx.data.regions().get(2).code();
        vm.selection().select(code);
        vm.timeline().modeProperty().set(TimelineViewModel.Mode.RANGE);
        vm.timeline().startProperty().set(3);
        vm.timeline().endProperty().set(9);
        vm.map().filters().topNProperty().set(50);
        vm.map().filters().directionProperty().set(Direction.OUTGOING);
        vm.map().resize(800, 600);
        vm.map().zoom(2);
        var extent = vm.map().viewportProperty().get();

        long run = vm.services().recordRiskRun("importation", "{\"a\":1}", "{\"top\":3}", "b");
        assertThat(run).isPositive();

        vm.lock();
        assertThat(vm.open().bundles()).isEmpty();
        assertThat(vm.session().available()).isFalse();
        assertThat(vm.map().datasetProperty().get()).isNull();
        List<String> k = kinds();
        assertThat(k).containsSubsequence("WORKSPACE_CREATED", "UNLOCK_FAILED", "UNLOCK", "WORKSPACE_OPEN",
                "BUNDLE_OPEN", "CACHE", "RISK_RUN", "LOCK");

        vm.map().filters().topNProperty().set(500);
        unlock(UiFixtures.PASSPHRASE);
        assertThat(vm.open().currentProperty().get()).isNotNull();
        assertThat(vm.session().cacheHits()).as("reopened from the encrypted cache").isEqualTo(1);
        assertThat(vm.selection().code()).isEqualTo(code);
        assertThat(vm.timeline().days().first()).isEqualTo(3);
        assertThat(vm.timeline().days().last()).isEqualTo(9);
        assertThat(vm.map().filters().topNProperty().get()).isEqualTo(50);
        assertThat(vm.map().filters().directionProperty().get()).isEqualTo(Direction.OUTGOING);
        assertThat(vm.map().viewportProperty().get().metresPerPixel()).isEqualTo(extent.metresPerPixel());
        assertThat(vm.open().recent()).contains(fx.bundle.toAbsolutePath().normalize());
    }

    @Test
    void changedFileIsOpenedAgainNotFromTheCache() throws Exception {
        unlock(UiFixtures.PASSPHRASE);
        vm.open().open(fx.bundle);
        vm.lock();
        // the same bundle id, sealed again: other ciphertext, other fingerprint
        UiFixtures other = UiFixtures.create(Files.createDirectories(dir.resolve("other")));
        assertThat(other.data.info().bundleId()).isEqualTo(fx.data.info().bundleId());
        unlock(UiFixtures.PASSPHRASE);
        assertThat(vm.session().cacheHits()).isEqualTo(1);
        vm.open().closeAll();
        byte[] original = Files.readAllBytes(fx.bundle);
        byte[] changed = original.clone();
        changed[changed.length / 2] ^= 1;
        Files.write(fx.bundle, changed);
        vm.open().open(fx.bundle);
        assertThat(vm.open().currentProperty().get()).isNull();
        assertThat(vm.session().cacheHits()).isEqualTo(1);
        assertThat(dialogs.errors).isNotEmpty();
        vm.lock();
        assertThat(kinds()).contains("BUNDLE_REFUSED");
    }

    @Test
    void savedViewsRoundTripAndAreAudited() throws Exception {
        unlock(UiFixtures.PASSPHRASE);
        vm.open().open(fx.bundle);
        vm.map().filters().provincesProperty().set(true);
        vm.timeline().startProperty().set(5);
        ViewDefinition v = vm.session().capture();
        ViewDefinition back = ViewDefinition.parse(v.toJson());
        assertThat(back).isEqualTo(v);
        assertThat(v.toJson()).doesNotContain(fx.data.regions().get(0).nameEn());
        vm.session().setViewDialogs(new ViewDialogs() {
            @Override
            public Optional<String> askName(String suggestion) {
                return Optional.of("provinces day 5");
            }

            @Override
            public Optional<String> choose(List<String> names) {
                return Optional.of(names.get(0));
            }
        });
        vm.session().saveViewInteractive();
        vm.map().filters().provincesProperty().set(false);
        vm.timeline().startProperty().set(0);
        vm.open().closeAll();
        vm.session().openViewInteractive();
        assertThat(vm.open().currentProperty().get()).isNotNull();
        assertThat(vm.map().filters().provincesProperty().get()).isTrue();
        assertThat(vm.timeline().days().first()).isEqualTo(5);
        vm.lock();
        assertThat(kinds()).contains("VIEW_SAVED");
    }

    @Test
    void idleLocksAfterTheConfiguredTime() throws Exception {
        unlock(UiFixtures.PASSPHRASE);
        assertThat(vm.session().idleMinutesProperty().get()).isEqualTo(10);
        vm.session().setIdleMinutes(3);
        vm.open().open(fx.bundle);
        vm.session().idle().touch();
        clock.advance(Duration.ofMinutes(2));
        assertThat(vm.session().idle().check()).isFalse();
        vm.session().idle().touch();
        clock.advance(Duration.ofMinutes(2));
        assertThat(vm.session().idle().check()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(vm.session().idle().check()).isTrue();
        assertThat(vm.unlock().session()).isNull();
        assertThat(vm.open().bundles()).isEmpty();
        assertThat(vm.session().noticeProperty().get()).contains("3 minutes");
        List<String> k = kinds();
        assertThat(k).contains("SETTING", "LOCK");
        unlock(UiFixtures.PASSPHRASE);
        assertThat(vm.session().idleMinutesProperty().get()).isEqualTo(3);
        assertThat(vm.open().currentProperty().get()).isNotNull();
    }
}
