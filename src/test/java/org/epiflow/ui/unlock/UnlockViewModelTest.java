package org.epiflow.ui.unlock;

import org.epiflow.ui.MutableClock;
import org.epiflow.ui.UiFixtures;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;

import static org.assertj.core.api.Assertions.assertThat;

class UnlockViewModelTest {
    @TempDir
    static Path dir;
    static UiFixtures fx;
    MutableClock clock;
    AppPreferences prefs;
    UnlockViewModel vm;
    final Messages m = Messages.of(Locale.ENGLISH);

    @BeforeAll
    static void files() throws Exception {
        fx = UiFixtures.create(dir);
    }

    @BeforeEach
    void setUp() {
        clock = new MutableClock();
        prefs = new AppPreferences(UiFixtures.prefsNode());
        vm = new UnlockViewModel(m, new CurrentThreadTaskExecutor(), IdentityUnlocker.files(), prefs,
                new UiFixtures.ScriptedFiles(), clock);
        vm.identityFileProperty().set(fx.identity);
        vm.trustStoreProperty().set(fx.trustStore);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        vm.lock();
        prefs.node().removeNode();
    }

    private void attempt(String pass) {
        vm.passphraseProperty().set(pass);
        vm.unlock();
    }

    @Test
    void rightPassphraseUnlocksAndRemembersTheFiles() {
        attempt(UiFixtures.PASSPHRASE);
        assertThat(vm.session()).isNotNull();
        assertThat(prefs.identityFile()).contains(fx.identity.toAbsolutePath());
        assertThat(prefs.trustStore()).contains(fx.trustStore.toAbsolutePath());
    }

    @Test
    void passphraseFieldIsClearedAfterAnAttempt() {
        attempt("wrong");
        assertThat(vm.passphraseProperty().get()).isEmpty();
    }

    @Test
    void aFailureIsAWarningButUnlockingAndLockedAreStates() {
        attempt("wrong");
        assertThat(vm.messageIsProblemProperty().get()).isTrue();
        clock.advance(Duration.ofMinutes(5));
        attempt(UiFixtures.PASSPHRASE);
        assertThat(vm.session()).isNotNull();
        assertThat(vm.messageProperty().get()).isEmpty();
        vm.lock();
        assertThat(vm.messageProperty().get()).startsWith("The workstation is locked");
        assertThat(vm.messageIsProblemProperty().get()).as("locked is not an error").isFalse();
        m.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(vm.messageProperty().get()).startsWith("工作站已锁定");
        } finally {
            m.setLocale(Locale.ENGLISH);
        }
    }

    @Test
    void wrongPassphraseSaysSo() {
        attempt("wrong");
        assertThat(vm.messageProperty().get()).startsWith("Wrong passphrase (attempt 1)");
    }

    @Test
    void repeatedFailuresImposeAGrowingWait() {
        attempt("wrong");
        assertThat(vm.waitSecondsProperty().get()).isZero();
        attempt("wrong again");
        assertThat(vm.waitSecondsProperty().get()).isEqualTo(2);
        assertThat(vm.countdownText().get()).isEqualTo("Next attempt in 2 s");
    }

    @Test
    void attemptsDuringTheWaitAreRefused() {
        attempt("a");
        attempt("b");
        vm.passphraseProperty().set(UiFixtures.PASSPHRASE);
        assertThat(vm.canUnlockProperty().get()).isFalse();
    }

    @Test
    void waitEndsWhenTheClockMoves() {
        attempt("a");
        attempt("b");
        clock.advance(Duration.ofSeconds(1));
        vm.tick();
        assertThat(vm.waitSecondsProperty().get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        attempt(UiFixtures.PASSPHRASE);
        assertThat(vm.session()).isNotNull();
    }

    @Test
    void lockWipesTheKey() {
        attempt(UiFixtures.PASSPHRASE);
        Session s = vm.session();
        vm.lock();
        assertThat(s.isClosed()).isTrue();
    }

    @Test
    void badTrustStoreIsExplained() {
        vm.trustStoreProperty().set(fx.identity);
        attempt(UiFixtures.PASSPHRASE);
        assertThat(vm.messageProperty().get()).startsWith("The trust store could not be read");
    }

    @Test
    void missingIdentityFileIsExplained() {
        vm.identityFileProperty().set(dir.resolve("nope.key"));
        attempt(UiFixtures.PASSPHRASE);
        assertThat(vm.messageProperty().get()).startsWith("The file").contains("nope.key");
    }

    @Test
    void firstRunOffersTheDemo() {
        vm.identityFileProperty().set(null);
        Path[] opened = new Path[1];
        vm.offerDemo(() -> Optional.of(new DemoFinder.DemoFiles(fx.identity, fx.trustStore, fx.bundle,
                "epiflow-demo")), p -> opened[0] = p);
        assertThat(vm.hintProperty().get()).contains("epiflow-demo");
        assertThat(opened[0]).isEqualTo(fx.bundle);
    }

    @Test
    void demoIsNotOfferedWhenAnIdentityIsRemembered() {
        vm.offerDemo(() -> Optional.of(new DemoFinder.DemoFiles(fx.bundle, fx.bundle, fx.bundle, "x")), p -> { });
        assertThat(vm.hintProperty().get()).isEmpty();
    }
}
