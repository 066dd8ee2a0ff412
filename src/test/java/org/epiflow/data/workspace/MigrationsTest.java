package org.epiflow.data.workspace;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.audit.AuditEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationsTest {
    @TempDir
    Path tmp;

    @Test
    void fromEmptyAppliesEveryScriptInOrder() throws Exception {
        try (AgeIdentity officer = AgeIdentity.generate()) {
            Path dir = tmp.resolve("ws");
            try (Workspace ws = Workspace.open(dir, officer)) {
                assertThat(ws.schemaVersion()).isEqualTo(Migrations.LATEST);
                assertThat(ws.openReport().migrated()).containsExactlyElementsOf(Migrations.SCRIPTS);
            }
            try (Connection c = WorkspaceTesting.rawConnection(dir, officer)) {
                assertThat(versions(c)).containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, Migrations.LATEST).boxed().toList());
                assertThat(tables(c)).contains("BUNDLE_CATALOGUE", "SAVED_VIEWS", "RISK_RUNS", "EXPORTS", "SETTINGS",
                        "AUDIT_LOG", "AUDIT_HEAD", "DATASET_CACHE", "CASE_TABLES", "SCHEMA_VERSION", "RECORD_DIGESTS",
                        "AUDIT_CHECKPOINTS", "SESSION_STATE").doesNotContain("BUNDLES");
            }
        }
    }

    @Test
    void fromEveryEarlierVersionKeepsDataAndChain() throws Exception {
        for (int from = 1; from < Migrations.LATEST; from++) {
            try (AgeIdentity officer = AgeIdentity.generate()) {
                Path dir = tmp.resolve("ws-v" + from);
                WorkspaceTesting.createAtVersion(dir, officer, from);
                try (Connection c = WorkspaceTesting.rawConnection(dir, officer)) {
                    assertThat(versions(c)).hasSize(from);
                    if (from < 2) {
                        assertThat(tables(c)).doesNotContain("DATASET_CACHE");
                    }
                }
                try (Workspace ws = Workspace.open(dir, officer)) {
                    assertThat(ws.openReport().created()).isFalse();
                    assertThat(ws.openReport().audit().ok()).isTrue();
                    assertThat(ws.openReport().audit().entries()).isEqualTo(2);
                    assertThat(ws.openReport().migrated()).containsExactlyElementsOf(
                            Migrations.SCRIPTS.subList(from, Migrations.LATEST));
                    assertThat(ws.schemaVersion()).isEqualTo(Migrations.LATEST);
                    assertThat(ws.catalogue().entries()).singleElement().satisfies(e -> {
                        assertThat(e.bundleId()).isEqualTo("old-bundle");
                        assertThat(e.key().payloadSha256()).isEqualTo(BundleCatalogue.UNKNOWN_PAYLOAD);
                        assertThat(e.purgedAt()).isNull();
                    });
                    assertThat(ws.cache().keys()).isEmpty();
                    assertThat(ws.settings().idleLockMinutes()).isEqualTo(10);
                    assertThat(ws.check().ok()).as("every old row was sealed by the migration").isTrue();
                    assertThat(ws.audit().entries()).extracting(AuditEntry::kind)
                            .containsExactly("WORKSPACE_CREATED", "BUNDLE_OPEN", "MIGRATION", "WORKSPACE_OPEN");
                    assertThat(ws.audit().verify().ok()).isTrue();
                }
            }
        }
    }

    @Test
    void aNewerWorkspaceIsRefused() throws Exception {
        try (AgeIdentity officer = AgeIdentity.generate()) {
            Path dir = tmp.resolve("ws");
            Workspace.open(dir, officer).close();
            try (Connection c = WorkspaceTesting.rawConnection(dir, officer); Statement s = c.createStatement()) {
                s.execute("INSERT INTO schema_version VALUES (99, 'V99__future.sql', '" + "0".repeat(64)
                        + "', CURRENT_TIMESTAMP)");
            }
            assertThatThrownBy(() -> Workspace.open(dir, officer)).isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining("newer version of EpiFlow");
        }
    }

    @Test
    void everyScriptInTheFolderIsListedAndSplitsCleanly() throws Exception {
        URI folder = Migrations.class.getResource("migration/V1__initial.sql").toURI();
        List<String> onDisk;
        try (Stream<Path> s = Files.list(Path.of(folder).getParent())) {
            onDisk = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        assertThat(Migrations.SCRIPTS).containsExactlyElementsOf(onDisk);
        for (int v = 1; v <= Migrations.LATEST; v++) {
            assertThat(Migrations.SCRIPTS.get(v - 1)).startsWith("V" + v + "__");
            for (String st : Migrations.statements(Migrations.script(v))) {
                assertThat(st).doesNotContain(";").doesNotStartWith("--");
            }
        }
    }

    private static List<Integer> versions(Connection c) throws Exception {
        List<Integer> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    private static List<String> tables(Connection c) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
        }
        return out;
    }
}
