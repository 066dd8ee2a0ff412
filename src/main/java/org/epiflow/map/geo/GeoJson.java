package org.epiflow.map.geo;

import org.epiflow.text.Message;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Streaming GeoJSON (RFC 7946, plus the legacy 2008 {@code crs} member) reader producing JTS geometries, on
 * jackson-core only (fast to start: no data binding). Malformed input raises {@link IllegalArgumentException}
 * naming the feature index; features with a {@code null} geometry are skipped.
 */
public final class GeoJson {

    /** Shared factory for all lon/lat geometries (floating precision, SRID 4326). */
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * A parsed document.
     *
     * @param features the features (a bare geometry becomes one feature without properties)
     * @param crsName  the legacy {@code crs.properties.name} (e.g. {@code urn:ogc:def:crs:EPSG::3857}), or null
     */
    public record Document(List<Feature> features, String crsName) {
    }

    private GeoJson() {
    }

    /** Reads all features of a FeatureCollection, Feature or geometry. */
    public static List<Feature> readFeatures(InputStream in) throws IOException {
        return read(in).features();
    }

    /** Reads a document, keeping its legacy {@code crs} name. */
    public static Document read(InputStream in) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw GeoFormatException.of("boundary.geojson.notObject");
            }
            List<Feature> features = new ArrayList<>();
            Raw raw = new Raw();
            String crs = null;
            boolean collection = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "type" -> raw.type = p.getText();
                    case "features" -> {
                        collection = true;
                        expect(t, JsonToken.START_ARRAY, "boundary.geojson.featuresArray");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            Feature f = feature(p, features.size());
                            if (f != null) {
                                features.add(f);
                            }
                        }
                    }
                    case "crs" -> crs = crs(p);
                    case "geometry" -> raw.geometry = t == JsonToken.VALUE_NULL ? null : geometry(p);
                    case "properties" -> raw.properties = properties(p);
                    case "coordinates" -> raw.coordinates = coordinates(p);
                    case "geometries" -> raw.geometries = geometries(p);
                    default -> p.skipChildren();
                }
            }
            if (collection || "FeatureCollection".equals(raw.type)) {
                return new Document(features, crs);
            }
            if ("Feature".equals(raw.type)) {
                return new Document(raw.geometry == null ? List.of()
                        : List.of(new Feature(raw.geometry, raw.properties)), crs);
            }
            return new Document(List.of(new Feature(raw.build(), Map.of())), crs);
        }
    }

    private static final class Raw {
        String type;
        Object coordinates;
        List<Geometry> geometries;
        Geometry geometry;
        Map<String, Object> properties;

        Geometry build() {
            if (type == null) {
                throw GeoFormatException.of("boundary.geojson.noType");
            }
            if (type.equals("GeometryCollection")) {
                return FACTORY.createGeometryCollection(geometries == null ? new Geometry[0]
                        : geometries.toArray(Geometry[]::new));
            }
            if (coordinates == null) {
                throw GeoFormatException.of("boundary.geojson.noCoordinates", type);
            }
            Object c = coordinates;
            return switch (type) {
                case "Point" -> FACTORY.createPoint(coord(c));
                case "MultiPoint" -> FACTORY.createMultiPoint(list(c).stream().map(x -> FACTORY.createPoint(coord(x)))
                        .toArray(Point[]::new));
                case "LineString" -> FACTORY.createLineString(coords(c));
                case "MultiLineString" -> FACTORY.createMultiLineString(list(c).stream()
                        .map(x -> FACTORY.createLineString(coords(x))).toArray(LineString[]::new));
                case "Polygon" -> polygon(c);
                case "MultiPolygon" -> FACTORY.createMultiPolygon(list(c).stream().map(GeoJson::polygon)
                        .toArray(Polygon[]::new));
                default -> throw GeoFormatException.of("boundary.geojson.unknownType", type);
            };
        }
    }

    private static Feature feature(JsonParser p, int index) throws IOException {
        Raw raw = new Raw();
        try {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "geometry" -> raw.geometry = t == JsonToken.VALUE_NULL ? null : geometry(p);
                    case "properties" -> raw.properties = t == JsonToken.VALUE_NULL ? null : properties(p);
                    default -> p.skipChildren();
                }
            }
        } catch (IllegalArgumentException e) {
            throw new GeoFormatException(Message.of("boundary.geojson.feature", index + 1,
                    BoundaryImporter.reason(e)), e);
        }
        return raw.geometry == null ? null : new Feature(raw.geometry, raw.properties);
    }

    private static Geometry geometry(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT, "boundary.geojson.geometryObject");
        Raw raw = new Raw();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "type" -> raw.type = p.getText();
                case "coordinates" -> raw.coordinates = coordinates(p);
                case "geometries" -> raw.geometries = geometries(p);
                default -> p.skipChildren();
            }
        }
        return raw.build();
    }

    private static List<Geometry> geometries(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY, "boundary.geojson.geometriesArray");
        List<Geometry> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            out.add(geometry(p));
        }
        return out;
    }

    /** Nested arrays: a position becomes a {@code double[]}, anything deeper a {@code List<Object>}. */
    private static Object coordinates(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY, "boundary.geojson.coordinatesArray");
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            double[] pos = new double[3];
            int n = 0;
            for (; t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw GeoFormatException.of("boundary.geojson.badPosition", p.getText());
                }
                if (n < 3) {
                    pos[n] = p.getDoubleValue();
                }
                n++;
            }
            if (n < 2) {
                throw GeoFormatException.of("boundary.geojson.positionSize", n);
            }
            return pos;
        }
        List<Object> out = new ArrayList<>();
        for (; t != JsonToken.END_ARRAY; t = p.nextToken()) {
            out.add(coordinates(p));
        }
        return out;
    }

    private static Map<String, Object> properties(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT, "boundary.geojson.propertiesObject");
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            JsonToken t = p.nextToken();
            m.put(k, switch (t) {
                case VALUE_NULL -> null;
                case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
                case VALUE_NUMBER_INT -> p.getLongValue();
                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                case VALUE_STRING -> p.getText();
                default -> {
                    p.skipChildren();
                    yield null;
                }
            });
        }
        return m;
    }

    private static String crs(JsonParser p) throws IOException {
        String name = null;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (f.equals("properties") && p.currentToken() == JsonToken.START_OBJECT) {
                Map<String, Object> props = properties(p);
                Object n = props.containsKey("name") ? props.get("name") : props.get("code");
                name = n == null ? null : n.toString();
            } else {
                p.skipChildren();
            }
        }
        return name;
    }

    private static void expect(JsonToken actual, JsonToken wanted, String key) {
        if (actual != wanted) {
            throw GeoFormatException.of(key);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        if (!(o instanceof List)) {
            throw GeoFormatException.of("boundary.geojson.shallow");
        }
        return (List<Object>) o;
    }

    private static Polygon polygon(Object rings) {
        List<Object> rs = list(rings);
        if (rs.isEmpty()) {
            return FACTORY.createPolygon();
        }
        LinearRing[] holes = new LinearRing[rs.size() - 1];
        for (int i = 1; i < rs.size(); i++) {
            holes[i - 1] = ring(rs.get(i));
        }
        return FACTORY.createPolygon(ring(rs.get(0)), holes);
    }

    private static LinearRing ring(Object c) {
        Coordinate[] cs = coords(c);
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            cs = Arrays.copyOf(cs, cs.length + 1);   // tolerate unclosed rings
            cs[cs.length - 1] = cs[0].copy();
        }
        if (cs.length > 0 && cs.length < 4) {
            throw GeoFormatException.of("boundary.geojson.ring", cs.length);
        }
        return FACTORY.createLinearRing(cs);
    }

    private static Coordinate[] coords(Object c) {
        List<Object> l = list(c);
        Coordinate[] out = new Coordinate[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = coord(l.get(i));
        }
        return out;
    }

    private static Coordinate coord(Object c) {
        if (!(c instanceof double[] d)) {
            throw GeoFormatException.of("boundary.geojson.deep");
        }
        return new Coordinate(d[0], d[1]);
    }
}
