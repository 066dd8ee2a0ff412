package org.epiflow.data.workspace;

import org.epiflow.bundle.BundleCheck;
import org.epiflow.bundle.BundleExpiredException;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.TestDatasets;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.AppDirectories;
import org.epiflow.data.audit.AuditEntry;
import org.epiflow.model.AggregateDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceTest {
    @TempDir
    Path tmp;
    Path dir;
    AgeIdentity officer;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("workspaces").resolve("ws");
        officer = AgeIdentity.generate();
    }

    @AfterEach
    void tearDown() {
        officer.close();
    }

    @Test
    void createsOwnerOnlyEncryptedWorkspaceAndReopens() throws Exception {
        try (Workspace ws = Workspace.open(dir, officer)) {
            assertThat(ws.openReport().created()).isTrue();
            assertThat(ws.openReport().schemaVersion()).isEqualTo(Migrations.LATEST);
            assertThat(ws.openReport().audit().ok()).isTrue();
            assertThat(ws.officerKeyId()).isEqualTo(officer.keyId());
            ws.settings().setIdleLockMinutes(7);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                        .isEqualTo("rw-------");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("backups"))))
                .isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("audit.journal", "backups", "workspace.lock", "workspace.meta", "workspace.mv.db");
        }
        String meta = Files.readString(dir.resolve("workspace.meta"));
        assertThat(meta).contains("officerKeyId=" + officer.keyId()).contains("salt=").contains("keyCheck=");
        try (Workspace ws = Workspace.open(dir, officer)) {
            assertThat(ws.openReport().created()).isFalse();
            assertThat(ws.openReport().audit().ok()).isTrue();
            assertThat(ws.settings().idleLockMinutes()).isEqualTo(7);
            List<AuditEntry> entries = ws.audit().entries();
            assertThat(entries).extracting(AuditEntry::kind).containsExactly("WORKSPACE_CREATED", "WORKSPACE_OPEN",
                    "SETTING", "BACKUP", "WORKSPACE_OPEN");
        }
    }

    @Test
    void databaseIsNotReadableWithoutTheKey() throws Exception {
        try (Workspace ws = Workspace.open(dir, officer)) {
            ws.views().save("canary-view", "{\"layers\":[\"canary-layer-xyz\"]}");
        }
        byte[] raw = Files.readAllBytes(dir.resolve("workspace.mv.db"));
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("canary-layer-xyz").doesNotContain("SAVED_VIEWS").doesNotContain("H:2");
        for (Path f : List.of(dir.resolve("audit.journal"), WorkspaceBackupsTestAccess.newest(dir))) {
            String t = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertThat(t).as(f.toString()).doesNotContain("canary").doesNotContain("VIEW_SAVED");
        }
    }

    @Test
    void anotherOfficerCannotOpen() throws Exception {
        Workspace.open(dir, officer).close();
        try (AgeIdentity other = AgeIdentity.generate()) {
            assertThatThrownBy(() -> Workspace.open(dir, other))
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining("belongs to another officer")
                    .hasMessageContaining("cannot be decrypted")
                    .satisfies(e -> assertThat(((WorkspaceException) e).reason())
                            .isEqualTo(WorkspaceException.Reason.WRONG_IDENTITY));
        }
    }

    @Test
    void anotherOfficersKeyFileSwappedInIsRefusedByTheKeyCheck() throws Exception {
        Workspace.open(dir, officer).close();
        try (AgeIdentity other = AgeIdentity.generate()) {
            // an attacker rewrites the key file for the other officer, checksum and all: the key check refuses
            WorkspaceMeta meta = WorkspaceMeta.read(dir);
            new WorkspaceMeta(WorkspaceMeta.FORMAT, other.keyId(), meta.salt(), meta.keyCheck(), meta.created())
                    .write(dir, WorkspaceMeta.FILE);
            assertThatThrownBy(() -> Workspace.open(dir, other))
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining("cannot be decrypted with the identity unlocked");
        }
    }

    @Test
    void aHandEditedKeyFileIsDamagedNotAnotherOfficers() throws Exception {
        Workspace.open(dir, officer).close();
        try (AgeIdentity other = AgeIdentity.generate()) {
            Path meta = dir.resolve("workspace.meta");
            Files.writeString(meta, Files.readString(meta).replace(officer.keyId(), other.keyId()));
            assertThatThrownBy(() -> Workspace.open(dir, other))
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining("key file")
                    .hasMessageContaining("is damaged")
                    .satisfies(e -> assertThat(((WorkspaceException) e).reason())
                            .isEqualTo(WorkspaceException.Reason.CORRUPTED));
        }
    }

    @Test
    void secondOpenIsLocked() throws Exception {
        try (Workspace ws = Workspace.open(dir, officer)) {
            assertThatThrownBy(() -> Workspace.open(dir, officer))
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining("open in another EpiFlow window (process " + ProcessHandle.current().pid())
                    .satisfies(e -> assertThat(((WorkspaceException) e).reason())
                            .isEqualTo(WorkspaceException.Reason.LOCKED));
            assertThat(ws.audit().verify().ok()).isTrue();
        }
        Workspace.open(dir, officer).close();
    }

    @Test
    void damagedDatabaseSaysSoAndHowToRecover() throws Exception {
        try (Workspace ws = Workspace.open(dir, officer)) {
            ws.views().save("v", "{}");
        }
        Path db = dir.resolve("workspace.mv.db");
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            byte[] junk = new byte[(int) f.length()];
            new java.util.Random(1).nextBytes(junk);
            f.seek(0);
            f.write(junk);
        }
        assertThatThrownBy(() -> Workspace.open(dir, officer))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("damaged")
                .hasMessageContaining("backup")
                .satisfies(e -> assertThat(((WorkspaceException) e).reason())
                        .isEqualTo(WorkspaceException.Reason.CORRUPTED));
    }

    @Test
    void lostKeyFileIsReportedNotRecreated() throws Exception {
        Workspace.open(dir, officer).close();
        Files.delete(dir.resolve("workspace.meta"));
        assertThatThrownBy(() -> Workspace.open(dir, officer))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("lost its key file")
                .hasMessageContaining("epiflow workspace restore --latest");
        assertThat(dir.resolve("workspace.mv.db")).exists();
    }

    @Test
    void interruptedCreationStartsAgain() throws Exception {
        Workspace.open(dir, officer).close();
        Files.move(dir.resolve("workspace.meta"), dir.resolve("workspace.meta.new"));
        try (Workspace ws = Workspace.open(dir, officer)) {
            assertThat(ws.openReport().created()).isTrue();
            assertThat(ws.audit().verify().ok()).isTrue();
        }
    }

    @Test
    void missingWorkspaceIsNotCreatedWhenNotAsked() {
        assertThatThrownBy(() -> Workspace.open(dir, officer,
                Workspace.OpenOptions.defaults().withCreateIfMissing(false)))
                .isInstanceOf(WorkspaceException.class)
                .satisfies(e -> assertThat(((WorkspaceException) e).reason())
                        .isEqualTo(WorkspaceException.Reason.NOT_FOUND));
    }

    @Test
    void catalogueViewsRiskRunsExportsCaseTablesSettings() throws Exception {
        AggregateDataset data = TestDatasets.dataset(3, 10, LocalDate.of(2099, 12, 31), 7);
        OpenedBundle opened = new OpenedBundle(tmp.resolve("b.epiflow"), null, "0123456789abcdef", "fp-1", data);
        Path export = tmp.resolve("map.png");
        Files.write(export, new byte[] {1, 2, 3});
        try (Workspace ws = Workspace.open(dir, officer)) {
            ws.catalogue().recordOpened(opened, "file");
            ws.catalogue().recordOpened(opened, "file");
            ws.catalogue().recordRefused(tmp.resolve("old.epiflow"),
                    new BundleExpiredException(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 6, 1)));
            long view = ws.views().save("Wuhan outflow", "{\"layers\":[\"flows\"],\"extent\":[110,20,120,35]}");
            assertThat(ws.views().save("Wuhan outflow", "{\"layers\":[]}")).isEqualTo(view);
            long run = ws.riskRuns().record("gravity", "{\"beta\":0.3}", "{\"top\":\"420100\"}", TestDatasets.BUNDLE_ID);
            ExportLog.ExportRecord rec = ws.exports().record(export, "png", TestDatasets.BUNDLE_ID);
            long cases = ws.caseTables().importCsv("cases", "cases.csv",
                    "date,region,cases\n2020-01-10,420100,41\n2020-01-11,420100,50\n".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> ws.views().save("bad", "[1,2]")).isInstanceOf(IllegalArgumentException.class);

            assertThat(ws.catalogue().entries()).singleElement().satisfies(c -> {
                assertThat(c.bundleId()).isEqualTo(TestDatasets.BUNDLE_ID);
                assertThat(c.openCount()).isEqualTo(2);
                assertThat(c.k()).isEqualTo(10);
                assertThat(c.fingerprint()).isEqualTo("fp-1");
                assertThat(c.signer()).isEqualTo("0123456789abcdef");
            });
            assertThat(ws.views().list()).singleElement().satisfies(v -> assertThat(v.json()).isEqualTo("{\"layers\":[]}"));
            assertThat(ws.riskRuns().list()).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(run));
            assertThat(rec.sha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(new byte[] {1, 2, 3})));
            assertThat(ws.exports().list()).singleElement().satisfies(e -> assertThat(e.sha256()).isEqualTo(rec.sha256()));
            assertThat(ws.caseTables().list()).singleElement().satisfies(t -> {
                assertThat(t.columns()).containsExactly("date", "region", "cases");
                assertThat(t.rowCount()).isEqualTo(2);
            });
            assertThat(new String(ws.caseTables().content(cases).orElseThrow(), StandardCharsets.UTF_8)).contains("41");
            List<AuditEntry> entries = ws.audit().entries();
            assertThat(entries).extracting(AuditEntry::kind).contains("BUNDLE_OPEN", "BUNDLE_REFUSED", "RISK_RUN",
                    "EXPORT", "CASE_IMPORT");
            assertThat(entries).filteredOn(e -> e.kind().equals("EXPORT")).singleElement()
                    .satisfies(e -> assertThat(e.details()).contains(rec.sha256()));
            assertThat(entries).filteredOn(e -> e.kind().equals("BUNDLE_REFUSED")).singleElement()
                    .satisfies(e -> assertThat(e.details()).contains(BundleCheck.EXPIRY.name()).contains("2020-01-01"));
            assertThat(ws.audit().verify().ok()).isTrue();
            assertThat(ws.check().ok()).isTrue();
            assertThat(ws.damage()).isEmpty();
        }
    }

    @Test
    void keysDependOnIdentityAndSaltAndHkdfMatchesRfc5869() {
        HexFormat hex = HexFormat.of();
        // RFC 5869 test case 1
        byte[] okm = WorkspaceKeys.hkdf(hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                hex.parseHex("000102030405060708090a0b0c"), hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertThat(hex.formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                + "34007208d5b887185865");
        byte[] salt1 = new byte[32];
        byte[] salt2 = new byte[32];
        salt2[0] = 1;
        try (AgeIdentity other = AgeIdentity.generate();
             WorkspaceKeys a = WorkspaceKeys.derive(officer, salt1);
             WorkspaceKeys a2 = WorkspaceKeys.derive(officer, salt1);
             WorkspaceKeys b = WorkspaceKeys.derive(officer, salt2);
             WorkspaceKeys c = WorkspaceKeys.derive(other, salt1)) {
            assertThat(a.h2Password()).isEqualTo(a2.h2Password());
            assertThat(a.h2Password()).isNotEqualTo(b.h2Password());
            assertThat(a.h2Password()).isNotEqualTo(c.h2Password());
            assertThat(a.auditMacKey()).isNotEqualTo(b.auditMacKey());
            assertThat(new String(a.h2Password())).doesNotContain(hex.formatHex(a.auditMacKey()));
        }
    }

    @Test
    void defaultLocationHonoursTheHomeProperty() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("os.name", "Linux");
        p.setProperty("user.home", "/home/ana");
        assertThat(AppDirectories.dataHome(p, java.util.Map.of()))
                .isEqualTo(Path.of("/home/ana/.local/share/epiflow"));
        assertThat(AppDirectories.dataHome(p, java.util.Map.of("XDG_DATA_HOME", "/data")))
                .isEqualTo(Path.of("/data/epiflow"));
        p.setProperty("os.name", "Windows 11");
        assertThat(AppDirectories.dataHome(p, java.util.Map.of("APPDATA", "C:\\Users\\ana\\AppData\\Roaming")))
                .isEqualTo(Path.of("C:\\Users\\ana\\AppData\\Roaming").resolve("EpiFlow"));
        p.setProperty(AppDirectories.HOME_PROPERTY, tmp.toString());
        assertThat(AppDirectories.dataHome(p, java.util.Map.of())).isEqualTo(tmp.toAbsolutePath());
        assertThat(AppDirectories.workspaceOf(officer.keyId()).getFileName().toString()).isEqualTo(officer.keyId());
        assertThat(Workspace.pendingDirectory(dir)).isEqualTo(dir.toAbsolutePath().getParent().resolve("pending-unlocks"));
    }
}
