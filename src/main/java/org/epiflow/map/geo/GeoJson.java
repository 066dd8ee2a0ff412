package org.epiflow.map.geo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Minimal GeoJSON (RFC 7946) reader producing JTS geometries, based on Jackson. Strict about structure: anything
 * malformed raises {@link IllegalArgumentException} naming the feature index.
 */
public final class GeoJson {

    /** Shared factory for all lon/lat geometries (floating precision, SRID 4326). */
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GeoJson() {
    }

    /** Reads a JSON document (FeatureCollection, Feature or bare geometry) as a tree. */
    public static JsonNode readTree(InputStream in) throws IOException {
        return MAPPER.readTree(in);
    }

    /** Reads all features of a FeatureCollection (a single Feature or geometry gives a one-element list). */
    public static List<Feature> readFeatures(InputStream in) throws IOException {
        return features(readTree(in));
    }

    /** Converts a parsed FeatureCollection / Feature / geometry node to features; null geometries are skipped. */
    public static List<Feature> features(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a GeoJSON object");
        }
        String type = root.path("type").asText("");
        List<Feature> out = new ArrayList<>();
        switch (type) {
            case "FeatureCollection" -> {
                JsonNode fs = root.get("features");
                if (fs == null || !fs.isArray()) {
                    throw new IllegalArgumentException("FeatureCollection has no \"features\" array");
                }
                int i = 0;
                for (JsonNode f : fs) {
                    Feature feature = feature(f, i++);
                    if (feature != null) {
                        out.add(feature);
                    }
                }
            }
            case "Feature" -> {
                Feature feature = feature(root, 0);
                if (feature != null) {
                    out.add(feature);
                }
            }
            default -> out.add(new Feature(geometry(root), Map.of()));
        }
        return out;
    }

    private static Feature feature(JsonNode f, int index) {
        JsonNode g = f.get("geometry");
        if (g == null || g.isNull()) {
            return null;
        }
        Geometry geometry;
        try {
            geometry = geometry(g);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("feature #" + index + ": " + e.getMessage(), e);
        }
        Map<String, Object> props = new LinkedHashMap<>();
        JsonNode p = f.get("properties");
        if (p != null && p.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                props.put(e.getKey(), scalar(e.getValue()));
            }
        }
        return new Feature(geometry, props);
    }

    private static Object scalar(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.isIntegralNumber() ? (Object) v.asLong() : (Object) v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** Converts a GeoJSON geometry object. */
    public static Geometry geometry(JsonNode g) {
        String type = g.path("type").asText("");
        JsonNode c = g.get("coordinates");
        if (!type.equals("GeometryCollection") && (c == null || !c.isArray())) {
            throw new IllegalArgumentException(type + " without coordinates");
        }
        return switch (type) {
            case "Point" -> point(c);
            case "MultiPoint" -> FACTORY.createMultiPoint(each(c, GeoJson::point).toArray(Point[]::new));
            case "LineString" -> FACTORY.createLineString(coords(c));
            case "MultiLineString" -> FACTORY.createMultiLineString(
                    each(c, n -> FACTORY.createLineString(coords(n))).toArray(LineString[]::new));
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> FACTORY.createMultiPolygon(each(c, GeoJson::polygon).toArray(Polygon[]::new));
            case "GeometryCollection" -> FACTORY.createGeometryCollection(
                    each(g.path("geometries"), GeoJson::geometry).toArray(Geometry[]::new));
            default -> throw new IllegalArgumentException("unknown geometry type '" + type + "'");
        };
    }

    private static <T> List<T> each(JsonNode array, java.util.function.Function<JsonNode, T> f) {
        List<T> out = new ArrayList<>(array.size());
        for (JsonNode n : array) {
            out.add(f.apply(n));
        }
        return out;
    }

    private static Point point(JsonNode c) {
        return FACTORY.createPoint(coord(c));
    }

    private static Polygon polygon(JsonNode rings) {
        if (rings.size() == 0) {
            return FACTORY.createPolygon();
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode c) {
        Coordinate[] cs = coords(c);
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            cs = java.util.Arrays.copyOf(cs, cs.length + 1);   // tolerate unclosed rings
            cs[cs.length - 1] = cs[0].copy();
        }
        if (cs.length > 0 && cs.length < 4) {
            throw new IllegalArgumentException("polygon ring with only " + cs.length + " positions");
        }
        return FACTORY.createLinearRing(cs);
    }

    private static Coordinate[] coords(JsonNode c) {
        Coordinate[] out = new Coordinate[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = coord(c.get(i));
        }
        return out;
    }

    private static Coordinate coord(JsonNode c) {
        if (c == null || !c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw new IllegalArgumentException("bad position " + c);
        }
        return new Coordinate(c.get(0).asDouble(), c.get(1).asDouble());
    }
}
