package org.epiflow.cli;

import org.epiflow.bundle.BundleCredentials;
import org.epiflow.bundle.BundleException;
import org.epiflow.bundle.BundleProgress;
import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.AppDirectories;
import org.epiflow.data.workspace.AuditedBundleOpener;
import org.epiflow.data.workspace.BundleCatalogue;
import org.epiflow.data.workspace.ExportLog;
import org.epiflow.data.workspace.Workspace;
import org.epiflow.data.workspace.WorkspaceException;
import org.epiflow.text.Message;
import org.epiflow.text.Texts;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The officer's workspace as the command line uses it: every bundle opened or refused, risk run and export made on
 * the command line is recorded in the same audit trail as in the app, through the same
 * {@link AuditedBundleOpener}. Fail-closed: if the workspace cannot be opened (another window or command has it,
 * it is damaged) the command is refused before it does anything, and an export reaches its file name only once it
 * is recorded ({@link #publish}).
 */
final class CliWorkspace implements AutoCloseable {
    private final Workspace workspace;
    private final PrintWriter err;
    private final Texts texts;

    private CliWorkspace(Workspace workspace, PrintWriter err, Texts texts) {
        this.workspace = workspace;
        this.err = err;
        this.texts = texts;
    }

    /**
     * Opens (creating if needed) the workspace of this unlocked identity for the command {@code spec} names; notes
     * go to its error stream in the run's language ({@code --lang}).
     */
    static CliWorkspace open(picocli.CommandLine.Model.CommandSpec spec, AgeIdentity id, Path identityFile)
            throws WorkspaceException {
        return open(id, identityFile, spec.name(), spec.commandLine().getErr(), EpiflowCommand.texts(spec));
    }

    /** Opens (creating if needed) the workspace of this unlocked identity, for the command {@code command}. */
    static CliWorkspace open(AgeIdentity id, Path identityFile, String command, PrintWriter err, Texts texts)
            throws WorkspaceException {
        return new CliWorkspace(Workspace.open(Workspace.defaultDirectory(id), id,
                Workspace.OpenOptions.command(command).withIdentityFile(identityFile)
                        .withPending(AppDirectories.pendingUnlocks(AppDirectories.workspacesRoot()))), err, texts);
    }

    Workspace workspace() {
        return workspace;
    }

    /** Opens a bundle with every check, recording the opening or the refusal before anything is done with it. */
    OpenedBundle openBundle(BundleReader reader, Path bundle, AgeIdentity id)
            throws IOException, BundleException, WorkspaceException {
        return openBundle(reader, bundle, BundleCredentials.of(id));
    }

    /** As {@link #openBundle(BundleReader, Path, AgeIdentity)}, with credentials that can open passphrase bundles. */
    OpenedBundle openBundle(BundleReader reader, Path bundle, BundleCredentials credentials)
            throws IOException, BundleException, WorkspaceException {
        AuditedBundleOpener.Opened o = new AuditedBundleOpener(workspace, reader, null)
                .open(bundle, () -> credentials, BundleProgress.NONE);
        BundleCatalogue.Recorded r = o.recorded();
        if (r.conflict()) {
            note(Message.of("cli.workspace.conflict", o.bundle().data().info().bundleId(), r.conflicts().size()));
        }
        r.previousFile().ifPresent(p -> note(Message.of("cli.workspace.sameBundle", p)));
        return o.bundle();
    }

    /** Records a risk run; throws (and the command fails) when the trail cannot record it. */
    void riskRun(String model, String parametersJson, String summaryJson, String bundleId) throws WorkspaceException {
        workspace.riskRuns().record(model, parametersJson, summaryJson, bundleId);
    }

    /** Writes an export through a temporary file, records it, then moves it into place ({@link ExportLog#publish}). */
    <R, X extends Exception> R publish(Path out, String format, String bundleId, ExportLog.Writer<R, X> writer)
            throws WorkspaceException, IOException, X {
        return workspace.exports().publish(out, format, bundleId, writer).result();
    }

    private void note(Message m) {
        err.println("epiflow: " + texts.format(m));
    }

    @Override
    public void close() {
        workspace.close();
    }
}
