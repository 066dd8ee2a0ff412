// Derives the shipped maps/ layers from the reference build in ../shared/mapdata.
// Run through build_maps.sh (single-file source launch; needs target/classes + JTS/Jackson on the classpath).
// usage: java -cp CP BuildMaps.java SRC_DIR OUT_DIR
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.epiflow.map.geo.Feature;
import org.epiflow.map.geo.GeoJson;
import org.epiflow.map.geo.GeoJsonWriter;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

public class BuildMaps {
    // Simplification tolerances (degrees) and output grids (decimal places) per level of detail.
    static final double DETAIL_TOL = 0.025, NATIONAL_TOL = 0.06, CONTEXT_TOL = 0.03;
    static final int DP = 3, DETAIL_DP = 4, NATIONAL_DP = 4, CONTEXT_DP = 2;
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> warnings = new ArrayList<>();

    record Prov(String zh, String en) { }

    public static void main(String[] args) throws Exception {
        Path src = Path.of(args[0]), out = Path.of(args[1]);
        Files.createDirectories(out);
        List<Feature> pref = read(src.resolve("china_prefectures.geojson"));
        List<Geometry> geoms = new ArrayList<>();
        for (Feature f : pref) {
            Geometry g = f.geometry();
            if (!g.isValid()) {
                warnings.add("source prefecture " + f.text("adcode") + " invalid, repaired with GeometryFixer");
                g = polygonal(GeometryFixer.fix(g));
            }
            geoms.add(g);
        }
        Geometry[] src0 = geoms.toArray(Geometry[]::new);
        int bad = 0;
        for (Geometry g : CoverageValidator.validate(src0)) {
            bad += g == null ? 0 : 1;
        }
        System.out.println("source prefectures: " + pref.size() + ", coverage-invalid polygons: " + bad);

        Map<String, Prov> provNames = new TreeMap<>();
        List<Map<String, String>> seats = readCsv(src.resolve("china_prefecture_cities.csv"));
        for (Map<String, String> r : seats) {
            provNames.putIfAbsent(r.get("province_code"), new Prov(r.get("province_zh"), r.get("province_en")));
        }

        Geometry[] detail = level(src0, DETAIL_TOL);
        Geometry[] national = level(src0, NATIONAL_TOL);

        // Seats: must lie inside their own prefecture at both levels; nudge otherwise.
        Map<String, Integer> idx = new LinkedHashMap<>();
        for (int i = 0; i < pref.size(); i++) {
            idx.put(pref.get(i).text("adcode"), i);
        }
        StringBuilder csv = new StringBuilder("code,name_zh,name_en,level,province_code,lon,lat,population\n");
        for (Map<String, String> r : seats) {
            String code = r.get("code");
            double lon = Double.parseDouble(r.get("lon")), lat = Double.parseDouble(r.get("lat"));
            Integer i = idx.get(code);
            if (i == null) {
                warnings.add("seat " + code + " " + r.get("name_zh") + " has no prefecture polygon (kept as a point)");
            } else {
                Geometry both = polygonal(detail[i].intersection(national[i]));
                Point p = GeoJson.FACTORY.createPoint(new Coordinate(lon, lat));
                if (!detail[i].contains(p) || !national[i].contains(p)) {
                    Coordinate c = nudge(both, p);
                    warnings.add(String.format(Locale.ROOT, "seat %s %s outside its polygon at (%.4f, %.4f): "
                            + "nudged %.1f km to (%.4f, %.4f)", code, r.get("name_zh"), lon, lat,
                            p.getCoordinate().distance(c) * 111, c.x, c.y));
                    lon = c.x;
                    lat = c.y;
                }
            }
            for (String v : r.values()) {
                if (v.contains(",") || v.contains("\"")) {
                    throw new IllegalStateException("seat " + code + ": value needs CSV quoting: " + v);
                }
            }
            csv.append(String.join(",", code, r.get("name_zh"), r.get("name_en"), r.get("level"),
                    r.get("province_code"), fmt(lon, 4), fmt(lat, 4), r.get("population"))).append('\n');
        }
        Files.writeString(out.resolve("china_prefecture_seats.csv"), csv.toString(), StandardCharsets.UTF_8);

        // Prefectures at two levels, with one label point (computed on the national level) valid for both.
        List<Feature> prefOut = new ArrayList<>(), prefNat = new ArrayList<>();
        Map<String, List<Integer>> byProv = new TreeMap<>();
        for (int i = 0; i < pref.size(); i++) {
            Feature f = pref.get(i);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("adcode", f.text("adcode"));
            p.put("name_zh", f.text("name_zh"));
            p.put("name_en", f.text("name_en"));
            p.put("province_code", f.text("province_code"));
            label(p, f.text("adcode"), detail[i], national[i]);
            prefOut.add(new Feature(detail[i], p));
            prefNat.add(new Feature(national[i], p));
            byProv.computeIfAbsent(f.text("province_code"), k -> new ArrayList<>()).add(i);
        }
        write(out.resolve("china_prefectures.geojson"), prefOut, DETAIL_DP);
        write(out.resolve("china_prefectures_national.geojson"), prefNat, NATIONAL_DP);

        // Provinces: coverage union of their prefectures, so they nest exactly at both levels.
        List<Feature> provOut = new ArrayList<>(), provNat = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byProv.entrySet()) {
            Geometry d = union(detail, e.getValue()), n = union(national, e.getValue());
            Prov pn = provNames.get(e.getKey());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("adcode", e.getKey());
            p.put("name_zh", pn.zh());
            p.put("name_en", pn.en());
            label(p, e.getKey(), d, n);
            provOut.add(new Feature(d, p));
            provNat.add(new Feature(n, p));
        }
        write(out.resolve("china_provinces.geojson"), provOut, DETAIL_DP);
        write(out.resolve("china_provinces_national.geojson"), provNat, NATIONAL_DP);
        System.out.println("provinces: " + provOut.size());

