package org.epiflow.map.geo;

/** The precomputed generalisation levels of the basemap polygons. */
public enum LevelOfDetail {
    /** Whole-country view: Visvalingam–Whyatt tolerance 0.06° (≈ 6 km), about 17 000 prefecture vertices. */
    NATIONAL("_national"),
    /** Province / city view: tolerance 0.025° (≈ 2.5 km), about 41 000 prefecture vertices. */
    DETAIL("");

    /** Below this many screen pixels per degree the national level is indistinguishable from the detail. */
    public static final double DETAIL_FROM_PIXELS_PER_DEGREE = 60;

    private final String fileSuffix;

    LevelOfDetail(String fileSuffix) {
        this.fileSuffix = fileSuffix;
    }

    /** File name of a polygon layer at this level, e.g. {@code china_prefectures_national.geojson}. */
    public String fileName(String layer) {
        return layer + fileSuffix + ".geojson";
    }

    /** The level to draw at a given scale (screen pixels per degree of longitude). */
    public static LevelOfDetail forScale(double pixelsPerDegree) {
        return pixelsPerDegree < DETAIL_FROM_PIXELS_PER_DEGREE ? NATIONAL : DETAIL;
    }
}
