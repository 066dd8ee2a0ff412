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
    private final org.epiflow.text.Texts texts;

    private CliWorkspace(Workspace workspace, PrintWriter err, org.epiflow.text.Texts texts) {
        this.workspace = workspace;
        this.err = err;
        this.texts = texts;
    }

    /** Opens (creating if needed) the workspace of this unlocked identity; notes go to the command's error stream. */
    static CliWorkspace open(picocli.CommandLine.Model.CommandSpec spec, AgeIdentity id, Path identityFile) {
        return open(id, identityFile, spec.commandLine().getErr(), EpiflowCommand.texts(spec));
    }

    /**
     * Opens the workspace, notes in the system's language.
     *
     * @deprecated use {@link #open(picocli.CommandLine.Model.CommandSpec, AgeIdentity, Path)}: notes in the run's
     *             language ({@code --lang})
     */
    @Deprecated
    static CliWorkspace open(AgeIdentity id, Path identityFile, PrintWriter err) {
        return open(id, identityFile, err, org.epiflow.text.Texts.of(java.util.Locale.getDefault()));
    }

    /** Opens (creating if needed) the workspace of this unlocked identity. */
    static CliWorkspace open(AgeIdentity id, Path identityFile, PrintWriter err, org.epiflow.text.Texts texts) {
        try {
            return new CliWorkspace(Workspace.open(Workspace.defaultDirectory(id), id,
                    Workspace.OpenOptions.defaults().withPurpose("cli").withIdentityFile(identityFile)
                            .withPending(WorkspaceLocation.workspacesRoot().resolve("pending-unlocks"))), err, texts);
        } catch (WorkspaceException | RuntimeException e) {
            err.println("epiflow: " + texts.get("cli.workspace.notRecorded", ExitCodes.reason(e)));
            return new CliWorkspace(null, err, texts);
        }
    }

    /** Opens a bundle with every check, recording the opening or the refusal. */
    OpenedBundle openBundle(BundleReader reader, Path bundle, AgeIdentity id) throws IOException, BundleException {
        try (BundleCredentials creds = BundleCredentials.of(id)) {
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
            err.println("epiflow: " + texts.get("cli.workspace.recordFailed", ExitCodes.reason(failed)));
        }
    }

    @Override
    public void close() {
        if (workspace != null) {
            workspace.close();
        }
    }
}