        // Context: neighbouring countries (China, Taiwan, Hong Kong, Macau are drawn from the prefecture layer).
        List<Feature> countries = new ArrayList<>();
        for (Feature f : read(src.resolve("asia_countries_50m.geojson"))) {
            String a3 = f.text("iso_a3");
            if (a3 != null && List.of("CHN", "TWN", "HKG", "MAC").contains(a3)) {
                continue;
            }
            Geometry g = GeometryFixer.fix(round(TopologyPreservingSimplifier.simplify(f.geometry(), CONTEXT_TOL),
                    CONTEXT_DP));
            if (!g.isEmpty()) {
                countries.add(new Feature(g, f.properties()));
            }
        }
        write(out.resolve("asia_countries.geojson"), countries, CONTEXT_DP);
        List<Feature> coast = new ArrayList<>();
        for (Feature f : read(src.resolve("asia_coastline_50m.geojson"))) {
            List<LineString> keep = new ArrayList<>();
            Geometry s = round(TopologyPreservingSimplifier.simplify(f.geometry(), CONTEXT_TOL), CONTEXT_DP);
            for (int i = 0; i < s.getNumGeometries(); i++) {
                LineString l = (LineString) s.getGeometryN(i);
                if (l.getNumPoints() >= 2 && l.getLength() > 0.05) {
                    keep.add(l);
                }
            }
            coast.add(new Feature(GeoJson.FACTORY.createMultiLineString(keep.toArray(LineString[]::new)), Map.of()));
        }
        write(out.resolve("asia_coastline.geojson"), coast, CONTEXT_DP);

