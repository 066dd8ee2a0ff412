package org.epiflow.map;

import org.epiflow.map.geo.AlbersEqualAreaProjection;
import org.epiflow.map.geo.LevelOfDetail;
import org.epiflow.map.geo.Region;
import org.locationtech.jts.geom.Envelope;

/**
 * The transform between projected map coordinates (metres, Albers equal-area, y up) and screen pixels (y down):
 * a screen of {@code width × height} pixels centred on ({@code centerX}, {@code centerY}) at {@code metresPerPixel}.
 * Immutable; every change returns a new viewport. Pixel (i, j) covers [i, i+1) × [j, j+1), its centre is (i+½, j+½).
 *
 * @param width          screen width in pixels
 * @param height         screen height in pixels
 * @param centerX        projected x at the screen centre
 * @param centerY        projected y at the screen centre
 * @param metresPerPixel scale
 */
public record MapViewport(int width, int height, double centerX, double centerY, double metresPerPixel) {
    /** Most zoomed-in scale allowed (metres per pixel). */
    public static final double MIN_METRES_PER_PIXEL = 20;
    /** Most zoomed-out scale allowed. */
    public static final double MAX_METRES_PER_PIXEL = 50_000;
    /**
     * Zoomed out further than this (metres per pixel: the national view at a usual window size), flows roll up to
     * provinces by themselves when nothing is selected and the automatic roll-up is on (the screen and exports of a
     * view alike): at that scale the top prefecture flows are short hops hidden under their circles.
     */
    public static final double AUTO_ROLLUP_METRES_PER_PIXEL = 3_000;

    /**
     * With every flow of the day (or more than a thousand), flows stay rolled up until zoomed in further than this:
     * a few provinces on screen, where their prefectures' flows can still be told apart.
     */
    public static final double AUTO_ROLLUP_ALL_METRES_PER_PIXEL = 2_000;

    /** Whether the automatic roll-up shows provinces: top {@code topN} flows (0 = all), nothing selected, this scale. */
    public static boolean autoRolledUp(int topN, boolean selected, double metresPerPixel) {
        double threshold = topN == 0 || topN > 1000 ? AUTO_ROLLUP_ALL_METRES_PER_PIXEL : AUTO_ROLLUP_METRES_PER_PIXEL;
        return !selected && metresPerPixel > threshold;
    }

    /** Projected metres per degree of longitude near the map's centre (105°E, 35°N). */
    public static final double METRES_PER_DEGREE;

    static {
        AlbersEqualAreaProjection p = AlbersEqualAreaProjection.china();
        double[] a = p.forward(104.5, 35), b = p.forward(105.5, 35);
        METRES_PER_DEGREE = Math.hypot(b[0] - a[0], b[1] - a[1]);
    }

