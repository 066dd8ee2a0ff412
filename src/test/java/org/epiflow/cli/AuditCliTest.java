package org.epiflow.cli;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.epiflow.bundle.BundleExpiredException;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.age.AgeIdentityFile;
import org.epiflow.data.audit.AuditReport;
import org.epiflow.data.workspace.Workspace;
import org.epiflow.data.workspace.WorkspaceTesting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epiflow.cli.CliHarness.run;
import static org.epiflow.cli.CliHarness.write;

/** {@code epiflow audit verify|export} through the real command line. */
class AuditCliTest {
    @TempDir
    Path dir;
    Path key;
    Path pass;
    Path ws;

    @BeforeEach
    void workspace() throws Exception {
        pass = write(dir, "officer.pass", "officer passphrase 密码\n");
        key = dir.resolve("officer.key");
        CliHarness.Run keygen = run("keygen", "officer", "--out", key.toString(), "--passphrase-file",
                pass.toString(), "--work-factor", "10");
        assertThat(keygen.exit()).as(keygen.err()).isZero();
        ws = dir.resolve("workspaces").resolve("mine");
        try (AgeIdentity id = AgeIdentityFile.read(key, "officer passphrase 密码".toCharArray());
             Workspace w = Workspace.open(ws, id)) {
            w.catalogue().recordRefused(dir.resolve("上海-2020.epiflow"), new BundleExpiredException(java.time.LocalDate.of(2020, 2, 1),
                    java.time.LocalDate.of(2024, 6, 1)));
            w.settings().setIdleLockMinutes(10);
        }
    }

    String[] args(String... extra) {
        List<String> all = new ArrayList<>(List.of(extra));
        all.addAll(List.of("--identity", key.toString(), "--passphrase-file", pass.toString(), "--workspace",
                ws.toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void verifyPrintsOkWithTheCount() {
        CliHarness.Run r = run(args("audit", "verify"));
        assertThat(r.exit()).as(r.err()).isZero();
        // created, opened, refusal, setting, the backup at close; then this verify's own unlock and open
        assertThat(r.out()).contains("Audit trail OK: 7 entries verified").contains("head: #7 ");
        CliHarness.Run again = run(args("audit", "verify"));
        assertThat(again.out()).contains("Audit trail OK: 9 entries verified");
    }

    @Test
    void tamperedTrailNamesTheFirstBadEntryAndFails() throws Exception {
        try (AgeIdentity id = AgeIdentityFile.read(key, "officer passphrase 密码".toCharArray());
             Connection c = WorkspaceTesting.rawConnection(ws, id); Statement s = c.createStatement()) {
            s.execute("UPDATE audit_log SET details = REPLACE(details, '上海', '北京') WHERE seq = 3");
            s.execute("SHUTDOWN");
        }
        CliHarness.Run r = run(args("audit", "verify"));
        assertThat(r.exit()).isEqualTo(ExitCodes.AUDIT_BAD);
        assertThat(r.err()).contains("first bad entry #3").contains("does not match its hash");
    }

    @Test
    void wrongPassphraseIsRecordedAndFoldedInAtTheNextUnlock() throws Exception {
        Path wrong = write(dir, "wrong.pass", "not it");
        CliHarness.Run bad = run("audit", "verify", "--identity", key.toString(), "--passphrase-file",
                wrong.toString(), "--workspace", ws.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("cannot unlock").contains("recorded");
        Path csv = dir.resolve("report.csv");
        CliHarness.Run export = run(args("audit", "export", "--out", csv.toString()));
        assertThat(export.exit()).as(export.err()).isZero();
        List<List<String>> rows = parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get(3)).isEqualTo("UNLOCK_FAILED");
            assertThat(row.get(4)).contains("wrong passphrase").contains("officer.key");
        });
    }

    @Test
    void csvReportParsesBack() throws Exception {
        Path csv = dir.resolve("audit.csv");
        CliHarness.Run r = run(args("audit", "export", "--out", csv.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote").contains("chain OK");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> rows = parseCsv(text);
        assertThat(rows.get(0)).containsExactlyElementsOf(AuditReport.CSV_COLUMNS);
        List<List<String>> entries = rows.subList(1, rows.size());
        assertThat(entries).hasSize(7);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).get(0)).isEqualTo(Integer.toString(i + 1));
            assertThat(entries.get(i).get(7)).isEqualTo("ok");
            assertThat(entries.get(i).get(6)).hasSize(64);
        }
        assertThat(entries).extracting(e -> e.get(3)).containsExactly("WORKSPACE_CREATED", "WORKSPACE_OPEN",
                "BUNDLE_REFUSED", "SETTING", "BACKUP", "UNLOCK", "WORKSPACE_OPEN");
        assertThat(entries.get(2).get(4)).contains("上海-2020.epiflow").contains("EXPIRY");
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).get(5)).isEqualTo(entries.get(i - 1).get(6));
        }
        // the export is in the trail with the report's SHA-256
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(csv)));
        Path again = dir.resolve("again.csv");
        assertThat(run(args("audit", "export", "--out", again.toString())).exit()).isZero();
        assertThat(Files.readString(again)).contains("\"\"sha256\"\":\"\"" + sha + "\"\"").contains("audit-csv");
    }

    @Test
    void pdfReportHasTheHeaderAndEntriesInChinese() throws Exception {
        Path pdf = dir.resolve("audit.pdf");
        CliHarness.Run r = run(args("audit", "export", "--out", pdf.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replace("\r", "").replace("\n", "");
            assertThat(text).contains("EpiFlow audit trail 审计记录").contains("Chain verification: OK: 7 entries")
                    .contains("WORKSPACE_CREATED").contains("BUNDLE_REFUSED").contains("上海-2020.epiflow")
                    .contains("2020-02-01").contains("#3");
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void usageErrors() {
        CliHarness.Run txt = run(args("audit", "export", "--out", dir.resolve("x.txt").toString()));
        assertThat(txt.exit()).isEqualTo(2);
        assertThat(txt.err()).contains(".csv or .pdf");
        CliHarness.Run none = run("audit", "verify", "--identity", key.toString(), "--passphrase-file",
                pass.toString(), "--workspace", dir.resolve("nowhere").toString());
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("There is no workspace");
        for (String[] cmd : new String[][] {{"audit", "--help"}, {"audit", "verify", "--help"},
                {"audit", "export", "--help"}, {"bench", "workspace", "--help"}}) {
            CliHarness.Run h = run(cmd);
            assertThat(h.exit()).as(String.join(" ", cmd)).isZero();
            assertThat(h.out()).contains("Usage:");
        }
    }

    /** RFC 4180 parser (quoted fields, doubled quotes, CRLF); strips a leading BOM. */
    static List<List<String>> parseCsv(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\r') {
                // CRLF: handled at \n
            } else if (c == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                f.append(c);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }
}
