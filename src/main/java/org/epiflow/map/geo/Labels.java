package org.epiflow.map.geo;

import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** Label placement inside polygons. */
public final class Labels {

    private Labels() {
    }

    /**
     * The pole of inaccessibility (centre of the largest inscribed circle, to 0.1 % of the extent), which is
     * always inside the polygon and far from its edges; falls back to JTS {@code InteriorPointArea}.
     */
    public static Point labelPoint(Geometry polygonal) {
        if (polygonal.isEmpty()) {
            return polygonal.getFactory().createPoint();
        }
        try {
            double tol = Math.max(1e-6, polygonal.getEnvelopeInternal().getDiameter() / 1000);
            Point c = new MaximumInscribedCircle(polygonal, tol).getCenter();
            if (polygonal.contains(c)) {
                return c;
            }
        } catch (IllegalArgumentException e) {
            // not polygonal: fall through
        }
        return polygonal.getInteriorPoint();
    }

}
