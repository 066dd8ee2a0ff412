package org.epiflow.map.geo;

import org.epiflow.text.Message;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Strict reader of the geometry part ({@code .shp}) of an Esri Shapefile (ESRI Shapefile Technical Description,
 * 1998), for polygon layers: shape types Polygon (5), PolygonZ (15) and PolygonM (25); Null shapes give {@code
 * null}. Rings are assembled as the specification says — clockwise rings are shells, counter-clockwise rings holes
 * of the shell containing them (a hole outside every shell becomes a shell, as GDAL does). Coordinates are returned
 * in the file's own CRS.
 */
final class ShapefileReader {

    static final int NULL = 0, POLYGON = 5, POLYGON_Z = 15, POLYGON_M = 25;

    private ShapefileReader() {
    }

    /** Reads every record; element i is the geometry of record i+1 (null for a Null shape). */
    static List<Geometry> read(byte[] shp, String fileName, GeometryFactory gf) throws BoundaryImportException {
        if (shp.length < 100) {
            throw new BoundaryImportException(Message.of("boundary.shp.short", fileName));
        }
        ByteBuffer b = ByteBuffer.wrap(shp);
        if (b.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) {
            throw new BoundaryImportException(Message.of("boundary.shp.badCode", fileName));
        }
        int type = b.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
        if (type != POLYGON && type != POLYGON_Z && type != POLYGON_M && type != NULL) {
            throw new BoundaryImportException(Message.of("boundary.shp.type", fileName, typeName(type)));
        }
        List<Geometry> out = new ArrayList<>();
        int pos = 100;
        while (pos + 8 <= shp.length) {
            int recNo = b.order(ByteOrder.BIG_ENDIAN).getInt(pos);
            int len = b.getInt(pos + 4) * 2;
            int start = pos + 8;
            if (len < 4 || start + len > shp.length) {
                throw new BoundaryImportException(Message.of("boundary.shp.truncated", fileName, recNo));
            }
            try {
                out.add(record(b.order(ByteOrder.LITTLE_ENDIAN), start, len, gf));
            } catch (RuntimeException e) {
                throw new BoundaryImportException(Message.of("boundary.shp.broken", fileName, recNo, out.size() + 1,
                        BoundaryImporter.reason(e)), e);
            }
            pos = start + len;
        }
        return out;
    }

    private static Geometry record(ByteBuffer b, int start, int len, GeometryFactory gf) {
        int type = b.getInt(start);
        if (type == NULL) {
            return null;
        }
        if (type != POLYGON && type != POLYGON_Z && type != POLYGON_M) {
            throw GeoFormatException.of("boundary.shp.record.type", typeName(type));
        }
        int numParts = b.getInt(start + 36), numPoints = b.getInt(start + 40);
        int partsAt = start + 44, pointsAt = partsAt + 4 * numParts;
        if (numParts < 0 || numPoints < 0 || pointsAt + 16L * numPoints > start + len) {
            throw GeoFormatException.of("boundary.shp.record.counts");
        }
        List<LinearRing> shells = new ArrayList<>(), holes = new ArrayList<>();
        for (int p = 0; p < numParts; p++) {
            int from = b.getInt(partsAt + 4 * p);
            int to = p + 1 < numParts ? b.getInt(partsAt + 4 * (p + 1)) : numPoints;
            // parts are consecutive slices of the points (the first starts at 0), so a record holds at most
            // numPoints coordinates however many parts it claims; compare, do not subtract (to - from can overflow)
            if (from < 0 || from >= numPoints || to > numPoints || to <= from || p == 0 && from != 0) {
                throw GeoFormatException.of("boundary.shp.record.partIndex", p + 1);
            }
            Coordinate[] cs = new Coordinate[to - from];
            for (int i = from; i < to; i++) {
                double x = b.getDouble(pointsAt + 16 * i), y = b.getDouble(pointsAt + 16 * i + 8);
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    throw GeoFormatException.of("boundary.shp.record.nonFinite", p + 1);
                }
                cs[i - from] = new Coordinate(x, y);
            }
            if (!cs[0].equals2D(cs[cs.length - 1])) {
                cs = java.util.Arrays.copyOf(cs, cs.length + 1);
                cs[cs.length - 1] = cs[0].copy();
            }
            if (cs.length < 4) {
                throw GeoFormatException.of("boundary.shp.record.ring", p + 1, to - from);
            }
            LinearRing r = gf.createLinearRing(cs);
            (Orientation.isCCW(cs) ? holes : shells).add(r);
        }
        return assemble(shells, holes, gf);
    }

    private static Geometry assemble(List<LinearRing> shells, List<LinearRing> holes, GeometryFactory gf) {
        if (shells.isEmpty()) {             // wrongly oriented file: treat every ring as a shell
            shells = holes;
            holes = List.of();
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        List<IndexedPointInAreaLocator> loc = new ArrayList<>();
        for (LinearRing s : shells) {
            holesOf.add(new ArrayList<>());
            loc.add(new IndexedPointInAreaLocator(gf.createPolygon(s)));
        }
        List<LinearRing> orphans = new ArrayList<>();
        for (LinearRing h : holes) {
            int owner = -1;
            double ownerArea = Double.MAX_VALUE;
            for (int i = 0; i < shells.size(); i++) {
                LinearRing s = shells.get(i);
                if (s.getEnvelopeInternal().covers(h.getEnvelopeInternal())
                        && insideOrOnRing(loc.get(i), h)) {
                    double area = s.getEnvelopeInternal().getArea();
                    if (area < ownerArea) {        // innermost containing shell
                        owner = i;
                        ownerArea = area;
                    }
                }
            }
            if (owner >= 0) {
                holesOf.get(owner).add(h);
            } else {
                orphans.add(h);
            }
        }
        List<Polygon> polys = new ArrayList<>();
        for (int i = 0; i < shells.size(); i++) {
            polys.add(gf.createPolygon(shells.get(i), holesOf.get(i).toArray(LinearRing[]::new)));
        }
        for (LinearRing o : orphans) {
            polys.add(gf.createPolygon(o));
        }
        return polys.size() == 1 ? polys.get(0) : gf.createMultiPolygon(polys.toArray(Polygon[]::new));
    }

    private static boolean insideOrOnRing(IndexedPointInAreaLocator shell, LinearRing hole) {
        for (Coordinate c : hole.getCoordinates()) {
            int l = shell.locate(c);
            if (l == Location.INTERIOR) {
                return true;
            }
            if (l == Location.EXTERIOR) {
                return false;
            }
        }
        return true;   // every vertex on the shell boundary
    }

    static String typeName(int type) {
        return switch (type) {
            case 0 -> "Null";
            case 1 -> "Point";
            case 3 -> "PolyLine";
            case 5 -> "Polygon";
            case 8 -> "MultiPoint";
            case 11 -> "PointZ";
            case 13 -> "PolyLineZ";
            case 15 -> "PolygonZ";
            case 18 -> "MultiPointZ";
            case 21 -> "PointM";
            case 23 -> "PolyLineM";
            case 25 -> "PolygonM";
            case 28 -> "MultiPointM";
            case 31 -> "MultiPatch";
            default -> "#" + type;
        };
    }
}
