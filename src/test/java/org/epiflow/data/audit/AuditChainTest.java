package org.epiflow.data.audit;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.workspace.Workspace;
import org.epiflow.data.workspace.WorkspaceException;
import org.epiflow.data.workspace.WorkspaceTesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Edits, deletions, insertions and reorderings made through a raw connection with the right database key. */
class AuditChainTest {
    @TempDir
    Path tmp;
    Path dir;
    AgeIdentity officer;
    /** Entries 1..N after setUp: WORKSPACE_CREATED, WORKSPACE_OPEN, then RISK_RUN-like test entries. */
    long total;

    @BeforeEach
    void setUp() throws Exception {
        officer = AgeIdentity.generate();
        dir = tmp.resolve("ws");
        try (Workspace ws = Workspace.open(dir, officer)) {
            for (int i = 0; i < 8; i++) {
                ws.audit().append(AuditKind.EXPORT, Map.of("file", "map-" + i + ".png", "sha256", "ab".repeat(32)));
            }
            assertThat(ws.audit().verify().ok()).isTrue();
        }
        // the close wrote a backup, and its BACKUP entry
        try (Connection c = WorkspaceTesting.rawConnection(dir, officer);
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM audit_log")) {
            rs.next();
            total = rs.getLong(1);
            c.createStatement().execute("SHUTDOWN");
        }
    }

    @AfterEach
    void tearDown() {
        officer.close();
    }

    /** The full check after reopening (the open itself checks only since the last checkpoint). */
    AuditVerification reopen() throws Exception {
        try (Workspace ws = Workspace.open(dir, officer)) {
            return ws.audit().verify();
        }
    }