        System.out.println(warnings.size() + " warning(s):");
        warnings.forEach(w -> System.out.println("WARNING " + w));
    }

    /** Coverage-simplifies (shared borders stay shared), rounds to the grid, repairs what rounding broke. */
    /**
     * Coverage-simplifies (shared borders stay shared), then rounds to DP decimals. Rounding is by coordinate
     * value, so a vertex shared by two polygons moves identically in both; vertices of a polygon that rounding
     * would make invalid are exempted (everywhere) and keep the source's 4 decimals.
     */
    static Geometry[] level(Geometry[] src, double tol) {
        Geometry[] simple = CoverageSimplifier.simplify(src, tol);
        java.util.Set<Coordinate> exempt = new java.util.HashSet<>();
        Geometry[] s = new Geometry[simple.length];
        int fixed = 0;
        for (boolean again = true; again; ) {
            again = false;
            for (int i = 0; i < s.length; i++) {
                s[i] = round(simple[i], DP, exempt);
                if (!s[i].isValid()) {
                    exempt.addAll(java.util.Arrays.asList(simple[i].getCoordinates()));
                    again = true;
                    fixed++;
                }
            }
        }
        if (fixed > 0) {
            warnings.add("tolerance " + tol + ": " + fixed + " polygon(s) kept at source precision (rounding "
                    + "would make them invalid)");
        }
        int bad = 0;
        for (Geometry g : CoverageValidator.validate(s)) {
            bad += g == null ? 0 : 1;
        }
        System.out.printf(Locale.ROOT, "level tol=%.3f: %d repaired, %d coverage-invalid, "
                + "%d vertices%n", tol, fixed, bad, java.util.Arrays.stream(s).mapToInt(Geometry::getNumPoints).sum());
        return s;
    }

    static Geometry polygonal(Geometry g) {
        List<Polygon> ps = new ArrayList<>();
        org.locationtech.jts.geom.util.PolygonExtracter.getPolygons(g, ps);
        return ps.size() == 1 ? ps.get(0) : GeoJson.FACTORY.createMultiPolygon(ps.toArray(Polygon[]::new));
    }

    static Geometry union(Geometry[] level, List<Integer> members) {
        Geometry[] gs = members.stream().map(i -> level[i]).toArray(Geometry[]::new);
        Geometry u;
        try {
            u = CoverageUnion.union(gs);
        } catch (RuntimeException e) {
            warnings.add("coverage union failed (" + e.getMessage() + "), used overlay union");
            u = GeoJson.FACTORY.createGeometryCollection(gs).union();
        }
        return u.isValid() ? u : GeometryFixer.fix(u);
    }

    static Geometry round(Geometry g, int dp) {
        return round(g, dp, java.util.Set.of());
    }

    static Geometry round(Geometry g, int dp, java.util.Set<Coordinate> exempt) {
        Geometry c = g.copy();
        double f = Math.pow(10, dp);
        c.apply((org.locationtech.jts.geom.CoordinateFilter) co -> {
            if (exempt.contains(co)) {
                return;
            }
            co.x = Math.round(co.x * f) / f;
            co.y = Math.round(co.y * f) / f;
        });
        c.geometryChanged();
        return c;
    }

    /** Pole of inaccessibility of the national outline, kept only if it also lies inside the detail outline. */
    static void label(Map<String, Object> p, String code, Geometry detail, Geometry national) {
        Geometry both = polygonal(detail.intersection(national));
        Point c = new MaximumInscribedCircle(both, 0.005).getCenter();
        if (!both.contains(c)) {
            c = both.getInteriorPoint();
            warnings.add("label point of " + code + " falls back to InteriorPointArea");
        }
        p.put("label_lon", Double.parseDouble(fmt(c.getX(), 3)));
        p.put("label_lat", Double.parseDouble(fmt(c.getY(), 3)));
        if (!both.contains(GeoJson.FACTORY.createPoint(new Coordinate((Double) p.get("label_lon"),
                (Double) p.get("label_lat"))))) {
            warnings.add("rounded label point of " + code + " is outside its polygon");
        }
    }

    /** An interior point of {@code area} near {@code p}: inside a small disc around the nearest boundary point. */
    static Coordinate nudge(Geometry area, Point p) {
        Coordinate near = DistanceOp.nearestPoints(area, p)[0];
        for (double r = 0.02; r < 1; r *= 2) {
            Geometry local = area.intersection(GeoJson.FACTORY.createPoint(near).buffer(r, 8));
            if (!local.isEmpty()) {
                Coordinate c = local.getInteriorPoint().getCoordinate();
                Coordinate rc = new Coordinate(Double.parseDouble(fmt(c.x, 4)), Double.parseDouble(fmt(c.y, 4)));
                if (area.contains(GeoJson.FACTORY.createPoint(rc))) {
                    return rc;
                }
            }
        }
        throw new IllegalStateException("cannot nudge seat at " + p);
    }

    static List<Feature> read(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return GeoJson.readFeatures(in);
        }
    }

    static List<Map<String, String>> readCsv(Path p) throws IOException {
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        String[] head = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",", -1);
            if (v.length != head.length) {
                throw new IllegalStateException("unexpected CSV quoting/columns in: " + line);
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < head.length; i++) {
                m.put(head[i], v[i]);
            }
            rows.add(m);
        }
        return rows;
    }

    static String fmt(double v, int dp) {
        return new java.math.BigDecimal(v).setScale(dp, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    static void write(Path path, List<Feature> fs, int dp) throws IOException {
        GeoJsonWriter.write(path, fs, dp);
        System.out.printf(Locale.ROOT, "wrote %s (%d features, %d bytes)%n", path.getFileName(), fs.size(),
                Files.size(path));
    }
}
