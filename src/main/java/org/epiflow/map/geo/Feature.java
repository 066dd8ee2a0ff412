package org.epiflow.map.geo;

import java.util.Map;
import java.util.Objects;

import org.locationtech.jts.geom.Geometry;

/**
 * A geometry with its attribute values, as read from GeoJSON or a Shapefile.
 *
 * @param geometry   longitude/latitude geometry (never {@code null})
 * @param properties attribute values by field name (unmodifiable; values are String, Number, Boolean or null)
 */
public record Feature(Geometry geometry, Map<String, Object> properties) {

    public Feature {
        Objects.requireNonNull(geometry, "geometry");
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(properties);
    }

    /** The property as trimmed text, or {@code null} when absent or blank; numbers lose a trailing ".0". */
    public String text(String name) {
        Object v = properties.get(name);
        if (v == null) {
            return null;
        }
        String s;
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            s = Long.toString(d.longValue());
        } else {
            s = v.toString().trim();
        }
        return s.isEmpty() ? null : s;
    }
}
