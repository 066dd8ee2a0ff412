package org.epiflow.ui.map;

import org.epiflow.data.FlowSet;
import org.epiflow.map.BasemapGeometry;
import org.epiflow.map.MapViewport;
import org.epiflow.map.NodePositions;
import org.epiflow.map.geo.AlbersEqualAreaProjection;
import org.epiflow.map.geo.LevelOfDetail;
import org.epiflow.map.geo.Region;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where a place lies, for the map's view-model: its extent with its partners (zoom to selection), its outline. */
final class PlaceGeometry {
    private PlaceGeometry() {
    }

    /** A prefecture, else a province, of the basemap. */
    static Optional<Region> region(BasemapGeometry b, String code, LevelOfDetail lod) {
        return b.basemap().prefectures(lod).byCode(code).or(() -> b.basemap().provinces(lod).byCode(code));
    }

    /**
     * The projected extent of a place (its polygon, if the basemap has it) and of both ends of every flow of the frame
     * that starts or ends at it ({@code regions}: its region-table indexes). Null envelope when there is nothing.
     */
    static Envelope withPartners(RenderedFrame f, BasemapGeometry b, String code, int[] regions) {
        Envelope env = new Envelope();
        if (b != null) {
            region(b, code, LevelOfDetail.DETAIL).ifPresent(r -> env.expandToInclude(
                    AlbersEqualAreaProjection.china().forward(r.geometry()).getEnvelopeInternal()));
        }
        FlowSet s = f.flows();
        NodePositions pos = f.scene().positions();
        Set<Integer> mine = new HashSet<>();
        for (int r : regions) {
            mine.add(s.nodes().nodeOfRegion(r));
        }
        for (int i = 0; i < s.size(); i++) {
            if (mine.contains(s.origin(i)) || mine.contains(s.destination(i))) {
                env.expandToInclude(pos.x(s.origin(i)), pos.y(s.origin(i)));
                env.expandToInclude(pos.x(s.destination(i)), pos.y(s.destination(i)));
            }
        }
        return env;
    }

    /** A place's outline on screen: rings of x, y pairs (empty when unknown). */
    static List<double[]> outline(MapViewport v, BasemapGeometry b, String code) {
        if (v == null || b == null || code == null || code.isEmpty()) {
            return List.of();
        }
        Optional<Region> region = region(b, code, v.levelOfDetail());
        if (region.isEmpty()) {
            return List.of();
        }
        List<double[]> rings = new ArrayList<>();
        Geometry g = region.get().geometry();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon poly) {
                Coordinate[] coords = poly.getExteriorRing().getCoordinates();
                double[] ring = new double[coords.length * 2];
                for (int j = 0; j < coords.length; j++) {
                    double[] p = v.lonLatToScreen(coords[j].x, coords[j].y);
                    ring[2 * j] = p[0];
                    ring[2 * j + 1] = p[1];
                }
                rings.add(ring);
            }
        }
        return rings;
    }
}
