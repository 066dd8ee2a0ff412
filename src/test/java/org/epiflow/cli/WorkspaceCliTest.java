package org.epiflow.cli;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.age.AgeIdentityFile;
import org.epiflow.data.audit.AuditEntry;
import org.epiflow.data.workspace.LockHolder;
import org.epiflow.data.workspace.Workspace;
import org.epiflow.ui.UiFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epiflow.cli.CliHarness.run;
import static org.epiflow.cli.CliHarness.write;

/**
 * Fail-closed recording and the workspace commands through the real command line: with the workspace open in
 * another EpiFlow window (a real second process) or damaged, export, risk and inspect are refused and leave no file;
 * {@code epiflow workspace backups|restore|check}.
 */
class WorkspaceCliTest {
    @TempDir
    Path dir;
    UiFixtures fx;
    Path pass;
    Path ws;
    String keyId;

    @BeforeEach
    void setUp() throws Exception {
        fx = UiFixtures.create(dir);
        pass = write(dir, "officer.pass", UiFixtures.PASSPHRASE + "\n");
        try (AgeIdentity id = AgeIdentityFile.read(fx.identity, UiFixtures.PASSPHRASE.toCharArray())) {
            keyId = id.keyId();
            ws = Workspace.defaultDirectory(id);
        }
    }

    CliHarness.Run export(Path out) {
        return run("export", "--bundle", fx.bundle.toString(), "--identity", fx.identity.toString(), "--trust",
                fx.trustStore.toString(), "--passphrase-file", pass.toString(), "--date", "2020-01-12", "--format",
                "csv", "--table", "flows", "--out", out.toString());
    }

    String[] officer(String... cmd) {
        List<String> a = new ArrayList<>(Arrays.asList(cmd));
        a.addAll(List.of("--identity", fx.identity.toString(), "--passphrase-file", pass.toString()));
        return a.toArray(String[]::new);
    }

    List<String> leftovers(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @Test
    void whileAnotherWindowHasTheWorkspaceNothingIsDoneAndNoFileIsLeft() throws Exception {
        Path out = dir.resolve("flows.csv");
        assertThat(export(out).exit()).isZero();
        Files.delete(out);
        Process window = LockHolder.start(ws, fx.identity, UiFixtures.PASSPHRASE, "window");
        try {
            CliHarness.Run r = export(out);
            assertThat(r.exit()).isEqualTo(ExitCodes.WORKSPACE_IN_USE);
            assertThat(r.err()).contains("not done: The workspace is open in another EpiFlow window (process "
                    + window.pid() + ", since").contains("Close EpiFlow there");
            assertThat(out).doesNotExist();
            assertThat(leftovers(dir)).isEmpty();
            CliHarness.Run inspect = run("inspect", fx.bundle.toString(), "--identity", fx.identity.toString(),
                    "--trust", fx.trustStore.toString(), "--passphrase-file", pass.toString());
            assertThat(inspect.exit()).isEqualTo(ExitCodes.WORKSPACE_IN_USE);
            assertThat(inspect.out()).isEmpty();
            Path risk = dir.resolve("risk.csv");
            Path cases = write(dir, "cases.csv", "date,region,cases\n2020-01-12,420100,30\n");
            CliHarness.Run r2 = run("risk", "--bundle", fx.bundle.toString(), "--identity", fx.identity.toString(),
                    "--trust", fx.trustStore.toString(), "--passphrase-file", pass.toString(), "--model",
                    "importation", "--cases", cases.toString(), "--out", risk.toString());
            assertThat(r2.exit()).as(r2.err()).isEqualTo(ExitCodes.WORKSPACE_IN_USE);
            assertThat(risk).doesNotExist();
        } finally {
            LockHolder.stop(window);
        }
        CliHarness.Run ok = export(out);
        assertThat(ok.exit()).as(ok.err()).isZero();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out)));
        try (AgeIdentity id = AgeIdentityFile.read(fx.identity, UiFixtures.PASSPHRASE.toCharArray());
             Workspace w = Workspace.open(ws, id)) {
            assertThat(w.audit().entries()).filteredOn(e -> e.kind().equals("EXPORT"))
                    .extracting(AuditEntry::details).anySatisfy(d -> assertThat(d).contains(sha));
        }
    }

    @Test
    void anotherCommandIsNamedAsSuch() throws Exception {
        Process cmd = LockHolder.start(ws, fx.identity, UiFixtures.PASSPHRASE, "export");
        try {
            CliHarness.Run r = run(officer("audit", "verify"));
            assertThat(r.exit()).isEqualTo(ExitCodes.WORKSPACE_IN_USE);
            assertThat(r.err()).contains("in use by another EpiFlow command (\"epiflow export\", process "
                    + cmd.pid());
        } finally {
            LockHolder.stop(cmd);
        }
    }

    @Test
    void aDamagedWorkspaceRefusesExportsUntilRestored() throws Exception {
        Path out = dir.resolve("flows.csv");
        assertThat(export(out).exit()).isZero();
        Files.delete(out);
        Files.write(ws.resolve("workspace.mv.db"), new byte[8192]);
        CliHarness.Run r = export(out);
        assertThat(r.exit()).isEqualTo(ExitCodes.WORKSPACE_DAMAGED);
        assertThat(r.err()).contains("is damaged").contains("epiflow workspace restore --latest")
                .doesNotContain("MVStore").doesNotContain("[9");
        assertThat(out).doesNotExist();
        assertThat(leftovers(dir)).isEmpty();

        CliHarness.Run list = run(officer("workspace", "backups"));
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("Backups of the workspace of officer " + keyId).contains("ok")
                .contains("#");
        CliHarness.Run restore = run(officer("workspace", "restore", "--latest"));
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored backup").contains("brought back from the journal")
                .contains("The replaced database is kept as").contains("Audit head now: #");
        CliHarness.Run check = run(officer("workspace", "check"));
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.out()).contains("Workspace check OK");
        assertThat(export(out).exit()).isZero();
        assertThat(run(officer("workspace", "restore")).exit()).as("--latest or --backup").isEqualTo(2);
    }

    @Test
    void checkNamesDamageAndExitsSeven() throws Exception {
        assertThat(export(dir.resolve("flows.csv")).exit()).isZero();
        try (AgeIdentity id = AgeIdentityFile.read(fx.identity, UiFixtures.PASSPHRASE.toCharArray());
             Workspace w = Workspace.open(ws, id)) {
            w.views().save("brief", "{}");
        }
        try (AgeIdentity id = AgeIdentityFile.read(fx.identity, UiFixtures.PASSPHRASE.toCharArray());
             var c = org.epiflow.data.workspace.WorkspaceTesting.rawConnection(ws, id);
             var s = c.createStatement()) {
            s.execute("UPDATE saved_views SET definition = '{\"x\":1}'");
            s.execute("SHUTDOWN");
        }
        CliHarness.Run check = run(officer("workspace", "check"));
        assertThat(check.exit()).isEqualTo(ExitCodes.WORKSPACE_DAMAGED);
        assertThat(check.err()).contains("saved view \u201cbrief\u201d: it is damaged")
                .contains("epiflow workspace restore --latest");
    }
}
