package org.epiflow.map.geo;

import org.epiflow.text.Message;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/** Transforms geometries from a resolved source CRS to WGS84 longitude/latitude with proj4j. */
final class Reprojector {

    private final CoordinateTransform transform;   // null = coordinates are already lon/lat

    Reprojector(CrsResolver.Resolved source) {
        if (source.lonLat()) {
            transform = null;
        } else {
            CRSFactory f = new CRSFactory();
            transform = new CoordinateTransformFactory().createTransform(source.crs(),
                    f.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs"));
        }
    }

    /** A lon/lat copy of the geometry; non-finite results raise an exception naming the feature. */
    Geometry apply(Geometry g, String file, Message feature) throws BoundaryImportException {
        Geometry out = g.copy();
        out.setSRID(4326);
        if (transform == null) {
            return out;
        }
        ProjCoordinate in = new ProjCoordinate(), res = new ProjCoordinate();
        boolean[] bad = {false};
        try {
            out.apply(new CoordinateSequenceFilter() {
                @Override
                public void filter(CoordinateSequence seq, int i) {
                    in.x = seq.getX(i);
                    in.y = seq.getY(i);
                    transform.transform(in, res);
                    if (!Double.isFinite(res.x) || !Double.isFinite(res.y)) {
                        bad[0] = true;
                    }
                    seq.setOrdinate(i, CoordinateSequence.X, res.x);
                    seq.setOrdinate(i, CoordinateSequence.Y, res.y);
                }

                @Override
                public boolean isDone() {
                    return false;
                }

                @Override
                public boolean isGeometryChanged() {
                    return true;
                }
            });
        } catch (RuntimeException e) {
            throw new BoundaryImportException(Message.of("boundary.reproject.failed", file, feature,
                    String.valueOf(e.getMessage())), e);
        }
        if (bad[0]) {
            throw new BoundaryImportException(Message.of("boundary.reproject.outOfRange", file, feature));
        }
        return out;
    }
}
