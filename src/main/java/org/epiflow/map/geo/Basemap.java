package org.epiflow.map.geo;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;

/**
 * The offline basemap of China (illustrative boundaries, <b>not</b> an approved standard map with 审图号): prefecture
 * and province polygons at two {@link LevelOfDetail levels}, prefecture seats, and neighbouring countries plus the
 * coastline for context. Immutable; create with {@link BasemapLoader}.
 */
public final class Basemap {

    private final Map<LevelOfDetail, RegionLayer> prefectures;
    private final Map<LevelOfDetail, RegionLayer> provinces;
    private final List<Seat> seats;
    private final Map<String, Seat> seatByCode = new LinkedHashMap<>();
    private final List<Feature> countries;
    private final Geometry coastline;
    private final List<String> warnings;
    private final String officialSource;

    Basemap(Map<LevelOfDetail, RegionLayer> prefectures, Map<LevelOfDetail, RegionLayer> provinces,
            List<Seat> seats, List<Feature> countries, Geometry coastline, List<String> warnings) {
        this(prefectures, provinces, seats, countries, coastline, warnings, null);
    }

    private Basemap(Map<LevelOfDetail, RegionLayer> prefectures, Map<LevelOfDetail, RegionLayer> provinces,
                    List<Seat> seats, List<Feature> countries, Geometry coastline, List<String> warnings,
                    String officialSource) {
        this.officialSource = officialSource;
        this.prefectures = new EnumMap<>(prefectures);
        this.provinces = new EnumMap<>(provinces);
        this.seats = List.copyOf(seats);
        for (Seat s : this.seats) {
            seatByCode.put(s.code(), s);
        }
        this.countries = List.copyOf(countries);
        this.coastline = coastline;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * The same basemap with a bureau's own official boundaries in place of the illustrative prefecture layer (at
     * every level of detail); bundle regions are joined to it by code.
     *
     * @param official the imported layer ({@link BoundaryImporter})
     * @param source   where it came from, shown instead of the illustrative-boundaries note (e.g. the file name)
     */
    public Basemap withOfficialBoundaries(RegionLayer official, String source) {
        Map<LevelOfDetail, RegionLayer> prefs = new EnumMap<>(LevelOfDetail.class);
        for (LevelOfDetail lod : LevelOfDetail.values()) {
            prefs.put(lod, official);
        }
        return new Basemap(prefs, provinces, seats, countries, coastline, warnings,
                java.util.Objects.requireNonNull(source, "source"));
    }

    /** Where the official boundaries came from, or empty for the bundled illustrative ones. */
    public Optional<String> officialSource() {
        return Optional.ofNullable(officialSource);
    }

    /** Prefecture-level units (366 polygons; GB/T 2260 codes; parent = province code). */
    public RegionLayer prefectures(LevelOfDetail lod) {
        return prefectures.get(lod);
    }

    /** Provinces (34), the exact union of their prefectures at the same level, so borders nest. */
    public RegionLayer provinces(LevelOfDetail lod) {
        return provinces.get(lod);
    }

    /** Prefecture seats (367; Sansha 460300 has a seat but no polygon). */
    public List<Seat> seats() {
        return seats;
    }

    public Optional<Seat> seat(String code) {
        return Optional.ofNullable(code == null ? null : seatByCode.get(code.trim()));
    }

    /** Neighbouring countries (Natural Earth 1:50m; China, Taiwan, Hong Kong and Macau excluded). */
    public List<Feature> countries() {
        return countries;
    }

    /** Coastline of the Asian land masses around China (MultiLineString, context only). */
    public Geometry coastline() {
        return coastline;
    }

    /** The prefecture under a lon/lat point, tested against the detailed polygons. */
    public Optional<Region> prefectureAt(double lon, double lat) {
        return prefectures(LevelOfDetail.DETAIL).regionAt(lon, lat);
    }

    /**
     * The prefecture-level unit a code belongs to: the code itself if it is a prefecture, else its first four
     * digits + "00" (a county), else the province code when the province is itself a prefecture-level unit
     * (municipalities: 110105 → 110000).
     */
    public Optional<String> prefectureOf(String code) {
        String c = normalize(code);
        if (c == null) {
            return Optional.empty();
        }
        RegionLayer p = prefectures(LevelOfDetail.DETAIL);
        if (p.contains(c) || seatByCode.containsKey(c)) {
            return Optional.of(c);
        }
        if (c.length() == 6) {
            String pref = c.substring(0, 4) + "00", prov = c.substring(0, 2) + "0000";
            if (p.contains(pref) || seatByCode.containsKey(pref)) {
                return Optional.of(pref);
            }
            if (p.contains(prov)) {
                return Optional.of(prov);
            }
        }
        return Optional.empty();
    }

    /** Province roll-up: the province code of a province, prefecture or county code (e.g. 440300 → 440000). */
    public Optional<String> provinceOf(String code) {
        String c = normalize(code);
        if (c == null) {
            return Optional.empty();
        }
        RegionLayer prov = provinces(LevelOfDetail.DETAIL);
        if (prov.contains(c)) {
            return Optional.of(c);
        }
        Seat s = seatByCode.get(c);
        if (s != null) {
            return Optional.of(s.provinceCode());
        }
        Optional<Region> pref = prefectures(LevelOfDetail.DETAIL).byCode(c);
        if (pref.isPresent()) {
            return Optional.ofNullable(pref.get().parentCode());
        }
        if (c.length() == 6) {
            String p = c.substring(0, 2) + "0000";
            return prov.contains(p) ? Optional.of(p) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Problems met while loading (geometry repairs); empty for the shipped layers. */
    public List<String> warnings() {
        return warnings;
    }

    static String normalize(String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim();
        return c.isEmpty() ? null : c;
    }
}
