package org.epiflow.ui.open;

import org.epiflow.bundle.BundleCancelledException;
import org.epiflow.bundle.BundleExpiredException;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.ui.UiFixtures;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.unlock.IdentityUnlocker;
import org.epiflow.ui.unlock.Session;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.BackingStoreException;

import static org.assertj.core.api.Assertions.assertThat;

class OpenBundlesViewModelTest {
    @TempDir
    static Path dir;
    static UiFixtures fx;
    static Session session;
    AppPreferences prefs;
    UiFixtures.RecordingDialogs dialogs;
    OpenBundlesViewModel vm;

    @BeforeAll
    static void files() throws Exception {
        fx = UiFixtures.create(dir);
        session = IdentityUnlocker.files().unlock(fx.identity, UiFixtures.PASSPHRASE.toCharArray(), fx.trustStore);
    }

    @AfterAll
    static void wipe() {
        session.close();
    }

    @BeforeEach
    void setUp() {
        prefs = new AppPreferences(UiFixtures.prefsNode());
        dialogs = new UiFixtures.RecordingDialogs();
        vm = new OpenBundlesViewModel(Messages.of(Locale.ENGLISH), new CurrentThreadTaskExecutor(), dialogs,
                new UiFixtures.ScriptedFiles(), prefs);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        prefs.node().removeNode();
    }

    @Test
    void opensARealBundleAndShowsIt() {
        vm.setOpener(BundleOpener.of(session));
        vm.open(fx.bundle);
        assertThat(vm.currentProperty().get().data().info().bundleId()).isEqualTo(fx.data.info().bundleId());
    }

    @Test
    void openedBundleGoesToTheRecentList() {
        vm.setOpener(BundleOpener.of(session));
        vm.open(fx.bundle);
        assertThat(vm.recent()).containsExactly(fx.bundle.toAbsolutePath());
    }

    @Test
    void progressStagesAreTranslated() {
        List<String> stages = new ArrayList<>();
        vm.stageProperty().addListener((o, a, b) -> stages.add(b));
        vm.setOpener(BundleOpener.of(session));
        vm.open(fx.bundle);
        assertThat(stages).contains("Verifying the carrier signature", "Decrypting and checking the tables");
    }

    @Test
    void requestsWhileLockedWaitForTheUnlock() {
        vm.open(fx.bundle);
        assertThat(vm.bundles()).isEmpty();
        vm.setOpener(BundleOpener.of(session));
        assertThat(vm.bundles()).hasSize(1);
    }

    @Test
    void cancelStopsOpeningAndLoadsNothing() {
        vm.setOpener(BundleOpener.of(session));
        vm.progressProperty().addListener((o, a, b) -> {
            if (b.doubleValue() > 0.1) {
                vm.cancel();
            }
        });
        vm.open(fx.bundle);
        assertThat(vm.bundles()).isEmpty();
    }

