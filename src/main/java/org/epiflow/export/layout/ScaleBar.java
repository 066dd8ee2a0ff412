package org.epiflow.export.layout;

import org.epiflow.map.MapViewport;

/**
 * A scale bar computed from the viewport's projection at the map centre: ground distance along the screen's
 * horizontal through the centre (great-circle, on the WGS 84 mean radius), rounded to 1, 2 or 5 × 10ⁿ. An equal-area
 * conic is not conformal, so the bar is true at the centre and only there; the layout says so in small print.
 *
 * @param lengthUnits bar length in layout units (= viewport pixels)
 * @param metres      ground distance the bar stands for
 * @param metresPerUnit ground metres per layout unit at the map centre
 */
public record ScaleBar(double lengthUnits, double metres, double metresPerUnit) {
    static final double EARTH_RADIUS = 6_371_008.8;

    /** A bar close to {@code targetUnits} long (layout units) for this viewport. */
    public static ScaleBar of(MapViewport v, double targetUnits) {
        double mpu = groundMetresPerPixel(v);
        double want = mpu * targetUnits;
        double p = Math.pow(10, Math.floor(Math.log10(want)));
        double nice = p;
        for (double f : new double[] {1, 2, 5, 10}) {
            if (f * p <= want) {
                nice = f * p;
            }
        }
        return new ScaleBar(nice / mpu, nice, mpu);
    }

    /** Ground metres per viewport pixel along the horizontal through the centre. */
    public static double groundMetresPerPixel(MapViewport v) {
        double cx = v.width() / 2.0, cy = v.height() / 2.0, d = Math.max(10, v.width() / 10.0);
        double[] a = v.screenToLonLat(cx - d / 2, cy), b = v.screenToLonLat(cx + d / 2, cy);
        return greatCircle(a[0], a[1], b[0], b[1]) / d;
    }

    /** Haversine distance in metres. */
    public static double greatCircle(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** "500 km" / "2 km" / "500 m". */
    public String label() {
        return metres >= 1000 ? fmt(metres / 1000) + " km" : fmt(metres) + " m";
    }

    /** Label of the bar's middle tick. */
    public String halfLabel() {
        double h = metres / 2;
        return metres >= 1000 ? fmt(h / 1000) : fmt(h);
    }

    /** The representative fraction 1 : N on paper (N rounded to two significant digits). */
    public long representativeFraction() {
        double n = metresPerUnit / (0.0254 / 96);
        double p = Math.pow(10, Math.floor(Math.log10(n)) - 1);
        return Math.round(Math.round(n / p) * p);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.valueOf(v);
    }
}
