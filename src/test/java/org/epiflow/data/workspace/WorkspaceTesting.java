package org.epiflow.data.workspace;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.data.audit.AuditKind;
import org.epiflow.data.audit.AuditLog;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.Map;

/** Test-only access to a workspace's raw database (the tamper tests' "attacker with the key"). */
public final class WorkspaceTesting {
    private WorkspaceTesting() {
    }

    /** A raw JDBC connection to a closed workspace, opened with the right key. The caller closes it. */
    public static Connection rawConnection(Path dir, AgeIdentity identity) throws Exception {
        WorkspaceMeta meta = WorkspaceMeta.read(dir.toAbsolutePath());
        try (WorkspaceKeys keys = WorkspaceKeys.derive(identity, meta.salt())) {
            return WorkspaceOpening.connect(dir.toAbsolutePath(), keys, true);
        }
    }

    /** An audit log over a raw connection, with the workspace's real MAC key (to forge "valid" entries). */
    public static AuditLog rawAudit(Connection c, Path dir, AgeIdentity identity) throws Exception {
        WorkspaceMeta meta = WorkspaceMeta.read(dir.toAbsolutePath());
        try (WorkspaceKeys keys = WorkspaceKeys.derive(identity, meta.salt())) {
            return AuditLog.attach(c, identity.keyId(), keys.auditMacKey(), Clock.systemUTC());
        }
    }

    /**
     * Creates a workspace as an EpiFlow with only migrations 1..{@code version} would have (the fixture for migration
     * tests): key file, database, schema up to that version, a catalogue row and two audit entries.
     */
    public static void createAtVersion(Path dir, AgeIdentity identity, int version) throws Exception {
        Path d = dir.toAbsolutePath();
        org.epiflow.data.AppDirectories.createOwnerOnly(d);
        byte[] salt = new byte[32];
        new java.security.SecureRandom().nextBytes(salt);
        byte[] check;
        try (WorkspaceKeys keys = WorkspaceKeys.derive(identity, salt)) {
            check = keys.keyCheck();
        }
        new WorkspaceMeta(WorkspaceMeta.FORMAT, identity.keyId(), salt, check, "2024-01-01T00:00:00Z")
                .write(d, WorkspaceMeta.FILE);
        try (WorkspaceKeys keys = WorkspaceKeys.derive(identity, salt);
             Connection c = WorkspaceOpening.connect(d, keys, false)) {
            Migrations.migrate(c, version, new RecordMac(keys.recordMacKey()));
            try (var s = c.createStatement()) {
                s.execute("INSERT INTO bundles (bundle_id, issuer, period_start, period_end, k, fingerprint, signer, "
                        + "expires, first_opened, last_opened) VALUES ('old-bundle', 'Old Carrier', DATE '2020-01-01', "
                        + "DATE '2020-01-31', 10, 'fp-old', 'abcd', DATE '2099-12-31', TIMESTAMP WITH TIME ZONE "
                        + "'2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00')");
            }
            AuditLog log = AuditLog.attach(c, identity.keyId(), keys.auditMacKey(), Clock.systemUTC());
            log.append(AuditKind.WORKSPACE_CREATED, Map.of("schemaVersion", version));
            log.append(AuditKind.BUNDLE_OPEN, Map.of("bundleId", "old-bundle"));
            try (var s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }

    /** The record MAC of a workspace (to forge "valid" rows in tamper tests). */
    static RecordMac recordMac(Path dir, AgeIdentity identity) throws Exception {
        WorkspaceMeta meta = WorkspaceMeta.read(dir.toAbsolutePath());
        try (WorkspaceKeys keys = WorkspaceKeys.derive(identity, meta.salt())) {
            return new RecordMac(keys.recordMacKey());
        }
    }

    public static int latestSchemaVersion() {
        return Migrations.LATEST;
    }
}
