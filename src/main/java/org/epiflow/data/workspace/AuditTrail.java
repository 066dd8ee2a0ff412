package org.epiflow.data.workspace;

import org.epiflow.data.audit.AuditEntry;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.data.audit.AuditLog;
import org.epiflow.data.audit.AuditVerification;
import org.epiflow.text.Message;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The workspace's audit trail as the app and the command line use it: the {@link AuditLog} behind the workspace's
 * boundary, so that storage failures arrive as {@link WorkspaceException}s and every append is on disk (journal
 * forced) before it returns.
 */
public final class AuditTrail {
    private final Tx tx;

    AuditTrail(Tx tx) {
        this.tx = tx;
    }

    /** Appends one entry; acknowledged (on disk) when this returns. */
    public AuditEntry append(AuditKind kind, Map<String, ?> details) throws WorkspaceException {
        return tx.write(Message.of("data.store.audit"), Tx.Durability.JOURNAL,
                () -> tx.audit.appendWithinTransaction(kind, details));
    }

    /** Appends several entries of one kind in one transaction (all or none). */
    public List<AuditEntry> appendAll(AuditKind kind, List<? extends Map<String, ?>> details)
            throws WorkspaceException {
        return tx.write(Message.of("data.store.audit"), Tx.Durability.JOURNAL, () -> {
            List<AuditEntry> out = new java.util.ArrayList<>();
            for (Map<String, ?> d : details) {
                out.add(tx.audit.appendWithinTransaction(kind, d));
            }
            return out;
        });
    }

    /** Checks every entry (see {@link AuditLog#verify()}); damaged storage is a bad result, never an exception. */
    public AuditVerification verify() throws WorkspaceException {
        return tx.read(Message.of("data.store.audit"), tx.audit::verify);
    }

    /** Checks the entries since the last checkpoint (what every open does). */
    public AuditVerification verifySinceCheckpoint() throws WorkspaceException {
        return tx.read(Message.of("data.store.audit"), tx.audit::verifySinceCheckpoint);
    }

    /** Number of entries stored. */
    public long size() throws WorkspaceException {
        return tx.read(Message.of("data.store.audit"), tx.audit::size);
    }

    /** The head: last sequence number and hash (what to write down to anchor the trail). */
    public AuditEntry.Head head() throws WorkspaceException {
        return tx.read(Message.of("data.store.audit"), tx.audit::head);
    }

    /** Every entry in order (for reports; {@link #forEach} for very long trails). */
    public List<AuditEntry> entries() throws WorkspaceException {
        return tx.read(Message.of("data.store.audit"), tx.audit::entries);
    }

    public void forEach(Consumer<AuditEntry> action) throws WorkspaceException {
        tx.read(Message.of("data.store.audit"), () -> {
            tx.audit.forEach(action);
            return null;
        });
    }

    /** Whether one entry, on its own, is intact (its hash and MAC verify). */
    public boolean intact(AuditEntry e) {
        return tx.audit.intact(e);
    }

    /** The log itself (package use: backups, checks). */
    AuditLog log() {
        return tx.audit;
    }
}
