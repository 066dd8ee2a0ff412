package org.epiflow.data.workspace;

import org.epiflow.data.audit.AuditKind;
import org.epiflow.data.audit.AuditVerification;
import org.epiflow.text.Message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The full check ({@code epiflow workspace check}; the app runs it in the background after opening): reads every
 * record of every store through the store itself (so each MAC and each table digest is checked as it would be in
 * use), decodes every cached copy, and verifies the whole audit chain. A broken chain is written to the trail, so
 * that it stays reported even if the evidence is removed later.
 */
public final class WorkspaceCheck {
    private WorkspaceCheck() {
    }

    /**
     * What the check found.
     *
     * @param records every record read and checked
     * @param damage  the damage found (in this check and earlier in the session)
     * @param audit   the whole chain's verification
     */
    public record Report(long records, List<Damage> damage, AuditVerification audit) {
        public boolean ok() {
            return damage.isEmpty() && audit.ok();
        }

        /** Damage that the officer must act on (not rebuilt on its own). */
        public List<Damage> needsRestore() {
            return damage.stream().filter(d -> !d.rebuilt()).toList();
        }
    }

    static Report run(Workspace ws) throws WorkspaceException {
        long records = 0;
        List<BundleCatalogue.Entry> catalogue = ws.catalogue().entries();
        records += catalogue.size();
        for (BundleCatalogue.Key key : ws.cache().keys()) {
            records++;
            Optional<DatasetCache.Cached> c = ws.cache().get(key);
            c.ifPresent(x -> { });
        }
        records += ws.views().list().size();
        records += ws.riskRuns().list().size();
        records += ws.exports().list().size();
        for (CaseTableStore.CaseTable t : ws.caseTables().list()) {
            records++;
            ws.caseTables().content(t.id()).ifPresent(b -> java.util.Arrays.fill(b, (byte) 0));
        }
        records += ws.settings().get(WorkspaceSettings.IDLE_LOCK_MINUTES).isPresent() ? 1 : 0;
        records += ws.sessionState().load("desktop").isPresent() ? 1 : 0;
        AuditVerification audit = ws.audit().verify();
        if (!audit.ok()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("area", Damage.Area.AUDIT_TRAIL.name());
            d.put("auditCheck", "BAD");
            d.put("firstBadSeq", audit.firstBadSeq());
            d.put("problem", audit.problemText());
            try {
                ws.audit().append(AuditKind.DAMAGE, d);
            } catch (WorkspaceException e) {
                // reported to the caller anyway
            }
            ws.tx().report(new Damage(Damage.Area.AUDIT_TRAIL, "chain", Message.of("data.item.trail"),
                    Message.of("data.damage.trail.effect", audit.firstBadSeq(), audit.problem()), false));
        }
        return new Report(records, new ArrayList<>(ws.damage()), audit);
    }
}
