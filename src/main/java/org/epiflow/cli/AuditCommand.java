package org.epiflow.cli;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.audit.AuditReport;
import org.epiflow.data.audit.AuditVerification;
import org.epiflow.data.workspace.ExportLog;
import org.epiflow.data.workspace.Workspace;
import org.epiflow.text.Message;
import org.epiflow.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

/** {@code epiflow audit verify|export}: check the workspace's audit trail, or write a report of it. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The audit trail of the officer's workspace (hash-chained, MAC'd).",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify the whole audit chain: prints OK with the entry count and head hash, or names the "
                    + "first bad entry and exits with " + ExitCodes.AUDIT_BAD + "."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Texts t = EpiflowCommand.texts(spec);
            try (AgeIdentity id = options.unlock(); Workspace ws = options.open(id, "audit verify")) {
                AuditVerification v = ws.audit().verify();
                if (v.ok()) {
                    out.println(t.get("cli.audit.ok", v.entries(), ws.officerKeyId()));
                    out.println(t.get("cli.audit.head", String.valueOf(v.headSeq()), v.headHashHex()));
                    return 0;
                }
                PrintWriter err = spec.commandLine().getErr();
                err.println(t.get("cli.audit.bad", String.valueOf(v.firstBadSeq()), v.problem()));
                err.println(t.get("cli.audit.badRead", v.entries(), ws.officerKeyId(), ws.directory()));
                err.println(t.get("cli.audit.badAdvice"));
                return ExitCodes.AUDIT_BAD;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a report of the audit trail for a supervisor: CSV (--out FILE.csv) or PDF "
                    + "(--out FILE.pdf). The export itself is recorded in the trail with the report's SHA-256.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Option(names = "--out", required = true, description = "the report file (.csv or .pdf)")
        Path out;

        @Override
        public Integer call() throws Exception {
            String format = AuditReport.formatOf(out);
            if (format == null) {
                throw new CliException(Message.of("cli.audit.outType", out), 2);
            }
            try (AgeIdentity id = options.unlock(); Workspace ws = options.open(id, "audit export")) {
                AuditVerification v = ws.audit().verify();
                AuditReport report = new AuditReport(ws.officerKeyId(), ws.directory().toString(),
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), v, ws.audit().entries());
                ExportLog.ExportRecord rec = ws.exports().publish(out, "audit-" + format, null, tmp -> {
                    report.write(tmp);
                    return null;
                }).record();
                Texts t = EpiflowCommand.texts(spec);
                spec.commandLine().getOut().println(t.get("cli.audit.wrote", out, report.entries().size(),
                        v.ok() ? t.get("cli.audit.chainOk") : t.get("cli.audit.chainBad",
                                String.valueOf(v.firstBadSeq())), rec.sha256()));
                return v.ok() ? 0 : ExitCodes.AUDIT_BAD;
            }
        }
    }
}
