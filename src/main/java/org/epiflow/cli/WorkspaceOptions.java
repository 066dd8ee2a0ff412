package org.epiflow.cli;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.workspace.Workspace;
import org.epiflow.data.workspace.WorkspaceException;
import org.epiflow.data.workspace.WorkspaceLocation;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Options of the commands that open the officer's workspace: the identity file, its passphrase, and optionally the
 * workspace folder. A wrong passphrase is recorded as a pending failed unlock (folded into the audit trail at the
 * next successful unlock).
 */
final class WorkspaceOptions {
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
                : WorkspaceLocation.workspacesRoot().resolve("pending-unlocks");
    }

    AgeIdentity unlock() throws IOException, CliException {
        return OfficerOptions.unlock(identity, passphraseFile, pendingDirectory());
    }

    /** Opens the existing workspace of this identity; the caller closes it. */
    Workspace open(AgeIdentity id, String purpose) throws CliException {
        return open(id, purpose, false);
    }

    /** Opens the workspace of this identity, creating it when {@code create} and missing; the caller closes it. */
    Workspace open(AgeIdentity id, String purpose, boolean create) throws CliException {
        Path dir = workspace != null ? workspace : Workspace.defaultDirectory(id);
        try {
            return Workspace.open(dir, id, Workspace.OpenOptions.defaults().withCreateIfMissing(create)
                    .withPurpose(purpose).withIdentityFile(identity).withPending(pendingDirectory()));
        } catch (WorkspaceException e) {
            throw new CliException(e.getMessage());
        }
    }
}
