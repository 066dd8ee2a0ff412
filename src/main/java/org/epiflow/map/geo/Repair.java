package org.epiflow.map.geo;

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
    static Geometry polygonal(Geometry g, String file, String feature, List<String> warnings)
            throws BoundaryImportException {
        if (g.getDimension() != 2) {
            throw new BoundaryImportException(file + ": " + feature + " is a " + g.getGeometryType()
                    + "; boundaries must be polygons");
        }
        if (g.isEmpty()) {
            throw new BoundaryImportException(file + ": " + feature + " has an empty geometry");
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
            throw new BoundaryImportException(String.format(java.util.Locale.ROOT,
                    "%s: %s has broken geometry that cannot be repaired (%s at %.5f, %.5f; repair keeps %.0f%% of "
                            + "its area)", file, feature, err.getMessage(), err.getCoordinate().x,
                    err.getCoordinate().y, before == 0 ? 0 : 100 * out.getArea() / before));
        }
        warnings.add(String.format(java.util.Locale.ROOT, "%s: %s was invalid (%s) and has been repaired", file,
                feature, err.getMessage()));
        return out;
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
