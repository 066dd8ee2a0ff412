package org.epiflow.data.workspace;

import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.TestDatasets;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.audit.AuditEntry;
import org.epiflow.data.audit.AuditJournal;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.model.AggregateDataset;
import org.epiflow.text.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Encrypted backups: written at close and at least daily, kept seven, checked in full before a restore. */
class BackupRestoreTest {
    @TempDir
    Path tmp;
    Path dir;
    AgeIdentity officer;
    AggregateDataset data = TestDatasets.dataset(5, 10, LocalDate.of(2099, 12, 31), 3);

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("ws");
        officer = AgeIdentity.generate();
    }

    @AfterEach
    void tearDown() {
        officer.close();
    }

    private void populate(Workspace ws, String suffix) throws Exception {
        OpenedBundle b = CacheTest.opened(tmp.resolve("b.epiflow"), "fp", data);
        CacheTest.cache(ws, b);
        ws.views().save("view " + suffix, "{\"bundle\":{\"id\":\"x\"},\"n\":\"" + suffix + "\"}");
        ws.riskRuns().record("importation", "{\"a\":1}", "{\"top\":3}", "b");
        ws.caseTables().importCsv("cases " + suffix, "cases.csv", "region,cases\n420100,5\n".getBytes(StandardCharsets.UTF_8));
        ws.settings().setIdleLockMinutes(7);
        ws.sessionState().save("desktop", 1, "{\"open\":[\"" + suffix + "\"]}");
    }

    @Test
    void aCleanCloseWritesAnEncryptedOwnerOnlyBackupThatRestoresEverything() throws Exception {
        AuditEntry.Head head;
        try (Workspace ws = Workspace.open(dir, officer)) {
            populate(ws, "one");
            head = ws.audit().head();
        }
        List<WorkspaceBackups.BackupInfo> list = WorkspaceBackups.list(dir, officer);
        assertThat(list).singleElement().satisfies(b -> {
            assertThat(b.authentic()).isTrue();
            assertThat(b.auditHead().seq()).isEqualTo(head.seq());
            assertThat(b.size()).isPositive();
        });
        Path file = list.get(0).file();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("view one").doesNotContain("cases one").doesNotContain("VIEW_SAVED");

        // the database is destroyed: the open says so, the restore brings everything back and records it
        Files.write(dir.resolve(Workspace.DB_FILE), new byte[4096 * 3]);
        assertThatThrownBy(() -> Workspace.open(dir, officer)).isInstanceOf(WorkspaceException.class)
                .satisfies(e -> assertThat(((WorkspaceException) e).restoreHelps()).isTrue());
        WorkspaceRestore.Result r = WorkspaceRestore.restore(dir, officer, null, Workspace.OpenOptions.defaults());
        try (Workspace ws = r.workspace()) {
            assertThat(r.restored().backup().id()).isEqualTo(list.get(0).id());
            assertThat(r.restored().damagedKeptAs()).exists();
            assertThat(ws.views().list()).extracting(SavedViews.StoredView::name).containsExactly("view one");
            assertThat(ws.caseTables().list()).extracting(CaseTableStore.CaseTable::name).containsExactly("cases one");
            assertThat(ws.riskRuns().list()).hasSize(1);
            assertThat(ws.settings().idleLockMinutes()).isEqualTo(7);
            assertThat(ws.sessionState().load("desktop").orElseThrow().json()).contains("one");
            assertThat(ws.catalogue().entries()).hasSize(1);
            assertThat(ws.cache().keys()).as("the cache is not backed up: rebuilt from the bundles").isEmpty();
            assertThat(ws.check().ok()).isTrue();
            List<AuditEntry> entries = ws.audit().entries();
            assertThat(entries).filteredOn(e -> e.kind().equals("RESTORE")).singleElement()
                    .satisfies(e -> assertThat(e.details()).contains(list.get(0).id())
                            .contains("\"backupHeadSeq\":" + head.seq()));
            assertThat(ws.audit().verify().ok()).isTrue();
        }
    }

    @Test
    void entriesAfterTheBackupComeBackFromTheJournalAndTheLostRecordsAreNamed() throws Exception {
        try (Workspace ws = Workspace.open(dir, officer)) {
            populate(ws, "one");
        }
        AuditEntry.Head acked;
        try (Workspace ws = Workspace.open(dir, officer, Workspace.OpenOptions.defaults().withBackupOnClose(null))) {
            ws.views().save("after the backup", "{}");
            ws.exports().record(Files.writeString(tmp.resolve("map.png"), "png"), "png", "b");
            acked = ws.audit().head();
        }
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve(Workspace.DB_FILE).toFile(), "rw")) {
            f.seek(0);
            f.write(new byte[(int) Math.min(f.length(), 64 * 1024)]);
        }
        WorkspaceRestore.Result r;
        try {
            Workspace.open(dir, officer).close();
            throw new AssertionError("a destroyed database must not open");
        } catch (WorkspaceException e) {
            assertThat(e.reason()).isEqualTo(WorkspaceException.Reason.CORRUPTED);
            assertThat(e.getMessage()).doesNotContain("MVStore").doesNotContain("[").doesNotContain("Exception");
        }
        r = WorkspaceRestore.restore(dir, officer, null, Workspace.OpenOptions.defaults());
        try (Workspace ws = r.workspace()) {
            assertThat(ws.audit().head().seq()).isGreaterThan(acked.seq());
            assertThat(ws.audit().entries().stream().filter(e -> e.seq() == acked.seq()).findFirst().orElseThrow()
                    .hashHex()).isEqualTo(acked.hashHex());
            assertThat(r.restored().recovered()).isGreaterThanOrEqualTo(3);
            assertThat(r.restored().notInWorkspace()).contains(Message.of("data.item.view", "after the backup"),
                    Message.of("data.item.export", "map.png"));
            assertThat(ws.views().list()).extracting(SavedViews.StoredView::name).containsExactly("view one");
            AuditEntry restore = ws.audit().entries().stream().filter(e -> e.kind().equals("RESTORE")).findFirst()
                    .orElseThrow();
            assertThat(restore.details()).contains("saved view \u201cafter the backup\u201d")
                    .contains("\"recoveredFromJournal\":");
            assertThat(ws.audit().verify().ok()).isTrue();
        }
    }

    @Test
    void aDamagedBackupIsRefusedAndNothingChanges() throws Exception {
        try (Workspace ws = Workspace.open(dir, officer)) {
            populate(ws, "one");
        }
        Path file = WorkspaceBackups.list(dir, officer).get(0).file();
        byte[] b = Files.readAllBytes(file);
        b[b.length - 100] ^= 1;
        Files.write(file, b);
        byte[] db = Files.readAllBytes(dir.resolve(Workspace.DB_FILE));
        assertThatThrownBy(() -> WorkspaceRestore.restore(dir, officer, null, Workspace.OpenOptions.defaults()))
                .isInstanceOf(WorkspaceException.class).hasMessageContaining("is damaged")
                .hasMessageContaining("nothing was changed");
        assertThat(Files.readAllBytes(dir.resolve(Workspace.DB_FILE))).isEqualTo(db);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("restore-"));
        }
        // a flipped header byte: listed as damaged
        b = Files.readAllBytes(file);
        b[40] ^= 1;
        Files.write(file, b);
        assertThat(WorkspaceBackups.list(dir, officer)).singleElement().satisfies(x -> assertThat(x.authentic()).isFalse());
    }

    @Test
    void keepsSevenAndBacksUpAtLeastDailyWhileOpen() throws Exception {
        MutableTestClock clock = new MutableTestClock(Instant.parse("2030-01-01T08:00:00Z"));
        Workspace.OpenOptions o = Workspace.OpenOptions.defaults().withClock(clock);
        for (int i = 0; i < 9; i++) {
            try (Workspace ws = Workspace.open(dir, officer, o)) {
                ws.audit().append(AuditKind.EXPORT, Map.of("i", i));
            }
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(WorkspaceBackups.list(dir, officer)).hasSize(WorkspaceBackups.KEEP);
        try (Workspace ws = Workspace.open(dir, officer, o.withBackupOnClose(null))) {
            assertThat(ws.backupIfOlderThan(Duration.ofDays(1))).as("the newest is a minute old").isEmpty();
            clock.advance(Duration.ofHours(25));
            assertThat(ws.backupIfOlderThan(Duration.ofDays(1))).hasValueSatisfying(w -> assertThat(w.ok()).isTrue());
            assertThat(ws.backups().newest().orElseThrow().created()).isEqualTo(clock.instant().truncatedTo(
                    java.time.temporal.ChronoUnit.MILLIS));
        }
        // the journal keeps only what the oldest kept backup lacks
        WorkspaceBackups.BackupInfo oldest = WorkspaceBackups.list(dir, officer).get(WorkspaceBackups.KEEP - 1);
        try (AuditJournal j = AuditJournal.open(dir.resolve(AuditJournal.FILE), journalKey(), officer.keyId(), true)) {
            assertThat(j.firstSeq()).isGreaterThan(oldest.auditHead().seq());
        }
    }

    @Test
    void aWorkspaceWithDamageIsNotBackedUpSoTheGoodBackupsStay() throws Exception {
        try (Workspace ws = Workspace.open(dir, officer)) {
            populate(ws, "one");
        }
        try (var c = WorkspaceTesting.rawConnection(dir, officer); var s = c.createStatement()) {
            s.execute("UPDATE saved_views SET definition = '{\"n\":\"changed\"}'");
            s.execute("SHUTDOWN");
        }
        int before = WorkspaceBackups.list(dir, officer).size();
        try (Workspace ws = Workspace.open(dir, officer)) {
            assertThatThrownBy(() -> ws.backups().write()).isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining("Not backed up").hasMessageContaining("saved views");
            assertThat(ws.damage()).isNotEmpty();
        }
        assertThat(WorkspaceBackups.list(dir, officer)).hasSize(before);
    }

    @Test
    void restoringAnOlderBackupSupersedesTheNewerOnes() throws Exception {
        try (Workspace ws = Workspace.open(dir, officer)) {
            populate(ws, "one");
        }
        Thread.sleep(5);
        try (Workspace ws = Workspace.open(dir, officer)) {
            ws.views().save("second", "{}");
        }
        List<WorkspaceBackups.BackupInfo> list = WorkspaceBackups.list(dir, officer);
        assertThat(list).hasSize(2);
        WorkspaceRestore.Result r = WorkspaceRestore.restore(dir, officer, list.get(1).id(),
                Workspace.OpenOptions.defaults().withBackupOnClose(null));
        try (Workspace ws = r.workspace()) {
            assertThat(r.restored().superseded()).containsExactly(list.get(0).id());
            assertThat(ws.views().list()).extracting(SavedViews.StoredView::name).contains("view one")
                    .doesNotContain("second");
        }
        try (Workspace ws = Workspace.open(dir, officer)) {
            assertThat(ws.backups().newest().orElseThrow().id()).isEqualTo(list.get(1).id());
        }
        assertThat(WorkspaceBackups.list(dir, officer)).anySatisfy(b -> assertThat(b.superseded()).isTrue());
    }

    private byte[] journalKey() throws Exception {
        WorkspaceMeta meta = WorkspaceMeta.read(dir);
        try (WorkspaceKeys k = WorkspaceKeys.derive(officer, meta.salt())) {
            return k.journalKey();
        }
    }

    /** A clock tests move forward. */
    static final class MutableTestClock extends Clock {
        private Instant now;

        MutableTestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
