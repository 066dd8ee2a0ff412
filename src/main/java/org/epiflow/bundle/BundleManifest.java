package org.epiflow.bundle;

import org.epiflow.text.Message;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code manifest.json}, the first entry of the decrypted payload: what the bundle contains and the terms of its use.
 *
 * @param format         always {@value #FORMAT}
 * @param formatVersion  always 1
 * @param bundleId       must equal the header's and the signed statement's id
 * @param issuer         the carrier
 * @param created        when it was sealed
 * @param period         the days covered
 * @param timeResolution {@code day}
 * @param geographyLevel e.g. {@code prefecture}
 * @param measures       e.g. {@code ["trips", "residents"]}
 * @param k              suppression threshold
 * @param roundingBase   counts are multiples of this (1: not rounded)
 * @param purpose        {@value #PURPOSE}
 * @param expires        last day of use
 * @param tables         the tables, with row counts and SHA-256 of their bytes
 */
public record BundleManifest(
        @JsonProperty(value = "format", required = true) String format,
        @JsonProperty(value = "formatVersion", required = true) int formatVersion,
        @JsonProperty(value = "bundleId", required = true) String bundleId,
        @JsonProperty(value = "issuer", required = true) String issuer,
        @JsonProperty(value = "created", required = true) Instant created,
        @JsonProperty(value = "period", required = true) PeriodJson period,
        @JsonProperty(value = "timeResolution", required = true) String timeResolution,
        @JsonProperty(value = "geographyLevel", required = true) String geographyLevel,
        @JsonProperty(value = "measures", required = true) List<String> measures,
        @JsonProperty(value = "k", required = true) int k,
        @JsonProperty(value = "roundingBase", required = true) int roundingBase,
        @JsonProperty(value = "purpose", required = true) String purpose,
        @JsonProperty(value = "expires", required = true) LocalDate expires,
        @JsonProperty(value = "tables", required = true) List<TableEntry> tables) {

    public static final String FORMAT = "epiflow-payload";
    public static final String PURPOSE = "epidemic-prevention";
    public static final String FILE_NAME = "manifest.json";

    /** The period as written in JSON. */
    public record PeriodJson(@JsonProperty(value = "start", required = true) LocalDate start,
                             @JsonProperty(value = "end", required = true) LocalDate end) {
    }

    /** One table of the payload. */
    public record TableEntry(@JsonProperty(value = "name", required = true) String name,
                             @JsonProperty(value = "columns", required = true) List<String> columns,
                             @JsonProperty(value = "rows", required = true) long rows,
                             @JsonProperty(value = "sha256", required = true) String sha256) {
    }

    public byte[] toJson() {
        try {
            return Json.MAPPER.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Json.ObjectOf SHAPE = Json.object(
            "format", Json.Scalar.STRING, "formatVersion", Json.Scalar.INTEGER, "bundleId", Json.Scalar.STRING,
            "issuer", Json.Scalar.STRING, "created", Json.Scalar.STRING,
            "period", Json.object("start", Json.Scalar.STRING, "end", Json.Scalar.STRING),
            "timeResolution", Json.Scalar.STRING, "geographyLevel", Json.Scalar.STRING,
            "measures", new Json.ArrayOf(Json.Scalar.STRING), "k", Json.Scalar.INTEGER,
            "roundingBase", Json.Scalar.INTEGER, "purpose", Json.Scalar.STRING, "expires", Json.Scalar.STRING,
            "tables", new Json.ArrayOf(Json.object("name", Json.Scalar.STRING,
                    "columns", new Json.ArrayOf(Json.Scalar.STRING), "rows", Json.Scalar.INTEGER,
                    "sha256", Json.Scalar.STRING)));

    /** Parses a manifest and checks its schema (not yet the tables, expiry or purpose). */
    public static BundleManifest parse(byte[] json, BundleLimits limits) throws BundleManifestException {
        BundleManifest m;
        try {
            m = Json.MAPPER.treeToValue(Json.read(json, SHAPE, FILE_NAME), BundleManifest.class);
        } catch (Json.Refused e) {
            throw new BundleManifestException(e.message(), e);
        } catch (IOException e) {
            throw new BundleManifestException(Message.of("bundle.manifest.schema", Json.reason(e)), e);
        }
        m.checkSchema(limits);
        return m;
    }

    /** Largest k and rounding base a manifest may declare. */
    public static final int MAX_K = 1_000_000;

    private void checkSchema(BundleLimits limits) throws BundleManifestException {
        require(FORMAT.equals(format), "bundle.manifest.format", FORMAT);
        require(formatVersion == 1, "bundle.manifest.version", formatVersion);
        require(BundleHeader.ID.matcher(bundleId).matches(), "bundle.manifest.id");
        require(!issuer.isBlank(), "bundle.manifest.issuer");
        require(!period.end().isBefore(period.start()), "bundle.manifest.period");
        long days = period.end().toEpochDay() - period.start().toEpochDay() + 1;
        require(days <= limits.maxDays(), "bundle.manifest.days", days, limits.maxDays());
        require("day".equals(timeResolution), "bundle.manifest.resolution", timeResolution);
        require(!geographyLevel.isBlank(), "bundle.manifest.geography");
        require(!measures.isEmpty(), "bundle.manifest.measures");
        require(k >= 1 && k <= MAX_K, "bundle.manifest.k", MAX_K);
        require(roundingBase >= 1 && roundingBase <= MAX_K, "bundle.manifest.rounding", MAX_K);
        require(!tables.isEmpty(), "bundle.manifest.tables");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (TableEntry t : tables) {
            require(seen.add(t.name()), "bundle.manifest.tableTwice", t.name());
            require(t.sha256().matches("[0-9a-f]{64}"), "bundle.manifest.tableSha", t.name());
            require(t.rows() >= 0 && t.rows() <= limits.maxRows(), "bundle.manifest.tableRows", t.name(), t.rows(),
                    limits.maxRows());
        }
        for (TableSpec spec : TableSpec.values()) {
            require(!spec.required() || seen.contains(spec.fileName()), "bundle.manifest.tableRequired",
                    spec.fileName());
        }
    }

    private static void require(boolean ok, String key, Object... args) throws BundleManifestException {
        if (!ok) {
            throw new BundleManifestException(key, args);
        }
    }

    /** The entry for a table, or null. */
    public TableEntry table(String name) {
        for (TableEntry t : tables) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
