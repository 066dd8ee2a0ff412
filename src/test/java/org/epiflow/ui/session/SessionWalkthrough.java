package org.epiflow.ui.session;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.epiflow.bundle.BundleSealer;
import org.epiflow.bundle.SealRecipients;
import org.epiflow.bundle.TestDatasets;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.age.AgeIdentityFile;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import org.epiflow.ui.MainWindow;
import org.epiflow.ui.UiFixtures;
import org.epiflow.ui.WorkstationViewModel;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.unlock.IdentityUnlocker;
import org.epiflow.ui.util.FxTaskExecutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A headless desktop walkthrough for child JVMs (no-network and no-plaintext tests): the real window under Monocle
 * with worker threads; seals a bundle whose first region's English name is the canary, then unlocks (one wrong
 * passphrase first), opens, selects, saves a view, records a risk run, changes the idle time, locks, unlocks (reopened
 * from the cache, same selection), locks, quits. Prints {@code WALKTHROUGH OK} and exits 0 on success.
 *
 * <p>Arguments: work folder, canary. Run with the Monocle properties of the pom's {@code test.headless.args}.
 */
public final class SessionWalkthrough {
    private SessionWalkthrough() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String canary = args[1];
        Files.createDirectories(dir);
        Path id = dir.resolve("officer.key");
        Path pub = dir.resolve("carrier.pub");
        Path bundle = dir.resolve("canary.epiflow");
        AggregateDataset base = TestDatasets.dataset(14, 10, LocalDate.now().plusYears(1), 5);
        List<Region> regions = new ArrayList<>(base.regions().all());
        Region first = regions.get(0);
        regions.set(0, new Region(first.code(), first.name(), canary, first.level(), first.parent(), first.lat(),
                first.lon(), first.population()));
        AggregateDataset data = new AggregateDataset(base.info(), new RegionTable(regions), base.flows(),
                base.residents());
        try (AgeIdentity officer = AgeIdentity.generate(); MinisignSecretKey carrier = MinisignSecretKey.generate()) {
            AgeIdentityFile.write(id, officer, UiFixtures.PASSPHRASE.toCharArray(), 10);
            carrier.publicKey().write(pub);
            try (SealRecipients to = SealRecipients.officers(List.of(officer.recipient()))) {
                BundleSealer.seal(data, to, carrier, bundle);
            }
        }
        AppPreferences prefs = new AppPreferences(UiFixtures.prefsNode());
        prefs.setIdentityFile(id);
        prefs.setTrustStore(pub);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        WorkstationViewModel vm = fx(() -> {
            WorkstationViewModel w = new WorkstationViewModel(Messages.of(Locale.ENGLISH), prefs,
                    new FxTaskExecutor(), new UiFixtures.RecordingDialogs(), new UiFixtures.ScriptedFiles(),
                    IdentityUnlocker.files(), Clock.systemUTC(), dir.resolve("workspaces"));
            MainWindow window = new MainWindow(w, () -> { }, () -> { });
            Stage stage = new Stage();
            stage.setScene(new Scene(window.root(), 1024, 700));
            stage.show();
            return w;
        });
        fx(() -> {
            vm.unlock().passphraseProperty().set("wrong");
            vm.unlock().unlock();
            return null;
        });
        waitFor("wrong passphrase", () -> vm.unlock().messageProperty().get().startsWith("Wrong"));
        waitFor("backoff", () -> {
            vm.unlock().tick();
            return vm.unlock().waitSecondsProperty().get() == 0;
        });
        fx(() -> {
            vm.unlock().passphraseProperty().set(UiFixtures.PASSPHRASE);
            vm.unlock().unlock();
            return null;
        });
        waitFor("unlock", () -> vm.unlock().session() != null && vm.session().available());
        fx(() -> {
            vm.open().open(bundle);
            return null;
        });
        waitFor("open", () -> vm.open().currentProperty().get() != null);
        String code = data.regions().get(0).code();
        fx(() -> {
            vm.selection().select(code);
            vm.timeline().startProperty().set(4);
            vm.session().setViewDialogs(new ViewDialogs() {
                @Override
                public Optional<String> askName(String suggestion) {
                    return Optional.of("walkthrough");
                }

                @Override
                public Optional<String> choose(List<String> names) {
                    return Optional.of(names.get(0));
                }
            });
            vm.session().saveViewInteractive();
            vm.session().setIdleMinutes(7);
            return null;
        });
        waitFor("view saved", () -> vm.session().noticeProperty().get().contains("saved"));
        vm.services().recordRiskRun("importation", "{\"cases\":\"cases.csv\",\"days\":7}",
                "{\"regions\":" + data.regions().size() + "}", data.info().bundleId());
        fx(() -> {
            vm.lock();
            return null;
        });
        waitFor("locked", () -> vm.unlock().session() == null && vm.open().bundles().isEmpty());
        fx(() -> {
            vm.unlock().passphraseProperty().set(UiFixtures.PASSPHRASE);
            vm.unlock().unlock();
            return null;
        });
        waitFor("reopened from the cache", () -> vm.open().currentProperty().get() != null
                && vm.session().cacheHits() == 1 && code.equals(vm.selection().code())
                && vm.timeline().days() != null && vm.timeline().days().first() == 4);
        fx(() -> {
            vm.shutdown();
            return null;
        });
        prefs.node().removeNode();
        System.out.println("WALKTHROUGH OK");
        Platform.exit();
        System.exit(0);
    }

    /**
     * The command running this walkthrough in a child JVM with this test JVM's class path, headless, with its own
     * temp folder and home folder (so JavaFX, H2, JVM and preferences files land where a test can scan them).
     */
    public static List<String> command(Path work, String canary, Path tmp, Path home) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Xmx1g", "-Djava.io.tmpdir=" + tmp, "-Duser.home=" + home,
                "-Djava.util.prefs.userRoot=" + home.resolve(".java"), "-Depiflow.home=" + home.resolve("epiflow"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "-Dheadless.geometry=1280x800-32"));
        if (Runtime.version().feature() >= 21) {
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        cmd.addAll(List.of(SessionWalkthrough.class.getName(), work.toString(), canary));
        return cmd;
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier cond) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            if (fx(cond::getAsBoolean)) {
                return;
            }
            Thread.sleep(50);
        }
        System.out.println("WALKTHROUGH FAILED waiting for: " + what);
        System.exit(3);
    }
}