    @Test
    void cancelIsReportedWithoutADialog() {
        vm.setOpener((f, p) -> {
            throw new BundleCancelledException();
        });
        vm.open(fx.bundle);
        assertThat(vm.statusProperty().get()).contains("was cancelled");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void refusalNamesTheFailedCheck() {
        vm.setOpener((f, p) -> {
            throw new BundleExpiredException(java.time.LocalDate.of(2020, 5, 1), java.time.LocalDate.of(2024, 6, 1));
        });
        vm.open(fx.bundle);
        assertThat(dialogs.errors.get(0)[1]).isEqualTo("test.epiflow was refused by the expiry date check.");
    }

    @Test
    void refusalSaysWhatWasFoundAndWhatToDo() {
        vm.setOpener((f, p) -> {
            throw new BundleExpiredException(java.time.LocalDate.of(2020, 5, 1), java.time.LocalDate.of(2024, 6, 1));
        });
        vm.open(fx.bundle);
        assertThat(dialogs.errors.get(0)[2]).contains("expired on 2020-05-01").contains("Ask the carrier");
    }

    @Test
    void refusalIsFramedInChinese() {
        vm = new OpenBundlesViewModel(Messages.of(Locale.SIMPLIFIED_CHINESE), new CurrentThreadTaskExecutor(),
                dialogs, new UiFixtures.ScriptedFiles(), prefs);
        vm.setOpener((f, p) -> {
            throw new BundleExpiredException(java.time.LocalDate.of(2020, 5, 1), java.time.LocalDate.of(2024, 6, 1));
        });
        vm.open(fx.bundle);
        assertThat(dialogs.errors.get(0)[1]).isEqualTo("test.epiflow 未通过“有效期”检查。");
    }

    @Test
    void wrongTrustStoreIsRefusedBySignatureCheck() throws Exception {
        Path other = dir.resolve("other");
        java.nio.file.Files.createDirectories(other);
        UiFixtures stranger = UiFixtures.create(other);
        vm.setOpener(BundleOpener.of(session));
        vm.open(stranger.bundle);
        assertThat(dialogs.errors.get(0)[1]).contains("carrier signature");
    }

    @Test
    void severalBundlesStayOpenAndReopeningSelects() throws Exception {
        OpenedBundle[] made = new OpenedBundle[1];
        vm.setOpener(BundleOpener.of(session));
        vm.open(fx.bundle);
        made[0] = vm.currentProperty().get();
        Path copy = dir.resolve("copy.epiflow");
        java.nio.file.Files.copy(fx.bundle, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        vm.open(copy);
        vm.open(fx.bundle);
        assertThat(vm.bundles()).hasSize(2);
        assertThat(vm.currentProperty().get()).isSameAs(made[0]);
    }

    @Test
    void closeAllForgetsEverything() {
        vm.setOpener(BundleOpener.of(session));
        vm.open(fx.bundle);
        assertThat(vm.closeAll()).hasSize(1);
        assertThat(vm.currentProperty().get()).isNull();
    }

    @Test
    void aPassphraseBundleAsksForItsPassphraseAndOpens() {
        vm.setOpener(BundleOpener.of(session));
        dialogs.passphrases.add(UiFixtures.BUNDLE_PASSPHRASE);
        vm.open(fx.passphraseBundle);
        assertThat(dialogs.errors).isEmpty();
        assertThat(vm.currentProperty().get().data().flows().rowCount()).isEqualTo(fx.data.flows().rowCount());
        assertThat(dialogs.passphraseQuestions).singleElement().satisfies(q -> {
            assertThat(q[1]).isEqualTo("shared.epiflow from Test Carrier 测试运营商 is sealed to a passphrase.");
            assertThat(q[3]).isEqualTo("Open");
        });
    }

    @Test
    void aWrongPassphraseIsAskedAgainThenRefused() {
        vm.setOpener(BundleOpener.of(session));
        dialogs.passphrases.addAll(List.of("wrong", "wrong again", "still wrong"));
        vm.open(fx.passphraseBundle);
        assertThat(dialogs.passphraseQuestions).hasSize(3);
        assertThat(dialogs.passphraseQuestions.get(1)[2]).isEqualTo("That passphrase is wrong. Type it again.");
        assertThat(vm.bundles()).isEmpty();
        assertThat(dialogs.errors.get(0)[1]).isEqualTo("shared.epiflow was refused by the decryption check.");
        assertThat(dialogs.errors.get(0)[2]).contains("the passphrase is wrong");
    }

    @Test
    void declingToGiveThePassphraseCancelsQuietly() {
        vm.setOpener(BundleOpener.of(session));
        vm.open(fx.passphraseBundle);
        assertThat(dialogs.passphraseQuestions).hasSize(1);
        assertThat(dialogs.errors).isEmpty();
        assertThat(vm.statusProperty().get()).contains("was cancelled");
    }

    @Test
    void thePassphraseQuestionIsInChinese() {
        vm = new OpenBundlesViewModel(Messages.of(Locale.SIMPLIFIED_CHINESE), new CurrentThreadTaskExecutor(),
                dialogs, new UiFixtures.ScriptedFiles(), prefs);
        vm.setOpener(BundleOpener.of(session));
        dialogs.passphrases.add(UiFixtures.BUNDLE_PASSPHRASE);
        vm.open(fx.passphraseBundle);
        assertThat(dialogs.passphraseQuestions.get(0)[1]).isEqualTo("来自 Test Carrier 测试运营商 的 shared.epiflow 以口令封装。");
        assertThat(dialogs.passphraseQuestions.get(0)[3]).isEqualTo("打开");
        assertThat(vm.bundles()).hasSize(1);
    }
}