    void sql(String statement, Object... args) throws Exception {
        try (Connection c = WorkspaceTesting.rawConnection(dir, officer);
             PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }

    @Test
    void untouchedChainVerifiesAndOpenIsRecorded() throws Exception {
        AuditVerification v = reopen();
        assertThat(v.ok()).isTrue();
        // every entry so far, and this open's own
        assertThat(v.entries()).isEqualTo(total + 1);
        assertThat(v.headSeq()).isEqualTo(total + 1);
        assertThat(v.summary()).startsWith("OK: " + (total + 1) + " entries");
    }

    @Test
    void editedDetailsAreNamed() throws Exception {
        sql("UPDATE audit_log SET details = REPLACE(details, 'map-3', 'map-X') WHERE seq = 6");
        AuditVerification v = reopen();
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(6);
        assertThat(v.problemText()).contains("does not match its hash");
        assertThat(v.summary()).contains("#6");
    }

    @Test
    void editedTimeOrKindIsNamed() throws Exception {
        sql("UPDATE audit_log SET kind = 'PURGE' WHERE seq = 4");
        assertThat(reopen().firstBadSeq()).isEqualTo(4);
    }

    @Test
    void editWithRecomputedHashFailsTheMac() throws Exception {
        try (Connection c = WorkspaceTesting.rawConnection(dir, officer)) {
            byte[] prev;
            String time;
            try (var rs = c.createStatement().executeQuery("SELECT prev_hash, at FROM audit_log WHERE seq = 5")) {
                rs.next();
                prev = rs.getBytes(1);
                time = rs.getString(2);
            }
            String details = "{\"file\":\"innocent.png\",\"sha256\":\"00\"}";
            byte[] hash = AuditLog.hash(5, time, officer.keyId(), "EXPORT", details, prev);
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_log SET details = ?, kind = 'EXPORT', hash = ? "
                    + "WHERE seq = 5")) {
                ps.setString(1, details);
                ps.setBytes(2, hash);
                ps.executeUpdate();
            }
            c.createStatement().execute("SHUTDOWN");
        }
        AuditVerification v = reopen();
        assertThat(v.firstBadSeq()).isEqualTo(5);
        assertThat(v.problemText()).contains("MAC does not verify");
    }

    @Test
    void deletionInTheMiddleIsNamed() throws Exception {
        sql("DELETE FROM audit_log WHERE seq = 5");
        AuditVerification v = reopen();
        assertThat(v.firstBadSeq()).isEqualTo(5);
        assertThat(v.problemText()).contains("#5 is missing");
    }

    @Test
    void deletionAtTheEndIsBroughtBackFromTheJournalAndRecorded() throws Exception {
        try (Workspace ws = Workspace.open(dir, officer, Workspace.OpenOptions.defaults().withBackupOnClose(null))) {
            ws.audit().append(AuditKind.EXPORT, Map.of("file", "late-1.png"));
            ws.audit().append(AuditKind.EXPORT, Map.of("file", "late-2.png"));
        }
        sql("DELETE FROM audit_log WHERE seq >= ?", total + 2);
        try (Workspace ws = Workspace.open(dir, officer)) {
            assertThat(ws.openReport().recovery().entries()).isEqualTo(2);
            assertThat(ws.openReport().recovery().firstSeq()).isEqualTo(total + 2);
            assertThat(ws.audit().verify().ok()).isTrue();
            List<AuditEntry> all = ws.audit().entries();
            assertThat(all.get(all.size() - 1).details()).contains("\"recoveredFromJournal\":2");
            assertThat(all).filteredOn(e -> e.kind().equals("EXPORT") && e.details().contains("late-2.png")).hasSize(1);
        }
    }

    @Test
    void deletionAtTheEndBehindTheNewestBackupIsRefusedAtOpen() throws Exception {
        sql("DELETE FROM audit_log WHERE seq >= ?", total - 1);
        assertThatThrownBy(() -> Workspace.open(dir, officer)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("lost its last audit entries")
                .hasMessageContaining("ends at entry #" + (total - 2))
                .hasMessageContaining("epiflow workspace restore --latest");
    }

    @Test
    void deletionAtTheEndWithTheJournalAndBackupsGoneIsNamed() throws Exception {
        sql("DELETE FROM audit_log WHERE seq >= ?", total - 1);
        Files.delete(dir.resolve(AuditJournal.FILE));
        try (var s = Files.list(dir.resolve("backups"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        AuditVerification v = reopen();
        assertThat(v.firstBadSeq()).isEqualTo(total - 1);
        assertThat(v.problemText()).contains("#" + (total - 1) + " to #" + total + " are missing (deleted)");
    }

    @Test
    void deletingTheHeadRecordIsNamed() throws Exception {
        sql("DELETE FROM audit_head");
        AuditVerification v = reopen();
        assertThat(v.ok()).isFalse();
        assertThat(v.problemText()).contains("head record is missing");
    }

    @Test
    void insertionInTheMiddleIsNamed() throws Exception {
        try (Connection c = WorkspaceTesting.rawConnection(dir, officer); Statement s = c.createStatement()) {
            for (long seq = total; seq >= 5; seq--) {
                s.execute("UPDATE audit_log SET seq = " + (seq + 1) + " WHERE seq = " + seq);
            }
            s.execute("INSERT INTO audit_log SELECT 5, at, officer_key_id, kind, details, prev_hash, hash, mac "
                    + "FROM audit_log WHERE seq = 4");
            s.execute("SHUTDOWN");
        }
        AuditVerification v = reopen();
        assertThat(v.firstBadSeq()).isEqualTo(5);
        assertThat(v.ok()).isFalse();
    }

    @Test
    void insertionAtTheEndWithoutTheKeyIsNamed() throws Exception {
        try (Connection c = WorkspaceTesting.rawConnection(dir, officer)) {
            AuditLog forger = AuditLog.attach(c, officer.keyId(), new byte[32], Clock.systemUTC());
            forger.append(AuditKind.EXPORT, Map.of("file", "forged.csv"));
            c.createStatement().execute("SHUTDOWN");
        }
        AuditVerification v = reopen();
        assertThat(v.firstBadSeq()).isEqualTo(total + 1);
        assertThat(v.problemText()).contains("MAC");
    }

    @Test
    void rowAddedAfterTheHeadIsNamed() throws Exception {
        try (Connection c = WorkspaceTesting.rawConnection(dir, officer); Statement s = c.createStatement()) {
            // a genuine-looking entry copied to the end, head left alone
            s.execute("INSERT INTO audit_log SELECT " + (total + 1) + ", at, officer_key_id, kind, details, hash, "
                    + "hash, mac FROM audit_log WHERE seq = " + total);
            s.execute("SHUTDOWN");
        }
        AuditVerification v = reopen();
        assertThat(v.firstBadSeq()).isEqualTo(total + 1);
    }

    @Test
    void reorderingIsNamed() throws Exception {
        try (Connection c = WorkspaceTesting.rawConnection(dir, officer); Statement s = c.createStatement()) {
            s.execute("UPDATE audit_log SET seq = -1 WHERE seq = 4");
            s.execute("UPDATE audit_log SET seq = 4 WHERE seq = 5");
            s.execute("UPDATE audit_log SET seq = 5 WHERE seq = -1");
            s.execute("SHUTDOWN");
        }
        AuditVerification v = reopen();
        assertThat(v.firstBadSeq()).isEqualTo(4);
        assertThat(v.problemText()).contains("edited or reordered");
    }

    @Test
    void aBreakFoundByACheckStaysReportedAfterTheEvidenceIsRemoved() throws Exception {
        String original;
        try (Connection c = WorkspaceTesting.rawConnection(dir, officer);
             var rs = c.createStatement().executeQuery("SELECT details FROM audit_log WHERE seq = 3")) {
            rs.next();
            original = rs.getString(1);
        }
        sql("UPDATE audit_log SET details = '{}' WHERE seq = 3");
        try (Workspace ws = Workspace.open(dir, officer)) {
            var report = ws.check();
            assertThat(report.audit().firstBadSeq()).isEqualTo(3);
            List<AuditEntry> all = ws.audit().entries();
            assertThat(all).filteredOn(e -> e.kind().equals("DAMAGE")).singleElement()
                    .satisfies(e -> assertThat(e.details()).contains("\"auditCheck\":\"BAD\"")
                            .contains("\"firstBadSeq\":3"));
        }
        sql("UPDATE audit_log SET details = ? WHERE seq = 3", original);
        AuditVerification v = reopen();
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(3);
        assertThat(v.problemText()).contains("found the chain broken here");
    }

    @Test
    void theOpenChecksOnlySinceTheLastCheckpointButTheFullCheckSeesEverything() throws Exception {
        sql("UPDATE audit_log SET details = '{}' WHERE seq = 4");
        try (Workspace ws = Workspace.open(dir, officer)) {
            assertThat(ws.openReport().audit().full()).isFalse();
            assertThat(ws.openReport().audit().ok()).isTrue();
            assertThat(ws.audit().verify().firstBadSeq()).isEqualTo(4);
        }
    }

    @Test
    void aChangedCheckpointedEntryIsNamedAtOpen() throws Exception {
        sql("UPDATE audit_log SET details = '{}' WHERE seq = ?", total);
        try (Workspace ws = Workspace.open(dir, officer)) {
            assertThat(ws.openReport().audit().ok()).isFalse();
            assertThat(ws.openReport().audit().firstBadSeq()).isEqualTo(total);
        }
    }

    @Test
    void pendingUnlockFailuresAreFoldedIntoTheChainAtTheNextUnlock() throws Exception {
        Path idFile = tmp.resolve("officer.key");
        Files.writeString(idFile, "pretend this is an encrypted identity file");
        Path pendingDir = Workspace.pendingDirectory(dir);
        PendingUnlockFailures pending = new PendingUnlockFailures(pendingDir);
        pending.record(idFile, "wrong passphrase");
        pending.record(idFile, "wrong passphrase");
        Files.writeString(pending.fileFor(idFile), "{\"time\":\"torn", java.nio.file.StandardOpenOption.APPEND);
        Path other = tmp.resolve("other.key");
        Files.writeString(other, "another officer's file");
        pending.record(other, "wrong passphrase");
        assertThat(pending.pending(idFile)).hasSize(2);
        assertThat(pending.fileFor(idFile).getFileName().toString()).matches("[0-9a-f]{32}\\.pending");
        try (Workspace ws = Workspace.open(dir, officer, Workspace.OpenOptions.defaults().withIdentityFile(idFile))) {
            assertThat(ws.openReport().foldedUnlockFailures()).isEqualTo(2);
            List<AuditEntry> all = ws.audit().entries();
            assertThat(all).filteredOn(e -> e.kind().equals("UNLOCK_FAILED")).hasSize(2)
                    .allSatisfy(e -> assertThat(e.details()).contains("\"pending\":true").contains("officer.key")
                            .contains("wrong passphrase"));
            assertThat(all).filteredOn(e -> e.kind().equals("UNLOCK")).hasSize(1);
            assertThat(ws.audit().verify().ok()).isTrue();
        }
        assertThat(pending.pending(idFile)).isEmpty();
        assertThat(pending.pending(other)).hasSize(1);
    }

    @Test
    void canonicalJsonSortsKeys() {
        assertThat(AuditLog.json(Map.of("b", 1, "a", List.of("x"), "c", Map.of("z", 1, "y", 2))))
                .isEqualTo("{\"a\":[\"x\"],\"b\":1,\"c\":{\"y\":2,\"z\":1}}");
    }
}
