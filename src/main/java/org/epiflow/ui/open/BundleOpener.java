package org.epiflow.ui.open;

import org.epiflow.bundle.BundleCredentials;
import org.epiflow.bundle.BundleException;
import org.epiflow.bundle.BundleProgress;
import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.ui.unlock.Session;

import java.io.IOException;
import java.nio.file.Path;

/** Opens one bundle with every check (slow: decryption); called in the background. */
@FunctionalInterface
public interface BundleOpener {
    OpenedBundle open(Path file, BundleProgress progress) throws IOException, BundleException;

    /** Opens with the session's identity and trust store. */
    static BundleOpener of(Session session) {
        return (file, progress) -> {
            try (BundleCredentials c = session.credentials()) {
                return new BundleReader(session.trust()).open(file, c, progress);
            }
        };
    }
}
