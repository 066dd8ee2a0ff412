package org.epiflow.map;

import org.epiflow.map.geo.Basemap;
import org.epiflow.map.geo.LevelOfDetail;
import org.epiflow.map.geo.Region;

import java.util.Optional;

/** Screen-point queries on a scene: which region, which flow, which place. */
public final class MapHitTester {
    private MapHitTester() {
    }

    /** The prefecture under a screen point (tested on the detailed polygons), or empty. */
    public static Optional<Region> prefectureAt(MapScene scene, double sx, double sy) {
        if (scene.basemap() == null) {
            return Optional.empty();
        }
        double[] ll = scene.viewport().screenToLonLat(sx, sy);
        return scene.basemap().basemap().prefectureAt(ll[0], ll[1]);
    }

    /** The province under a screen point, or empty. */
    public static Optional<Region> provinceAt(MapScene scene, double sx, double sy) {
        if (scene.basemap() == null) {
            return Optional.empty();
        }
        double[] ll = scene.viewport().screenToLonLat(sx, sy);
        Basemap b = scene.basemap().basemap();
        return b.provinces(LevelOfDetail.DETAIL).regionAt(ll[0], ll[1]);
    }

    /** Region code under a screen point: the province when the flows are rolled up to provinces, else prefecture. */
    public static Optional<String> regionCodeAt(MapScene scene, double sx, double sy) {
        boolean prov = scene.flows() != null
                && scene.flows().nodes().level() == org.epiflow.data.FlowNodes.Level.PROVINCE;
        return (prov ? provinceAt(scene, sx, sy) : prefectureAt(scene, sx, sy)).map(Region::code);
    }

    /** Index in the scene's flow set of the arc nearest a screen point within {@code maxDistance} px, or -1. */
    public static int flowAt(MapScene scene, double sx, double sy, double maxDistance) {
        return scene.flowGeometry().nearestFlow(sx, sy, maxDistance);
    }

    /** Node whose location symbol (or position, within {@code slop} px) is under a screen point, or -1. */
    public static int nodeAt(MapScene scene, double sx, double sy, double slop) {
        if (scene.flows() == null) {
            return -1;
        }
        NodePositions p = scene.positions();
        MapViewport v = scene.viewport();
        int best = -1;
        double bestD = slop;
        for (int i = 0; i < p.size(); i++) {
            double d = Math.hypot(v.toScreenX(p.x(i)) - sx, v.toScreenY(p.y(i)) - sy);
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
