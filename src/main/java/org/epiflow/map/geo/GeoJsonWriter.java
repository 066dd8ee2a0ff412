package org.epiflow.map.geo;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes compact GeoJSON FeatureCollections (one feature per line, coordinates with at most {@code dp} decimals,
 * trailing zeros dropped) of polygonal or linear features. Used by the {@code maps/build} tool; also suitable for
 * saving imported boundaries.
 */
public final class GeoJsonWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoJsonWriter() {
    }

    /** Writes the features to {@code path} (UTF-8), overwriting it. */
    public static void write(Path path, List<Feature> fs, int dp) throws IOException {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (int i = 0; i < fs.size(); i++) {
            Feature f = fs.get(i);
            sb.append("{\"type\":\"Feature\",\"properties\":").append(JSON.writeValueAsString(f.properties()))
                    .append(",\"geometry\":");
            geom(sb, f.geometry(), dp);
            sb.append(i + 1 < fs.size() ? "},\n" : "}\n");
        }
        sb.append("]}\n");
        Files.writeString(path, sb.toString(), StandardCharsets.UTF_8);
    }

    private static void geom(StringBuilder sb, Geometry g, int dp) {
        if (g instanceof Polygon p) {
            sb.append("{\"type\":\"Polygon\",\"coordinates\":");
            poly(sb, p, dp);
            sb.append('}');
        } else if (g instanceof LineString l) {
            sb.append("{\"type\":\"LineString\",\"coordinates\":");
            line(sb, l, dp);
            sb.append('}');
        } else {
            boolean polys = g.getDimension() == 2;
            sb.append(polys ? "{\"type\":\"MultiPolygon\",\"coordinates\":[" : "{\"type\":\"MultiLineString\",\"coordinates\":[");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                if (polys) {
                    poly(sb, (Polygon) g.getGeometryN(i), dp);
                } else {
                    line(sb, (LineString) g.getGeometryN(i), dp);
                }
            }
            sb.append("]}");
        }
    }

    private static void poly(StringBuilder sb, Polygon p, int dp) {
        sb.append('[');
        line(sb, p.getExteriorRing(), dp);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            sb.append(',');
            line(sb, p.getInteriorRingN(i), dp);
        }
        sb.append(']');
    }

    private static void line(StringBuilder sb, LineString l, int dp) {
        sb.append('[');
        for (int i = 0; i < l.getNumPoints(); i++) {
            Coordinate c = l.getCoordinateN(i);
            sb.append(i > 0 ? ",[" : "[").append(fmt(c.x, dp)).append(',').append(fmt(c.y, dp)).append(']');
        }
        sb.append(']');
    }

    static String fmt(double v, int dp) {
        return new BigDecimal(v).setScale(dp, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
