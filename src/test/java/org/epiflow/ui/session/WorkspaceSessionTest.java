package org.epiflow.ui.session;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.age.AgeIdentityFile;
import org.epiflow.data.Direction;
import org.epiflow.data.audit.AuditEntry;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.bundle.BundleSealer;
import org.epiflow.bundle.SealRecipients;
import org.epiflow.bundle.TestDatasets;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.data.workspace.LockHolder;
import org.epiflow.data.workspace.Workspace;
import org.epiflow.data.workspace.WorkspaceException;
import org.epiflow.model.AggregateDataset;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private Path workspaceDir() throws Exception {
        try (AgeIdentity id = AgeIdentityFile.read(fx.identity, UiFixtures.PASSPHRASE.toCharArray())) {
            return root.resolve(id.keyId());
        }
    }

    @Test
    void aWorkspaceOpenInAnotherWindowIsNamedAndTheWorkstationLocksAgain() throws Exception {
        unlock(UiFixtures.PASSPHRASE);
        vm.lock();
        vm.session().flush();
        Process other = LockHolder.start(workspaceDir(), fx.identity, UiFixtures.PASSPHRASE, "window");
        try {
            unlock(UiFixtures.PASSPHRASE);
            assertThat(dialogs.errors).anySatisfy(e -> {
                assertThat(e[0]).isEqualTo("Workspace in use");
                assertThat(e[1]).contains("The workspace is open in another EpiFlow window (process " + other.pid());
                assertThat(e[2]).contains("Close EpiFlow in that window").contains("could not be recorded");
            });
            assertThat(vm.unlock().session()).as("back to the lock screen").isNull();
            assertThat(vm.session().available()).isFalse();
        } finally {
            LockHolder.stop(other);
        }
        unlock(UiFixtures.PASSPHRASE);
        assertThat(vm.session().available()).isTrue();
    }

    @Test
    void aDamagedWorkspaceOffersTheNewestBackupAndRestoresIt() throws Exception {
        unlock(UiFixtures.PASSPHRASE);
        vm.open().open(fx.bundle);
        vm.session().saveView("before", vm.session().capture());
        vm.lock();
        vm.session().flush();
        Files.write(workspaceDir().resolve("workspace.mv.db"), new byte[8192]);
        dialogs.answer = false;
        unlock(UiFixtures.PASSPHRASE);
        assertThat(dialogs.confirms).singleElement().satisfies(c -> {
            assertThat(c[0]).isEqualTo("Workspace damaged");
            assertThat(c[1]).contains("is damaged").contains("Restore the backup of").contains("damaged");
        });
        assertThat(vm.unlock().session()).isNull();
        assertThat(vm.session().noticeProperty().get()).contains("Not restored");
        dialogs.answer = true;
        unlock(UiFixtures.PASSPHRASE);
        vm.session().flush();
        assertThat(dialogs.errors).as("errors").isEmpty();
        assertThat(dialogs.infos).anySatisfy(i -> {
            assertThat(i[0]).isEqualTo("Workspace restored");
            assertThat(i[1]).contains("was checked and restored").contains("The damaged database is kept as");
        });
        assertThat(vm.session().available()).isTrue();
        vm.open().open(fx.bundle);
        assertThat(vm.open().currentProperty().get()).isNotNull();
        vm.lock();
        assertThat(kinds()).contains("RESTORE", "VIEW_SAVED");
    }

    @Test
    void damageFoundWhileOpenIsShownAndTheRestoreOffered() throws Exception {
        unlock(UiFixtures.PASSPHRASE);
        vm.session().saveView("brief", vm.session().capture());
        vm.lock();
        vm.session().flush();
        try (AgeIdentity id = AgeIdentityFile.read(fx.identity, UiFixtures.PASSPHRASE.toCharArray());
             var c = org.epiflow.data.workspace.WorkspaceTesting.rawConnection(workspaceDir(), id);
             var st = c.createStatement()) {
            st.execute("UPDATE saved_views SET definition = '{\"x\":1}'");
            st.execute("SHUTDOWN");
        }
        dialogs.answer = false;
        unlock(UiFixtures.PASSPHRASE);
        vm.session().checkNow();
        assertThat(dialogs.confirms).anySatisfy(c -> assertThat(c[1]).contains("saved view \u201cbrief\u201d")
                .contains("You can keep working"));
        assertThat(vm.session().noticeProperty().get()).contains("saved view \u201cbrief\u201d");
        assertThat(vm.session().available()).isTrue();
    }

    @Test
    void exportsAndRiskRunsAreRefusedWhenTheWorkspaceIsNotOpen() throws Exception {
        unlock(UiFixtures.PASSPHRASE);
        vm.lock();
        Path out = dir.resolve("map.png");
        assertThatThrownBy(() -> vm.services().publishExport(out, "png", "b", tmp -> {
            Files.writeString(tmp, "x");
            return null;
        })).isInstanceOf(WorkspaceException.class);
        assertThat(out).doesNotExist();
        assertThatThrownBy(() -> vm.services().recordRiskRun("importation", "{}", "{}", "b"))
                .isInstanceOf(WorkspaceException.class);
    }

    @Test
    void aBundleIdOpenedBeforeWithOtherContentIsShownAsAConflict() throws Exception {
        Path trust = dir.resolve("two-carriers.pub");
        Path other = dir.resolve("same-id.epiflow");
        try (AgeIdentity id = AgeIdentityFile.read(fx.identity, UiFixtures.PASSPHRASE.toCharArray());
             MinisignSecretKey carrier = MinisignSecretKey.generate();
             SealRecipients to = SealRecipients.officers(List.of(id.recipient()))) {
            AggregateDataset k1 = TestDatasets.dataset(21, 1, java.time.LocalDate.now().plusYears(1), 8);
            BundleSealer.seal(k1, to, carrier, other);
            Files.writeString(trust, Files.readString(fx.trustStore) + "\n" + carrier.publicKey().toFileText());
        }
        vm.unlock().trustStoreProperty().set(trust);
        unlock(UiFixtures.PASSPHRASE);
        vm.open().open(fx.bundle);
        vm.open().open(other);
        assertThat(dialogs.errors).anySatisfy(e -> {
            assertThat(e[0]).isEqualTo("Bundle id conflict");
            assertThat(e[1]).contains(fx.data.info().bundleId());
            assertThat(e[2]).contains("k = 10").contains("k = 1").contains("recorded in the audit trail");
        });
        vm.lock();
        assertThat(kinds()).contains("BUNDLE_CONFLICT");
    }

    @Test
    void theSessionDocumentAndTheCacheReturnToWhatWasOpenWithoutTheFile() throws Exception {
        unlock(UiFixtures.PASSPHRASE);
        vm.open().open(fx.bundle);
        var shown = vm.open().currentProperty().get();
        var key = org.epiflow.data.workspace.BundleCatalogue.Key.of(shown);
        vm.lock();
        Files.delete(fx.bundle);
        unlock(UiFixtures.PASSPHRASE);
        var doc = vm.session().sessionDocument().orElseThrow();
        assertThat(doc.json()).contains(key.toString());
        var back = vm.open().currentProperty().get();
        assertThat(back).as("reopened from the encrypted cache alone, without the file").isNotNull();
        assertThat(back.data().info().bundleId()).isEqualTo(fx.data.info().bundleId());
        assertThat(back.payloadSha256()).isEqualTo(shown.payloadSha256());
        assertThat(vm.session().cacheHits()).isEqualTo(1);
        vm.lock();
        assertThat(kinds()).filteredOn(x -> x.equals("BUNDLE_OPEN")).hasSizeGreaterThanOrEqualTo(2);
    }
}
