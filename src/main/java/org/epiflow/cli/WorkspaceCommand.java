package org.epiflow.cli;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.audit.AuditEntry;
import org.epiflow.data.audit.AuditVerification;
import org.epiflow.data.workspace.Damage;
import org.epiflow.data.workspace.Workspace;
import org.epiflow.data.workspace.WorkspaceBackups;
import org.epiflow.data.workspace.WorkspaceCheck;
import org.epiflow.data.workspace.WorkspaceRestore;
import org.epiflow.text.Message;
import org.epiflow.text.Texts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code epiflow workspace backups|restore|check}: the officer's workspace backups, restoring one, and the full check
 * of every record and of the audit chain (docs/workspace-and-audit.md).
 */
@Command(name = "workspace", mixinStandardHelpOptions = true,
        description = "The officer's encrypted workspace: its backups, restoring one, checking everything in it.",
        subcommands = {WorkspaceCommand.Backups.class, WorkspaceCommand.Restore.class, WorkspaceCommand.Check.class})
final class WorkspaceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static final Texts TEXTS = Texts.inEnglish();

    static String words(Message m) {
        return TEXTS.format(m);
    }

    @Command(name = "backups", mixinStandardHelpOptions = true,
            description = "List the workspace's encrypted backups, newest first: id, date, size, the audit head each "
                    + "holds, and whether it verifies. Works also when the workspace itself cannot be opened.")
    static final class Backups implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (AgeIdentity id = options.unlock()) {
                Path dir = options.directory(id);
                List<WorkspaceBackups.BackupInfo> all = WorkspaceBackups.list(dir, id);
                out.println(words(Message.of("cli.workspace.backups.header", id.keyId(), dir.toString())));
                if (all.isEmpty()) {
                    out.println("  " + words(Message.of("cli.workspace.backups.none")));
                    return 0;
                }
                for (WorkspaceBackups.BackupInfo b : all) {
                    String state = !b.authentic() ? words(Message.of("cli.workspace.backups.damaged"))
                            : b.superseded() ? words(Message.of("cli.workspace.backups.superseded"))
                            : words(Message.of("cli.workspace.backups.ok"));
                    String head = b.authentic() ? "#" + b.auditHead().seq() + " "
                            + b.auditHead().hashHex().substring(0, 16) : "-";
                    out.printf(Locale.ROOT, "  %-20s  %tF %<tR  %9s  %-24s  %s%n", b.id(), Date.from(b.created()),
                            size(b.size()), head, state);
                }
                out.println(words(Message.of("cli.workspace.backups.hint")));
                return 0;
            }
        }
    }

    /** Exactly one of --latest and --backup. */
    static final class Which {
        @Option(names = "--latest", required = true, description = "the newest backup that verifies")
        boolean latest;

        @Option(names = "--backup", required = true, paramLabel = "ID", description = "the backup with this id "
                + "(see epiflow workspace backups)")
        String backup;
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Restore the workspace from a backup, after checking the backup in full (every record's "
                    + "MAC, every table, the whole audit chain). The database replaced is kept in the folder "
                    + "'damaged'; audit entries written after the backup come back from the journal; the trail "
                    + "records the restore and what the backup does not have."})
    static final class Restore implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (AgeIdentity id = options.unlock()) {
                WorkspaceRestore.Result result = WorkspaceRestore.restore(options.directory(id), id,
                        which.latest ? null : which.backup, options.openOptions("workspace restore"));
                try (Workspace ws = result.workspace()) {
                    WorkspaceRestore.Restored r = result.restored();
                    out.println(words(Message.of("cli.workspace.restore.done", r.backup().id(),
                            Date.from(r.backup().created()), r.backup().auditHead().seq())));
                    out.println(words(Message.of("cli.workspace.restore.recovered", r.recovered())));
                    if (r.lostFrom() > 0) {
                        out.println(words(r.lostTo() > 0
                                ? Message.of("cli.workspace.restore.lost", r.lostFrom(), r.lostTo())
                                : Message.of("cli.workspace.restore.lostUnknown", r.lostFrom())));
                    }
                    if (!r.notInWorkspace().isEmpty()) {
                        out.println(words(Message.of("cli.workspace.restore.notIn")));
                        r.notInWorkspace().forEach(m -> out.println("  - " + words(m)));
                    }
                    if (r.damagedKeptAs() != null) {
                        out.println(words(Message.of("cli.workspace.restore.kept", r.damagedKeptAs().toString())));
                    }
                    AuditEntry.Head h = ws.audit().head();
                    out.println(words(Message.of("cli.workspace.restore.head", h.seq(), h.hashHex())));
                }
                return 0;
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Read and verify every record of the workspace (MACs, table digests, cached copies) and "
                    + "the whole audit chain. Exits with " + ExitCodes.WORKSPACE_DAMAGED + " when anything is "
                    + "damaged, " + ExitCodes.AUDIT_BAD + " when only the audit chain fails."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (AgeIdentity id = options.unlock(); Workspace ws = options.open(id, "workspace check")) {
                WorkspaceCheck.Report r = ws.check();
                AuditVerification v = r.audit();
                List<Damage> damage = r.damage();
                boolean needsRestore = r.needsRestore().stream().anyMatch(d -> d.area() != Damage.Area.AUDIT_TRAIL);
                if (!needsRestore && v.ok()) {
                    for (Damage d : damage) {
                        out.println(words(Message.of("cli.workspace.check.item", d)));
                    }
                    out.println(words(Message.of("cli.workspace.check.ok", r.records(), v.entries(), v.headSeq(),
                            v.headHashHex())));
                    return 0;
                }
                PrintWriter err = spec.commandLine().getErr();
                err.println(words(Message.of("cli.workspace.check.bad", damage.size() + (v.ok() ? 0 : 1))));
                for (Damage d : damage) {
                    err.println(words(Message.of("cli.workspace.check.item", d)));
                }
                if (!v.ok()) {
                    err.println(words(Message.of("cli.workspace.check.audit", v.message())));
                }
                err.println(words(Message.of("cli.workspace.check.advice")));
                return needsRestore ? ExitCodes.WORKSPACE_DAMAGED : ExitCodes.AUDIT_BAD;
            }
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
