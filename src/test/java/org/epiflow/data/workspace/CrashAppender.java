package org.epiflow.data.workspace;

import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.TestDatasets;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.age.AgeIdentityFile;
import org.epiflow.data.audit.AuditEntry;
import org.epiflow.data.audit.AuditJournal;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.model.AggregateDataset;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Child process of {@link CrashSafetyTest}: opens the workspace, prints {@code READY}, then goes round every write
 * path for ever — audit appends alone and in threes, saved views, cache entries (BLOBs), case tables, settings,
 * risk runs, exports (record-before-publish), the session document, catalogue opens, backups — until it is killed.
 * Before each write it prints {@code BEGIN <path>}; once the write has returned (acknowledged) it prints
 * {@code ACK <seq> <hash> <journal bytes>}, and for saved views and exports what was acknowledged.
 * Arguments: workspace folder, unencrypted identity file, export folder, first write path.
 */
public final class CrashAppender {
    /** The write paths, in the order they are taken. */
    static final List<String> PATHS = List.of("append", "appendAll", "view", "cache", "caseTable", "setting",
            "riskRun", "export", "session", "catalogue", "backup");

    private CrashAppender() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path exports = Path.of(args[2]);
        int first = Integer.parseInt(args[3]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        AggregateDataset data = TestDatasets.dataset(20, 10, LocalDate.of(2099, 12, 31), 1);
        try (AgeIdentity id = AgeIdentityFile.readUnencrypted(Path.of(args[1]));
             Workspace ws = Workspace.open(dir, id, Workspace.OpenOptions.command("crash test"))) {
            out.println("READY " + ws.audit().size());
            for (long i = first; ; i++) {
                String path = PATHS.get((int) (i % PATHS.size()));
                out.println("BEGIN " + path);
                String extra = "";
                switch (path) {
                    case "append" -> ws.audit().append(AuditKind.RISK_RUN, Map.of("i", i, "padding",
                            "x".repeat((int) (i % 200))));
                    case "appendAll" -> ws.audit().appendAll(AuditKind.EXPORT, List.of(Map.of("i", i, "part", 1),
                            Map.of("i", i, "part", 2), Map.of("i", i, "part", 3)));
                    case "view" -> {
                        String name = "view-" + (i % 5);
                        String json = "{\"i\":" + i + "}";
                        ws.views().save(name, json);
                        extra = "VIEW " + name + " " + json;
                    }
                    case "cache" -> {
                        OpenedBundle b = new OpenedBundle(dir.resolve("b.epiflow"), null, "0123456789abcdef",
                                "fp-" + (i % 3), data, ExportLog.sha256Hex(("p" + (i % 3)).getBytes()));
                        ws.catalogue().recordOpened(b, "file");
                        ws.cache().put(b);
                    }
                    case "caseTable" -> ws.caseTables().importCsv("cases-" + i, "cases.csv",
                            ("region,cases\n420100," + i + "\n").getBytes(StandardCharsets.UTF_8));
                    case "setting" -> ws.settings().set("crash_test", Long.toString(i));
                    case "riskRun" -> ws.riskRuns().record("importation", "{\"i\":" + i + "}", "{\"top\":1}", "b");
                    case "export" -> {
                        Path target = exports.resolve("export-" + i + ".csv");
                        long n = i;
                        ExportLog.Published<Void> p = ws.exports().publish(target, "csv", "b", tmp -> {
                            Files.writeString(tmp, "region,value\n420100," + n + "\n");
                            return null;
                        });
                        extra = "EXPORT " + target.getFileName() + " " + p.record().sha256();
                    }
                    case "session" -> ws.sessionState().save("desktop", 1, "{\"open\":[" + i + "]}");
                    case "catalogue" -> ws.catalogue().recordOpened(new OpenedBundle(dir.resolve("c-" + (i % 4)
                            + ".epiflow"), null, "0123456789abcdef", "fp-c" + (i % 4), data,
                            ExportLog.sha256Hex(("c" + (i % 4)).getBytes())), "file");
                    default -> ws.backups().write();
                }
                AuditEntry.Head h = ws.audit().head();
                if (!extra.isEmpty()) {
                    out.println(extra);
                }
                out.println("ACK " + h.seq() + " " + h.hashHex() + " " + Files.size(dir.resolve(AuditJournal.FILE)));
            }
        }
    }
}
