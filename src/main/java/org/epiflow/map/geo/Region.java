package org.epiflow.map.geo;

import java.util.Objects;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * One administrative area: a GB/T 2260 code with its polygon(s).
 *
 * @param code       region code, e.g. {@code "110100"} (never blank)
 * @param nameZh     Chinese name, or {@code null}
 * @param nameEn     English name, or {@code null}
 * @param parentCode code of the enclosing unit (the province for a prefecture), or {@code null}
 * @param geometry   valid polygonal lon/lat geometry
 * @param labelPoint point inside the polygon for the label (pole of inaccessibility where available)
 * @param centroid   area centroid (may lie outside a concave polygon; use {@code labelPoint} for labels)
 */
public record Region(String code, String nameZh, String nameEn, String parentCode, Geometry geometry,
                     Point labelPoint, Point centroid) {

    public Region {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("region code is blank");
        }
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(labelPoint, "labelPoint");
        Objects.requireNonNull(centroid, "centroid");
    }

    /** Creates a region, computing its label point and centroid. */
    public static Region of(String code, String nameZh, String nameEn, String parentCode, Geometry geometry) {
        return new Region(code, nameZh, nameEn, parentCode, geometry, Labels.labelPoint(geometry),
                geometry.getCentroid());
    }

    /** Chinese name, else English name, else the code. */
    public String displayName() {
        return nameZh != null ? nameZh : nameEn != null ? nameEn : code;
    }
}