    public MapViewport {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("viewport size must be positive: " + width + "x" + height);
        }
        if (!(metresPerPixel > 0) || Double.isInfinite(metresPerPixel)) {
            throw new IllegalArgumentException("bad scale " + metresPerPixel);
        }
    }

    /** A viewport showing the whole envelope (projected) with {@code padding} pixels around it. */
    public static MapViewport fit(int width, int height, Envelope projected, double padding) {
        double w = Math.max(1, width - 2 * padding), h = Math.max(1, height - 2 * padding);
        double mpp = Math.max(projected.getWidth() / w, projected.getHeight() / h);
        if (!(mpp > 0)) {
            mpp = 1000;
        }
        mpp = clampScale(mpp);
        return new MapViewport(width, height, (projected.getMinX() + projected.getMaxX()) / 2,
                (projected.getMinY() + projected.getMaxY()) / 2, mpp);
    }

    /** The whole of China (73–135°E, 17–54°N) in Albers. */
    public static MapViewport china(int width, int height) {
        return fit(width, height, projectLonLatBox(new Envelope(73, 135, 17, 54)), 16);
    }

    /** Envelope of a lon/lat box after projection (samples the edges: parallels are arcs in Albers). */
    public static Envelope projectLonLatBox(Envelope lonLat) {
        AlbersEqualAreaProjection p = AlbersEqualAreaProjection.china();
        Envelope e = new Envelope();
        for (int i = 0; i <= 16; i++) {
            double lon = lonLat.getMinX() + lonLat.getWidth() * i / 16;
            double lat = lonLat.getMinY() + lonLat.getHeight() * i / 16;
            add(e, p.forward(lon, lonLat.getMinY()));
            add(e, p.forward(lon, lonLat.getMaxY()));
            add(e, p.forward(lonLat.getMinX(), lat));
            add(e, p.forward(lonLat.getMaxX(), lat));
        }
        return e;
    }

    private static void add(Envelope e, double[] xy) {
        e.expandToInclude(xy[0], xy[1]);
    }

    static double clampScale(double mpp) {
        return Math.max(MIN_METRES_PER_PIXEL, Math.min(MAX_METRES_PER_PIXEL, mpp));
    }

    public double toScreenX(double x) {
        return width * 0.5 + (x - centerX) / metresPerPixel;
    }

    public double toScreenY(double y) {
        return height * 0.5 - (y - centerY) / metresPerPixel;
    }

    public double toWorldX(double sx) {
        return centerX + (sx - width * 0.5) * metresPerPixel;
    }

    public double toWorldY(double sy) {
        return centerY - (sy - height * 0.5) * metresPerPixel;
    }

    /** Screen position of a lon/lat point. */
    public double[] lonLatToScreen(double lon, double lat) {
        double[] xy = AlbersEqualAreaProjection.china().forward(lon, lat);
        return new double[] {toScreenX(xy[0]), toScreenY(xy[1])};
    }

    /** Lon/lat of a screen point. */
    public double[] screenToLonLat(double sx, double sy) {
        return AlbersEqualAreaProjection.china().inverse(toWorldX(sx), toWorldY(sy));
    }

    /** The content follows the pointer: dragging by (dx, dy) pixels moves the map by the same amount. */
    public MapViewport pan(double dx, double dy) {
        return new MapViewport(width, height, centerX - dx * metresPerPixel, centerY + dy * metresPerPixel,
                metresPerPixel);
    }

    /** Zooms by {@code factor} (&gt; 1 = in) keeping the world point under screen (sx, sy) fixed. */
    public MapViewport zoomAbout(double factor, double sx, double sy) {
        double mpp = clampScale(metresPerPixel / factor);
        double wx = toWorldX(sx), wy = toWorldY(sy);
        return new MapViewport(width, height, wx - (sx - width * 0.5) * mpp, wy + (sy - height * 0.5) * mpp, mpp);
    }

    /** Zooms about the screen centre. */
    public MapViewport zoom(double factor) {
        return zoomAbout(factor, width * 0.5, height * 0.5);
    }

    /** Same centre and scale on a resized screen. */
    public MapViewport withSize(int w, int h) {
        return new MapViewport(w, h, centerX, centerY, metresPerPixel);
    }

    /** Shows the projected envelope, keeping the screen size. */
    public MapViewport zoomToFit(Envelope projected, double padding) {
        return fit(width, height, projected, padding);
    }

    /** Shows a basemap region (lon/lat polygon), keeping the screen size. */
    public MapViewport zoomToRegion(Region region, double padding) {
        Envelope e = AlbersEqualAreaProjection.china().forward(region.geometry()).getEnvelopeInternal();
        return zoomToFit(e, padding);
    }

    /** The projected envelope visible on screen. */
    public Envelope visibleWorld() {
        return new Envelope(toWorldX(0), toWorldX(width), toWorldY(height), toWorldY(0));
    }

    /** Screen pixels per degree of longitude near the centre of China (for {@link LevelOfDetail#forScale}). */
    public double pixelsPerDegree() {
        return METRES_PER_DEGREE / metresPerPixel;
    }

    public LevelOfDetail levelOfDetail() {
        return LevelOfDetail.forScale(pixelsPerDegree());
    }
}
