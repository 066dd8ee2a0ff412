package org.epiflow.map.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Albers equal-area conic projection on an ellipsoid (Snyder, <i>Map Projections — A Working Manual</i>, USGS PP
 * 1395, eqs. 3-12, 14-1…14-21). Pure maths; equivalent to PROJ {@code +proj=aea}. Input degrees (lon, lat),
 * output metres (x east, y north); {@link #inverse} undoes {@link #forward} to below a micrometre.
 *
 * <p>{@link #china()} is the customary national projection: standard parallels 25°N and 47°N, central meridian
 * 105°E, latitude of origin 0° (so y is the distance-like northing used by most Chinese national datasets),
 * WGS84 ellipsoid (CGCS2000's differs from it by 0.1 mm in the semi-minor axis).
 */
public final class AlbersEqualAreaProjection {

    /** WGS84 semi-major axis (m) and inverse flattening. */
    public static final double WGS84_A = 6378137.0, WGS84_RF = 298.257223563;

    private final double lat1, lat2, lon0, lat0, a, e, e2;
    private final double n, c, rho0;

    /**
     * @param lat1Deg first standard parallel
     * @param lat2Deg second standard parallel (must not be symmetric to the first about the equator)
     * @param lon0Deg central meridian
     * @param lat0Deg latitude of origin
     * @param a       semi-major axis in metres
     * @param rf      inverse flattening ({@code 0} or infinite for a sphere)
     */
    public AlbersEqualAreaProjection(double lat1Deg, double lat2Deg, double lon0Deg, double lat0Deg,
                                     double a, double rf) {
        if (Math.abs(lat1Deg + lat2Deg) < 1e-10) {
            throw new IllegalArgumentException("standard parallels must not be symmetric about the equator");
        }
        this.lat1 = lat1Deg;
        this.lat2 = lat2Deg;
        this.lon0 = lon0Deg;
        this.lat0 = lat0Deg;
        this.a = a;
        double f = rf == 0 || Double.isInfinite(rf) ? 0 : 1 / rf;
        this.e2 = f * (2 - f);
        this.e = Math.sqrt(e2);
        double p1 = Math.toRadians(lat1Deg), p2 = Math.toRadians(lat2Deg);
        double m1 = m(p1), m2 = m(p2), q1 = q(Math.sin(p1)), q2 = q(Math.sin(p2));
        this.n = Math.abs(p1 - p2) < 1e-10 ? Math.sin(p1) : (m1 * m1 - m2 * m2) / (q2 - q1);
        this.c = m1 * m1 + n * q1;
        this.rho0 = rho(q(Math.sin(Math.toRadians(lat0Deg))));
    }

    /** China national Albers: 25°N / 47°N, 105°E, origin 0°N, WGS84 ellipsoid, no false easting/northing. */
    public static AlbersEqualAreaProjection china() {
        return new AlbersEqualAreaProjection(25, 47, 105, 0, WGS84_A, WGS84_RF);
    }

    /** The equivalent PROJ / proj4j definition (uses {@code +b}: proj4j 1.4 ignores {@code +rf}). */
    public String toProj4() {
        return String.format(java.util.Locale.ROOT, "+proj=aea +lat_1=%s +lat_2=%s +lat_0=%s +lon_0=%s +x_0=0 +y_0=0 "
                + "+a=%s +b=%s +units=m +no_defs", lat1, lat2, lat0, lon0, a, a * Math.sqrt(1 - e2));
    }

    /** Projects lon/lat degrees to {x, y} metres. */
    public double[] forward(double lonDeg, double latDeg) {
        double rho = rho(q(Math.sin(Math.toRadians(latDeg))));
        double theta = n * Math.toRadians(normalize(lonDeg - lon0));
        return new double[] {rho * Math.sin(theta), rho0 - rho * Math.cos(theta)};
    }

    /** Inverse of {@link #forward}: {x, y} metres to {lon, lat} degrees. */
    public double[] inverse(double x, double y) {
        double dy = rho0 - y;
        double rho = Math.hypot(x, dy);
        double theta = n < 0 ? Math.atan2(-x, -dy) : Math.atan2(x, dy);
        double q = (c - rho * rho * n * n / (a * a)) / n;
        double lat = latitude(q);
        double lon = normalize(lon0 + Math.toDegrees(theta / n));
        return new double[] {lon, Math.toDegrees(lat)};
    }

    /** Projects a lon/lat coordinate (z is kept). */
    public Coordinate forward(Coordinate lonLat) {
        double[] p = forward(lonLat.x, lonLat.y);
        return new Coordinate(p[0], p[1], lonLat.getZ());
    }

    /** Returns a projected copy of a lon/lat geometry. */
    public Geometry forward(Geometry lonLat) {
        Geometry g = lonLat.copy();
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double[] p = forward(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, CoordinateSequence.X, p[0]);
                seq.setOrdinate(i, CoordinateSequence.Y, p[1]);
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
        return g;
    }

    private double rho(double q) {
        return a * Math.sqrt(Math.max(0, c - n * q)) / n;
    }

    private double m(double phi) {
        double s = Math.sin(phi);
        return Math.cos(phi) / Math.sqrt(1 - e2 * s * s);
    }

    /** Snyder eq. 3-12 (authalic q), spherical limit 2 sin φ. */
    private double q(double sinPhi) {
        if (e2 == 0) {
            return 2 * sinPhi;
        }
        double es = e * sinPhi;
        return (1 - e2) * (sinPhi / (1 - es * es) - (1 / (2 * e)) * Math.log((1 - es) / (1 + es)));
    }

    /** Latitude from q by Newton iteration (Snyder eq. 3-16); clamps at the poles. */
    private double latitude(double q) {
        double qp = q(1);
        if (Math.abs(q) >= qp - 1e-12) {
            return Math.copySign(Math.PI / 2, q);
        }
        if (e2 == 0) {
            return Math.asin(q / 2);
        }
        double phi = Math.asin(q / 2);
        for (int i = 0; i < 25; i++) {
            double s = Math.sin(phi), es2 = e2 * s * s, es = e * s;
            double d = (1 - es2) * (1 - es2) / (2 * Math.cos(phi))
                    * (q / (1 - e2) - s / (1 - es2) + Math.log((1 - es) / (1 + es)) / (2 * e));
            phi += d;
            if (Math.abs(d) < 1e-15) {
                break;
            }
        }
        return phi;
    }

    private static double normalize(double lonDeg) {
        double l = lonDeg;
        while (l > 180) {
            l -= 360;
        }
        while (l < -180) {
            l += 360;
        }
        return l;
    }
}
