package org.epiflow.ui.risk;

/**
 * Told about every run that finished (not about cache hits): the hook the workspace uses to keep runs. Called on the
 * UI thread.
 */
@FunctionalInterface
public interface RiskRunListener {
    void runFinished(RiskRun run);
}
