package org.epiflow.ui.risk;

import java.util.Optional;

/**
 * Where imported case tables are kept so that they come back after a lock or a restart: the workspace's encrypted
 * case-table store ({@code Workspace.caseTables()}). Called off the UI thread.
 */
public interface CaseTableKeeper {
    /** Keeps the CSV as imported (the same content kept before gives the same id); returns its id. */
    long keep(String source, byte[] csv) throws Exception;

    /** The CSV kept under {@code id}, if it is there and intact (the caller wipes it). */
    Optional<byte[]> content(long id) throws Exception;
}
