/**
 * The officer's encrypted workspace (docs/workspace-and-audit.md): an H2 database encrypted with keys derived from
 * the officer's identity, opened and closed by {@link org.epiflow.data.workspace.Workspace}, with one store per
 * concept — {@link org.epiflow.data.workspace.BundleCatalogue}, {@link org.epiflow.data.workspace.DatasetCache},
 * {@link org.epiflow.data.workspace.SavedViews}, {@link org.epiflow.data.workspace.RiskRunLog},
 * {@link org.epiflow.data.workspace.ExportLog}, {@link org.epiflow.data.workspace.CaseTableStore},
 * {@link org.epiflow.data.workspace.WorkspaceSettings}, {@link org.epiflow.data.workspace.SessionStateStore} —
 * sharing one transaction helper. Every record carries a MAC bound to its table, row and version and is checked on
 * every read; damage is reported ({@link org.epiflow.data.workspace.Damage}), never silently accepted; every
 * database failure becomes a {@link org.epiflow.data.workspace.WorkspaceException} with words for the officer.
 * Encrypted backups ({@link org.epiflow.data.workspace.WorkspaceBackups}) and restore
 * ({@link org.epiflow.data.workspace.WorkspaceRestore}); the full check
 * ({@link org.epiflow.data.workspace.WorkspaceCheck}); the audited bundle opener shared by the app and the command
 * line ({@link org.epiflow.data.workspace.AuditedBundleOpener}).
 */
package org.epiflow.data.workspace;
