package org.epiflow.map;

import org.epiflow.map.geo.AlbersEqualAreaProjection;
import org.epiflow.map.geo.Basemap;
import org.epiflow.map.geo.Feature;
import org.epiflow.map.geo.LevelOfDetail;
import org.epiflow.map.geo.Region;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The basemap projected once to Albers metres and kept as plain coordinate arrays, so drawing a new viewport is just
 * an affine transform (no JTS, no projection per frame). Thread-safe (built lazily per level, then immutable).
 */
public final class BasemapGeometry {
    /** One drawable shape: rings (polygons) or lines, in projected metres. */
    public record Shape(String code, String nameZh, String nameEn, double[][] rings, boolean closed,
                        Envelope envelope, double labelX, double labelY, double area) {
    }

    private final Basemap basemap;
    private final Map<LevelOfDetail, List<Shape>> prefectures = new EnumMap<>(LevelOfDetail.class);
    private final Map<LevelOfDetail, List<Shape>> provinces = new EnumMap<>(LevelOfDetail.class);
    private List<Shape> countries;
    private List<Shape> coastline;

    public BasemapGeometry(Basemap basemap) {
        this.basemap = basemap;
    }

    public Basemap basemap() {
        return basemap;
    }

    public synchronized List<Shape> prefectures(LevelOfDetail lod) {
        return prefectures.computeIfAbsent(lod, l -> regions(basemap.prefectures(l).regions()));
    }

    public synchronized List<Shape> provinces(LevelOfDetail lod) {
        return provinces.computeIfAbsent(lod, l -> regions(basemap.provinces(l).regions()));
    }

    public synchronized List<Shape> countries() {
        if (countries == null) {
            List<Shape> out = new ArrayList<>();
            for (Feature f : basemap.countries()) {
                out.add(shape(f.text("name"), null, null, f.geometry(), true));
            }
            countries = Collections.unmodifiableList(out);
        }
        return countries;
    }

    public synchronized List<Shape> coastline() {
        if (coastline == null) {
            coastline = basemap.coastline() == null ? List.of()
                    : List.of(shape("coast", null, null, basemap.coastline(), false));
        }
        return coastline;
    }

    private static List<Shape> regions(List<Region> regions) {
        AlbersEqualAreaProjection p = AlbersEqualAreaProjection.china();
        List<Shape> out = new ArrayList<>();
        for (Region r : regions) {
            Shape s = shape(r.code(), r.nameZh(), r.nameEn(), r.geometry(), true);
            double[] l = p.forward(r.labelPoint().getX(), r.labelPoint().getY());
            out.add(new Shape(s.code(), s.nameZh(), s.nameEn(), s.rings(), true, s.envelope(), l[0], l[1], s.area()));
        }
        return Collections.unmodifiableList(out);
    }

    private static Shape shape(String code, String zh, String en, Geometry g, boolean closed) {
        AlbersEqualAreaProjection p = AlbersEqualAreaProjection.china();
        List<double[]> rings = new ArrayList<>();
        Envelope env = new Envelope();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon poly) {
                rings.add(ring(p, poly.getExteriorRing(), env));
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    rings.add(ring(p, poly.getInteriorRingN(h), env));
                }
            } else if (part instanceof LineString ls) {
                rings.add(ring(p, ls, env));
            }
        }
        double[] c = env.isNull() ? new double[] {0, 0} : new double[] {env.centre().x, env.centre().y};
        return new Shape(code, zh, en, rings.toArray(new double[0][]), closed, env, c[0], c[1],
                env.isNull() ? 0 : env.getArea());
    }

    private static double[] ring(AlbersEqualAreaProjection p, LineString ls, Envelope env) {
        int n = ls.getNumPoints();
        double[] out = new double[n * 2];
        for (int i = 0; i < n; i++) {
            double[] xy = p.forward(ls.getCoordinateN(i).x, ls.getCoordinateN(i).y);
            out[2 * i] = xy[0];
            out[2 * i + 1] = xy[1];
            env.expandToInclude(xy[0], xy[1]);
        }
        return out;
    }

    /**
     * Appends a shape to a path in screen coordinates, dropping vertices closer than {@code minStep} pixels to the
     * previous one (screen-space generalisation). Returns false when the shape is off screen.
     */
    public static boolean toPath(Shape s, MapViewport v, double minStep, MapPath out) {
        Envelope vis = v.visibleWorld();
        if (!vis.intersects(s.envelope())) {
            return false;
        }
        double m2 = minStep * minStep;
        for (double[] r : s.rings()) {
            int n = r.length / 2;
            double lx = v.toScreenX(r[0]), ly = v.toScreenY(r[1]);
            out.moveTo(lx, ly);
            for (int i = 1; i < n; i++) {
                double x = v.toScreenX(r[2 * i]), y = v.toScreenY(r[2 * i + 1]);
                double dx = x - lx, dy = y - ly;
                if (dx * dx + dy * dy >= m2 || i == n - 1) {
                    out.lineTo(x, y);
                    lx = x;
                    ly = y;
                }
            }
            if (s.closed()) {
                out.close();
            }
        }
        return true;
    }
}
