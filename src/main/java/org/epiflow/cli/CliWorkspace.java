package org.epiflow.cli;

import org.epiflow.bundle.BundleCredentials;
import org.epiflow.bundle.BundleException;
import org.epiflow.bundle.BundleProgress;
import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.workspace.Workspace;
import org.epiflow.data.workspace.WorkspaceException;
import org.epiflow.data.workspace.WorkspaceLocation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The officer's workspace as the command line uses it: every bundle opened or refused, risk run and export made on
 * the command line is recorded in the same audit trail as in the app. If the workspace cannot be opened (another
 * process holds it, say), the command still runs and says that it was not recorded.
 */
final class CliWorkspace implements AutoCloseable {
    private final Workspace workspace;
    private final PrintWriter err;

    private CliWorkspace(Workspace workspace, PrintWriter err) {
        this.workspace = workspace;
        this.err = err;
    }

    /** Opens (creating if needed) the workspace of this unlocked identity. */
    static CliWorkspace open(AgeIdentity id, Path identityFile, PrintWriter err) {
        try {
            return new CliWorkspace(Workspace.open(Workspace.defaultDirectory(id), id,
                    Workspace.OpenOptions.defaults().withPurpose("cli").withIdentityFile(identityFile)
                            .withPending(WorkspaceLocation.workspacesRoot().resolve("pending-unlocks"))), err);
        } catch (WorkspaceException | RuntimeException e) {
            err.println("epiflow: note: this run is not recorded in the workspace audit trail: " + e.getMessage());
            return new CliWorkspace(null, err);
        }
    }

    /** Opens a bundle with every check, recording the opening or the refusal. */
    OpenedBundle openBundle(BundleReader reader, Path bundle, AgeIdentity id) throws IOException, BundleException {
        return openBundle(reader, bundle, BundleCredentials.of(id));
    }

    /** As {@link #openBundle(BundleReader, Path, AgeIdentity)}, with credentials that can open passphrase bundles. */
    OpenedBundle openBundle(BundleReader reader, Path bundle, BundleCredentials credentials)
            throws IOException, BundleException {
        try (BundleCredentials creds = credentials) {
            OpenedBundle opened = reader.open(bundle, creds, BundleProgress.NONE);
            record(() -> workspace.recordBundleOpened(opened));
            return opened;
        } catch (BundleException refused) {
            record(() -> workspace.recordBundleRefused(bundle, refused));
            throw refused;
        }
    }

    void riskRun(String model, String parametersJson, String summaryJson, String bundleId) {
        record(() -> workspace.recordRiskRun(model, parametersJson, summaryJson, bundleId));
    }

    void export(Path file, String format, String bundleId) {
        record(() -> workspace.recordExport(file, format, bundleId));
    }

    @FunctionalInterface
    private interface Entry {
        void write() throws SQLException, IOException;
    }

    private void record(Entry e) {
        if (workspace == null) {
            return;
        }
        try {
            e.write();
        } catch (SQLException | IOException | RuntimeException failed) {
            err.println("epiflow: note: could not record this in the workspace audit trail: " + failed.getMessage());
        }
    }

    @Override
    public void close() {
        if (workspace != null) {
            workspace.close();
        }
    }
}
