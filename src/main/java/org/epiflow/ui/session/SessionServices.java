package org.epiflow.ui.session;

import org.epiflow.data.workspace.ExportLog;
import org.epiflow.data.workspace.WorkspaceException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What other panels record in the officer's workspace and audit trail. Call from a background thread (the calls wait
 * for the workspace's own thread). Fail-closed: while the workstation is locked, or the workspace is not open
 * (in use elsewhere, damaged), they throw a {@link WorkspaceException} saying why, and nothing is recorded or
 * published.
 */
public interface SessionServices {
    /** True while a workspace is open (unlocked and opened without error). */
    boolean available();

    /**
     * Records a risk model run ({@code RISK_RUN} entry with the SHA-256 of the parameters), on disk when this
     * returns.
     *
     * @param parametersJson a JSON object
     * @param summaryJson    a JSON object (aggregate figures only, no case rows)
     * @return the run's id in the workspace
     */
    long recordRiskRun(String model, String parametersJson, String summaryJson, String bundleId)
            throws WorkspaceException;

    /**
     * Makes an export the user asked for, record-before-publish ({@link ExportLog#publish}): {@code writer} writes
     * into a temporary file beside {@code target}; the export is recorded with the file's SHA-256 ({@code EXPORT}
     * entry, on disk); only then is the file moved to {@code target}. If it cannot be recorded nothing is left
     * behind.
     */
    <R, X extends Exception> R publishExport(Path target, String format, String bundleId,
                                             ExportLog.Writer<R, X> writer) throws WorkspaceException, IOException, X;
}
