package org.epiflow.data.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.epiflow.data.audit.AuditEntry;
import org.epiflow.text.Message;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The records that audit entries describe: after a restore (or a database that lost its last commits) the entries
 * come back from the journal, but the records they wrote — a saved view, an imported case table — do not; this
 * names them for the officer and for the {@code RESTORE} entry.
 */
final class WorkspaceRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkspaceRecords() {
    }

    /** The records written by these entries, in order (cache entries are left out: they are rebuilt). */
    static List<Message> writtenBy(List<AuditEntry> entries) {
        List<Message> out = new ArrayList<>();
        for (AuditEntry e : entries) {
            JsonNode d;
            try {
                d = JSON.readTree(e.details());
            } catch (IOException x) {
                continue;
            }
            Message m = switch (e.kind()) {
                case "VIEW_SAVED" -> Message.of("data.item.view", d.path("name").asText(""));
                case "VIEW_DELETED" -> Message.of("data.item.viewDeleted", d.path("name").asText(""));
                case "CASE_IMPORT" -> Message.of("data.item.caseTable", d.path("name").asText(""));
                case "RISK_RUN" -> Message.of("data.item.riskRun", d.path("runId").asLong(), d.path("model").asText(""));
                case "EXPORT" -> Message.of("data.item.export", d.path("file").asText(""));
                case "SETTING" -> Message.of("data.item.settingValue", d.path("name").asText(""),
                        d.path("value").asText(""));
                case "BUNDLE_OPEN" -> Message.of("data.item.bundle", d.path("bundleId").asText(""));
                default -> null;
            };
            if (m != null && !out.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }
}
