package org.epiflow.map.geo;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Loads the shipped {@code maps/} layers into a {@link Basemap}: from the classpath ({@code /maps/…}, which is how
 * the application and the tests run — Maven copies the repository's {@code maps/} folder there) or from a folder.
 * Invalid polygons are repaired with {@link GeometryFixer} and reported in {@link Basemap#warnings()}.
 */
public final class BasemapLoader {

    /** Classpath folder of the layers. */
    public static final String CLASSPATH_ROOT = "/maps/";
    /** The bundled CJK font (Noto Sans CJK SC subset, SIL OFL 1.1) relative to the maps folder. */
    public static final String FONT = "fonts/NotoSansCJKsc-Regular-GB2312.otf";
    public static final String PREFECTURES = "china_prefectures", PROVINCES = "china_provinces",
            SEATS = "china_prefecture_seats.csv", COUNTRIES = "asia_countries.geojson",
            COASTLINE = "asia_coastline.geojson";

    /** Opens a named file of the maps folder. */
    @FunctionalInterface
    public interface Source {
        InputStream open(String name) throws IOException;
    }

    private BasemapLoader() {
    }

    /** Loads from {@code /maps/} on the classpath. */
    public static Basemap loadFromClasspath() throws IOException {
        return load(classpath());
    }

    /** Loads from a folder laid out like the repository's {@code maps/}. */
    public static Basemap loadFromDirectory(Path dir) throws IOException {
        return load(directory(dir));
    }

    public static Source classpath() {
        return name -> {
            InputStream in = BasemapLoader.class.getResourceAsStream(CLASSPATH_ROOT + name);
            if (in == null) {
                throw new FileNotFoundException("classpath resource " + CLASSPATH_ROOT + name + " not found");
            }
            return in;
        };
    }

    public static Source directory(Path dir) {
        return name -> Files.newInputStream(dir.resolve(name));
    }

    /** Opens the bundled CJK font from the classpath (caller closes). */
    public static InputStream openFont() throws IOException {
        return classpath().open(FONT);
    }

    /** Loads every layer; the polygon files are parsed in parallel. */
    public static Basemap load(Source src) throws IOException {
        List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<LevelOfDetail, CompletableFuture<RegionLayer>> pref = new EnumMap<>(LevelOfDetail.class);
        Map<LevelOfDetail, CompletableFuture<RegionLayer>> prov = new EnumMap<>(LevelOfDetail.class);
        for (LevelOfDetail lod : LevelOfDetail.values()) {
            pref.put(lod, async(() -> regions(src, lod.fileName(PREFECTURES), "province_code", warnings)));
            prov.put(lod, async(() -> regions(src, lod.fileName(PROVINCES), null, warnings)));
        }
        CompletableFuture<List<Feature>> countries = async(() -> read(src, COUNTRIES));
        List<Seat> seats = seats(src);
        Geometry coast = lines(read(src, COASTLINE));
        try {
            Map<LevelOfDetail, RegionLayer> pr = new EnumMap<>(LevelOfDetail.class);
            Map<LevelOfDetail, RegionLayer> pv = new EnumMap<>(LevelOfDetail.class);
            for (LevelOfDetail lod : LevelOfDetail.values()) {
                pr.put(lod, pref.get(lod).join());
                pv.put(lod, prov.get(lod).join());
            }
            return new Basemap(pr, pv, seats, countries.join(), coast, warnings);
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> CompletableFuture<T> async(IoSupplier<T> s) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return s.get();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    private static List<Feature> read(Source src, String name) throws IOException {
        try (InputStream in = src.open(name)) {
            return GeoJson.readFeatures(in);
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
    }

    private static RegionLayer regions(Source src, String name, String parentField, List<String> warnings)
            throws IOException {
        List<Region> out = new ArrayList<>();
        for (Feature f : read(src, name)) {
            String code = f.text("adcode");
            Geometry g = f.geometry();
            if (!g.isValid()) {
                g = GeometryFixer.fix(g);
                warnings.add(name + ": repaired invalid geometry of " + code);
            }
            Point label;
            Double lx = number(f.properties().get("label_lon")), ly = number(f.properties().get("label_lat"));
            if (lx != null && ly != null) {
                label = GeoJson.FACTORY.createPoint(new Coordinate(lx, ly));
            } else {
                label = Labels.labelPoint(g);
            }
            out.add(new Region(code, f.text("name_zh"), f.text("name_en"),
                    parentField == null ? null : f.text(parentField), g, label, g.getCentroid()));
        }
        return new RegionLayer(name, out);
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    private static Geometry lines(List<Feature> fs) {
        List<LineString> ls = new ArrayList<>();
        for (Feature f : fs) {
            for (int i = 0; i < f.geometry().getNumGeometries(); i++) {
                if (f.geometry().getGeometryN(i) instanceof LineString l) {
                    ls.add(l);
                }
            }
        }
        return GeoJson.FACTORY.createMultiLineString(ls.toArray(LineString[]::new));
    }

    private static List<Seat> seats(Source src) throws IOException {
        List<Seat> out = new ArrayList<>();
        try (InputStream in = src.open(SEATS)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            String header = "code,name_zh,name_en,level,province_code,lon,lat,population";
            if (!lines[0].equals(header)) {
                throw new IOException(SEATS + ": unexpected header " + lines[0]);
            }
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] v = lines[i].split(",", -1);
                if (v.length != 8) {
                    throw new IOException(SEATS + " line " + (i + 1) + ": expected 8 columns");
                }
                out.add(new Seat(v[0], v[1], v[2], v[3], v[4], Double.parseDouble(v[5]), Double.parseDouble(v[6]),
                        v[7].isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v[7]))));
            }
        }
        return out;
    }

    /** Loads the classpath basemap {@code runs} times and reports each load time in milliseconds. */
    public static List<String> bench(int runs) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Basemap b = loadFromClasspath();
            b.prefectures(LevelOfDetail.DETAIL).regionAt(116.4, 39.9);   // include the first hit-test index build
            long ms = (System.nanoTime() - t0) / 1_000_000;
            out.add(String.format(java.util.Locale.ROOT, "basemap load #%d: %d ms (%d prefectures, %d provinces, "
                    + "%d seats)", i + 1, ms, b.prefectures(LevelOfDetail.DETAIL).size(),
                    b.provinces(LevelOfDetail.DETAIL).size(), b.seats().size()));
        }
        return out;
    }
}
