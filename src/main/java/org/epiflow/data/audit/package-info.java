/**
 * The hash-chained, MAC'd audit trail (docs/workspace-and-audit.md): {@link org.epiflow.data.audit.AuditLog} (append,
 * full and checkpointed verification), its on-disk {@link org.epiflow.data.audit.AuditJournal} (the point at which
 * an entry is acknowledged, and what brings entries back after damage or a restore), failed unlocks waiting to be
 * folded in ({@link org.epiflow.data.audit.PendingUnlockFailures}), and reports for supervisors
 * ({@link org.epiflow.data.audit.AuditReport}).
 */
package org.epiflow.data.audit;
