package org.epiflow.data.audit;

/** What an audit entry records. Stored by name; never rename a constant (old entries keep their names). */
public enum AuditKind {
    /** The workspace was created. */
    WORKSPACE_CREATED,
    /** The workspace was opened (details: purpose, schema version, result of the audit check at open). */
    WORKSPACE_OPEN,
    /** The schema was migrated to a newer version. */
    MIGRATION,
    /** The officer's identity was unlocked. */
    UNLOCK,
    /** An attempt to unlock the identity failed (recorded before unlock, folded in at the next unlock). */
    UNLOCK_FAILED,
    /** A bundle passed every check and was opened. */
    BUNDLE_OPEN,
    /** A bundle was refused (details: the failed check and why). */
    BUNDLE_REFUSED,
    /** A risk model was run. */
    RISK_RUN,
    /** Something was exported (details: file name, format, SHA-256 of the exported file). */
    EXPORT,
    /** Cached data was purged (details: bundle, why). */
    PURGE,
    /** Aggregates of a bundle were cached in the workspace. */
    CACHE,
    /** A case table was imported. */
    CASE_IMPORT,
    /** A setting changed. */
    SETTING,
    /** The desktop locked itself (details: why — "manual", "idle" after N minutes, "quit"). */
    LOCK,
    /** A view was saved under a name (details: name, bundle; not the view's contents). */
    VIEW_SAVED,
    /** A saved view was deleted (details: view id, name). */
    VIEW_DELETED,
    /**
     * A bundle was opened whose id is already in the catalogue with other content or from another signer (details:
     * bundle id, this bundle's signer and payload hash, and those it conflicts with).
     */
    BUNDLE_CONFLICT,
    /** Damage was found while reading the workspace (details: which store, which item, what was done). */
    DAMAGE,
    /** A backup of the workspace was written (details: backup id, audit head, size). */
    BACKUP,
    /**
     * The workspace was restored from a backup (details: backup id and its audit head, entries brought back from
     * the journal, the records written after the backup that are not in it, what the damaged database reached).
     */
    RESTORE,
    /** An export was recorded but could not be moved into place, so it was not published (details: file, why). */
    EXPORT_ABORTED
}
