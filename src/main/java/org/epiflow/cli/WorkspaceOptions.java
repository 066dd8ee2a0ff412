package org.epiflow.cli;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.workspace.Workspace;
import org.epiflow.data.workspace.WorkspaceException;
import org.epiflow.data.AppDirectories;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Options of the commands that open the officer's workspace: the identity file, its passphrase, and optionally the
 * workspace folder. A wrong passphrase is recorded as a pending failed unlock (folded into the audit trail at the
 * next successful unlock).
 */
final class WorkspaceOptions {
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    @Option(names = "--identity", required = true, description = "the officer's passphrase-protected identity file")
    Path identity;

    @Option(names = "--passphrase-file", description = "read the identity's passphrase from this file instead of "
            + "asking")
    Path passphraseFile;

    @Option(names = "--workspace", description = "the workspace folder (default: <app data>/workspaces/<key id>; "
            + "app data is $XDG_DATA_HOME/epiflow, ~/.local/share/epiflow, %%APPDATA%%\\EpiFlow, or -Depiflow.home)")
    Path workspace;

    /** Where failed unlocks wait: beside the workspace folder. */
    Path pendingDirectory() {
        return workspace != null ? Workspace.pendingDirectory(workspace)
                : AppDirectories.pendingUnlocks(AppDirectories.workspacesRoot());
    }

    AgeIdentity unlock() throws IOException, CliException {
        return OfficerOptions.unlock(EpiflowCommand.texts(mixee), identity, passphraseFile, pendingDirectory());
    }

    /** The workspace folder these options name. */
    Path directory(AgeIdentity id) {
        return workspace != null ? workspace.toAbsolutePath().normalize() : Workspace.defaultDirectory(id);
    }

    /** How a command opens the existing workspace of this identity. */
    Workspace.OpenOptions openOptions(String purpose) {
        return Workspace.OpenOptions.command(purpose).withCreateIfMissing(false).withIdentityFile(identity)
                .withPending(pendingDirectory());
    }

    /** Opens the existing workspace of this identity; the caller closes it. */
    Workspace open(AgeIdentity id, String purpose) throws WorkspaceException {
        return open(id, purpose, false);
    }

    /** Opens the workspace of this identity, creating it when {@code create} and missing; the caller closes it. */
    Workspace open(AgeIdentity id, String purpose, boolean create) throws WorkspaceException {
        return Workspace.open(directory(id), id, openOptions(purpose).withCreateIfMissing(create));
    }
}
