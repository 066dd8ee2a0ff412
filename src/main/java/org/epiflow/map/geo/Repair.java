package org.epiflow.map.geo;

import org.epiflow.text.Message;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** Validity repair of imported polygons (used by {@link BoundaryImporter}). */
final class Repair {

    /** A repaired polygon may lose at most this share of its (unsigned ring) area before we refuse it. */
    static final double MAX_AREA_LOSS = 0.5;

    private Repair() {
    }

    /**
     * Returns the geometry as a valid Polygon/MultiPolygon: unchanged if valid, else repaired with
     * {@link GeometryFixer} (noted in {@code warnings}); refuses non-polygons and repairs that lose the shape.
     */
    static Geometry polygonal(Geometry g, String file, Message feature, List<Message> warnings)
            throws BoundaryImportException {
        if (g.getDimension() != 2) {
            throw new BoundaryImportException(Message.of("boundary.notPolygon", file, feature,
                    g.getGeometryType()));
        }
        if (g.isEmpty()) {
            throw new BoundaryImportException(Message.of("boundary.emptyGeometry", file, feature));
        }
        TopologyValidationError err = new IsValidOp(g).getValidationError();
        if (err == null) {
            return g;
        }
        Geometry fixed = GeometryFixer.fix(g);
        List<Polygon> polys = new ArrayList<>();
        PolygonExtracter.getPolygons(fixed, polys);
        Geometry out = polys.size() == 1 ? polys.get(0)
                : g.getFactory().createMultiPolygon(polys.toArray(Polygon[]::new));
        double before = ringArea(g);
        if (out.isEmpty() || !out.isValid() || out.getArea() < (1 - MAX_AREA_LOSS) * before) {
            throw new BoundaryImportException(Message.of("boundary.unrepairable", file, feature, problem(err),
                    String.format(java.util.Locale.ROOT, "%.5f", err.getCoordinate().x),
                    String.format(java.util.Locale.ROOT, "%.5f", err.getCoordinate().y),
                    String.format(java.util.Locale.ROOT, "%.0f", before == 0 ? 0 : 100 * out.getArea() / before)));
        }
        warnings.add(Message.of("boundary.repaired", file, feature, problem(err)));
        return out;
    }

    /** JTS's finding in words ({@code boundary.topology.<type>}). */
    private static Message problem(TopologyValidationError err) {
        int t = err.getErrorType();
        return t >= 0 && t <= 11 ? Message.of("boundary.topology." + t) : Message.of("boundary.topology.other",
                err.getMessage());
    }

    /** Sum of the shells' areas minus the holes' (robust to self-intersection of other rings). */
    private static double ringArea(Geometry g) {
        double a = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p) {
                a += Math.abs(org.locationtech.jts.algorithm.Area.ofRing(p.getExteriorRing().getCoordinateSequence()));
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    a -= Math.abs(org.locationtech.jts.algorithm.Area.ofRing(
                            p.getInteriorRingN(h).getCoordinateSequence()));
                }
            }
        }
        return Math.abs(a);
    }
}
