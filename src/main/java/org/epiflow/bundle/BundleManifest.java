package org.epiflow.bundle;

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

    /** Parses a manifest and checks its schema (not yet the tables, expiry or purpose). */
    public static BundleManifest parse(byte[] json, BundleLimits limits) throws BundleManifestException {
        BundleManifest m;
        try {
            m = Json.MAPPER.readValue(json, BundleManifest.class);
        } catch (IOException e) {
            throw new BundleManifestException("manifest.json does not follow the schema: " + Json.reason(e), e);
        }
        m.checkSchema(limits);
        return m;
    }

    private void checkSchema(BundleLimits limits) throws BundleManifestException {
        require(FORMAT.equals(format), "format must be '" + FORMAT + "'");
        require(formatVersion == 1, "formatVersion " + formatVersion + " is not supported (expected 1)");
        require(bundleId != null && BundleHeader.ID.matcher(bundleId).matches(), "bundleId is missing or invalid");
        require(issuer != null && !issuer.isBlank(), "issuer is missing");
        require(period.start() != null && period.end() != null && !period.end().isBefore(period.start()),
                "period must have a start not after its end");
        long days = period.end().toEpochDay() - period.start().toEpochDay() + 1;
        require(days <= limits.maxDays(), "period spans " + days + " days; at most " + limits.maxDays());
        require("day".equals(timeResolution), "timeResolution '" + timeResolution + "' is not supported ('day')");
        require(geographyLevel != null && !geographyLevel.isBlank(), "geographyLevel is missing");
        require(measures != null && !measures.isEmpty(), "measures are missing");
        require(k >= 1, "k must be at least 1");
        require(roundingBase >= 1, "roundingBase must be at least 1");
        require(purpose != null, "purpose is missing");
        require(tables != null && !tables.isEmpty(), "tables are missing");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (TableEntry t : tables) {
            require(t.name() != null && seen.add(t.name()), "table " + t.name() + " is listed twice");
            require(t.sha256() != null && t.sha256().matches("[0-9a-f]{64}"),
                    "table " + t.name() + " has no valid sha256 (64 lowercase hex digits)");
            require(t.rows() >= 0 && t.rows() <= limits.maxRows(),
                    "table " + t.name() + " declares " + t.rows() + " rows; at most " + limits.maxRows());
        }
        for (TableSpec spec : TableSpec.values()) {
            require(!spec.required() || seen.contains(spec.fileName()), "required table " + spec.fileName()
                    + " is not listed");
        }
    }

    private static void require(boolean ok, String message) throws BundleManifestException {
        if (!ok) {
            throw new BundleManifestException("manifest.json: " + message);
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
