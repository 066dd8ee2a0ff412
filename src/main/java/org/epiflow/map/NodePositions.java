package org.epiflow.map;

import org.epiflow.data.FlowNodes;
import org.epiflow.map.geo.AlbersEqualAreaProjection;
import org.epiflow.map.geo.Basemap;
import org.epiflow.map.geo.LevelOfDetail;
import org.epiflow.map.geo.Region;
import org.epiflow.map.geo.Seat;

import java.util.Optional;

/**
 * Projected positions (Albers metres) and display names of the nodes of a flow set. A node is placed at its basemap
 * prefecture seat, else the basemap province / prefecture label point for its code, else the lon/lat the bundle gives.
 * Immutable.
 */
public final class NodePositions {
    private final FlowNodes nodes;
    private final double[] x;
    private final double[] y;
    private final String[] nameZh;
    private final String[] nameEn;

    private NodePositions(FlowNodes nodes, double[] x, double[] y, String[] nameZh, String[] nameEn) {
        this.nodes = nodes;
        this.x = x;
        this.y = y;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** Positions from the basemap where it knows the code ({@code basemap} may be null: bundle lon/lat only). */
    public static NodePositions resolve(FlowNodes nodes, Basemap basemap) {
        AlbersEqualAreaProjection p = AlbersEqualAreaProjection.china();
        int n = nodes.size();
        double[] x = new double[n], y = new double[n];
        String[] zh = new String[n], en = new String[n];
        for (int i = 0; i < n; i++) {
            String code = nodes.code(i);
            double lon = nodes.lon(i), lat = nodes.lat(i);
            zh[i] = nodes.nameZh(i);
            en[i] = nodes.nameEn(i);
            if (basemap != null) {
                Optional<Region> prov = basemap.provinces(LevelOfDetail.DETAIL).byCode(code);
                Optional<Seat> seat = basemap.seat(code);
                if (nodes.level() == FlowNodes.Level.PROVINCE && prov.isPresent()) {
                    lon = prov.get().labelPoint().getX();
                    lat = prov.get().labelPoint().getY();
                    zh[i] = orElse(prov.get().nameZh(), zh[i]);
                    en[i] = orElse(prov.get().nameEn(), en[i]);
                } else if (seat.isPresent()) {
                    lon = seat.get().lon();
                    lat = seat.get().lat();
                    zh[i] = orElse(seat.get().nameZh(), zh[i]);
                    en[i] = orElse(seat.get().nameEn(), en[i]);
                } else {
                    Optional<Region> r = prov.isPresent() ? prov
                            : basemap.prefectures(LevelOfDetail.DETAIL).byCode(code);
                    if (r.isPresent()) {
                        lon = r.get().labelPoint().getX();
                        lat = r.get().labelPoint().getY();
                        zh[i] = orElse(r.get().nameZh(), zh[i]);
                        en[i] = orElse(r.get().nameEn(), en[i]);
                    }
                }
            }
            double[] xy = p.forward(lon, lat);
            x[i] = xy[0];
            y[i] = xy[1];
        }
        return new NodePositions(nodes, x, y, zh, en);
    }

    private static String orElse(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }

    public FlowNodes nodes() {
        return nodes;
    }

    public int size() {
        return x.length;
    }

    /** Projected x (metres). */
    public double x(int node) {
        return x[node];
    }

    /** Projected y (metres). */
    public double y(int node) {
        return y[node];
    }

    public String name(int node, Language lang) {
        return lang.pick(nameZh[node], nameEn[node], nodes.code(node));
    }
}
