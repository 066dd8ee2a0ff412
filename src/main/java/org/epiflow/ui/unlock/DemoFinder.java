package org.epiflow.ui.unlock;

import org.epiflow.data.demo.DemoInstaller;
import org.epiflow.data.demo.DemoLocator;
import org.epiflow.data.demo.DemoScenario;

import java.nio.file.Path;
import java.util.Optional;

/** Finds (and on first use creates) the demo files offered to a new user. */
@FunctionalInterface
public interface DemoFinder {
    /**
     * The demo's files.
     *
     * @param identity   the demo officer's identity file
     * @param trustStore the demo carrier's public key
     * @param bundle     the demo bundle
     * @param passphrase the demo passphrase (public: it is printed in the documentation)
     */
    record DemoFiles(Path identity, Path trustStore, Path bundle, String passphrase) {
    }

    Optional<DemoFiles> find() throws Exception;

    /** The demo in the user's application-data folder ({@link DemoLocator}). */
    static DemoFinder appData() {
        return () -> {
            DemoLocator.Located d = DemoLocator.findOrCreate(DemoScenario.DEFAULT_SEED);
            return Optional.of(new DemoFiles(d.officerKey(), d.trustStore(), d.bundle(),
                    DemoInstaller.DEFAULT_PASSPHRASE));
        };
    }

    /** No demo (tests, or an installation without it). */
    static DemoFinder none() {
        return Optional::empty;
    }
}
