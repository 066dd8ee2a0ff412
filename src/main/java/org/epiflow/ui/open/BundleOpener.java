package org.epiflow.ui.open;

import org.epiflow.bundle.BundleCredentials;
import org.epiflow.bundle.BundleException;
import org.epiflow.bundle.BundleProgress;
import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.data.workspace.WorkspaceException;
import org.epiflow.ui.unlock.Session;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens one bundle with every check (slow: decryption); called in the background. The session's opener also records
 * it, and refuses with a {@link WorkspaceException} when it cannot.
 */
@FunctionalInterface
public interface BundleOpener {
    OpenedBundle open(Path file, BundleProgress progress) throws IOException, BundleException, WorkspaceException;

    /** Opens with the session's identity and trust store. */
    static BundleOpener of(Session session) {
        return (file, progress) -> {
            try (BundleCredentials c = session.credentials()) {
                return new BundleReader(session.trust()).open(file, c, progress);
            }
        };
    }
}
