package org.epiflow.data.workspace;

import org.epiflow.data.audit.AuditKind;
import org.epiflow.text.Message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Risk model runs: model, parameters and summary (JSON objects, aggregate figures only), with a {@code RISK_RUN} entry. */
public final class RiskRunLog {
    static final String TABLE = "risk_runs";
    private final Tx tx;

    RiskRunLog(Tx tx) {
        this.tx = tx;
    }

    /** A risk model run as stored. */
    public record RiskRunRecord(long id, String model, String parametersJson, String summaryJson, String bundleId,
                                Instant created, long version, byte[] mac) {
    }

    /**
     * Records a run (and a {@code RISK_RUN} entry with the SHA-256 of the parameters), on disk before this returns.
     * Returns its id. Fails (and the run must not be reported done) when the trail cannot record it.
     */
    public long record(String model, String parametersJson, String summaryJson, String bundleId)
            throws WorkspaceException {
        SavedViews.bundleIdOf(parametersJson);
        SavedViews.bundleIdOf(summaryJson);
        return tx.write(Message.of("data.store.riskRuns"), Tx.Durability.JOURNAL, () -> {
            RiskRunRecord r = new RiskRunRecord(tx.nextId(TABLE, "id"), model, parametersJson, summaryJson, bundleId,
                    tx.now(), 1, null);
            byte[] mac = macOf(tx.mac, r).mac();
            try (PreparedStatement ins = tx.connection.prepareStatement("INSERT INTO " + TABLE + " (id, model, "
                    + "parameters, summary, bundle_id, created, row_version, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ins.setLong(1, r.id());
                ins.setString(2, model);
                ins.setString(3, parametersJson);
                ins.setString(4, summaryJson);
                ins.setString(5, bundleId);
                ins.setObject(6, Tx.utc(r.created()));
                ins.setLong(7, 1);
                ins.setBytes(8, mac);
                ins.executeUpdate();
            }
            tx.digests.change(tx.connection, TABLE, null, mac);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("runId", r.id());
            d.put("model", model);
            d.put("bundleId", bundleId == null ? "" : bundleId);
            d.put("parametersSha256", sha256Hex(parametersJson));
            tx.audit.appendWithinTransaction(AuditKind.RISK_RUN, d);
            return r.id();
        });
    }

    /** The runs in order (damaged ones are reported and left out). */
    public List<RiskRunRecord> list() throws WorkspaceException {
        return tx.read(Message.of("data.store.riskRuns"), () -> tx.scan(Damage.Area.RISK_RUNS, TABLE,
                Message.of("data.list.riskRuns"), "SELECT id, model, parameters, summary, bundle_id, created, "
                        + "row_version, mac FROM " + TABLE + " ORDER BY id", rs -> {
                    RiskRunRecord r = new RiskRunRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), Tx.instant(rs, "created"), rs.getLong(7),
                            rs.getBytes(8));
                    return new Tx.Row<>(r, "id" + r.id(), Message.of("data.item.riskRun", r.id(),
                            String.valueOf(r.model())), r.mac(), macOf(tx.mac, r).matches(r.mac()));
                }, r -> new Damage(Damage.Area.RISK_RUNS, r.key(), r.name(), Message.of("data.damage.record.effect"),
                        false)));
    }

    static RecordMac.Builder macOf(RecordMac mac, RiskRunRecord r) {
        return mac.of(TABLE, Long.toString(r.id()), r.version()).addAll(r.model(), r.parametersJson(),
                r.summaryJson(), r.bundleId(), r.created());
    }

    static byte[] macOfRow(RecordMac mac, ResultSet rs) throws SQLException {
        return macOf(mac, new RiskRunRecord(rs.getLong("id"), rs.getString("model"), rs.getString("parameters"),
                rs.getString("summary"), rs.getString("bundle_id"), Tx.instant(rs, "created"),
                rs.getLong("row_version"), null)).mac();
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
