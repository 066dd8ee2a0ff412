package org.epiflow.export;

import org.epiflow.bundle.OpenedBundle;
import org.epiflow.map.BasemapGeometry;
import org.epiflow.model.AggregateDataset;

import java.util.Objects;

/**
 * What every export of an opened bundle draws from: the verified tables, the basemap, and the traceability facts
 * (bundle id, issuer, short fingerprint, the exporting officer's key id).
 *
 * @param data         the bundle's aggregate tables
 * @param basemap      the projected basemap (may be null: no basemap, flows only)
 * @param bundleId     the bundle id
 * @param issuer       the issuing carrier
 * @param fingerprint  the bundle's short fingerprint
 * @param officerKeyId the officer's key id ({@code AgeIdentity.keyId()})
 */
public record ExportSource(AggregateDataset data, BasemapGeometry basemap, String bundleId, String issuer,
                           String fingerprint, String officerKeyId) {
    public ExportSource {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(bundleId, "bundleId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** From an opened bundle: id and issuer from the verified header, its fingerprint. */
    public static ExportSource of(OpenedBundle b, BasemapGeometry basemap, String officerKeyId) {
        return new ExportSource(b.data(), basemap, b.header().bundleId(), b.header().issuer(), b.fingerprint(),
                officerKeyId);
    }

    public int k() {
        return data.info().k();
    }
}
