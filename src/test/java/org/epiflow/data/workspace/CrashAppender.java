package org.epiflow.data.workspace;

import org.epiflow.bundle.TestDatasets;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.age.AgeIdentityFile;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.model.AggregateDataset;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Child process of {@link CrashSafetyTest}: opens the workspace, prints READY, then writes for ever — single
 * appends, multi-entry transactions, cache writes with a BLOB — until it is killed.
 * Arguments: workspace folder, unencrypted identity file.
 */
public final class CrashAppender {
    private CrashAppender() {
    }

    public static void main(String[] args) throws Exception {
        AggregateDataset data = TestDatasets.dataset(20, 10, LocalDate.of(2099, 12, 31), 1);
        try (AgeIdentity id = AgeIdentityFile.readUnencrypted(Path.of(args[1]));
             Workspace ws = Workspace.open(Path.of(args[0]), id,
                     Workspace.OpenOptions.defaults().withPurpose("crash test"))) {
            System.out.println("READY " + ws.audit().size());
            System.out.flush();
            for (long i = 0; ; i++) {
                if (i % 50 == 7) {
                    ws.cacheDataset("fp-" + i, data);
                } else if (i % 10 == 3) {
                    ws.audit().appendAll(AuditKind.EXPORT, List.of(Map.of("i", i, "part", 1), Map.of("i", i, "part", 2),
                            Map.of("i", i, "part", 3)));
                } else if (i % 10 == 5) {
                    ws.saveView("view-" + (i % 7), "{\"i\":" + i + "}");
                } else {
                    ws.audit().append(AuditKind.RISK_RUN, Map.of("i", i, "padding", "x".repeat((int) (i % 200))));
                }
            }
        }
    }
}
