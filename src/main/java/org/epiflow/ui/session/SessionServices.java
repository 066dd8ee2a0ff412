package org.epiflow.ui.session;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * What other panels record in the officer's workspace and audit trail. Call from a background thread (the calls wait
 * for the workspace's own thread); they fail with {@link IllegalStateException} while the workstation is locked.
 */
public interface SessionServices {
    /** True while a workspace is open (unlocked and opened without error). */
    boolean available();

    /**
     * Records a risk model run ({@code RISK_RUN} entry with the SHA-256 of the parameters).
     *
     * @param parametersJson a JSON object
     * @param summaryJson    a JSON object (aggregate figures only, no case rows)
     * @return the run's id in the workspace
     */
    long recordRiskRun(String model, String parametersJson, String summaryJson, String bundleId)
            throws SQLException;

    /** Records an export the user made (the written file is hashed; {@code EXPORT} entry). */
    void recordExport(Path file, String format, String bundleId) throws SQLException, IOException;
}
