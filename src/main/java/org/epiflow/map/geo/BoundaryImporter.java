package org.epiflow.map.geo;

import org.epiflow.text.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Imports a bureau's own official boundaries from GeoJSON or an Esri Shapefile ({@code .shp + .dbf + .prj},
 * optional {@code .cpg}), in any supported CRS (see {@link CrsResolver}), reprojected to WGS84 lon/lat with
 * proj4j, keyed by a code field. Every problem raises a {@link BoundaryImportException} that names it.
 */
public final class BoundaryImporter {

    /** Rough box around China (lon/lat); imported boundaries must overlap it, else the CRS is wrong. */
    static final Envelope CHINA_BOX = new Envelope(70, 140, 0, 56);

    private BoundaryImporter() {
    }

    /** Imports a {@code .shp} (or its {@code .dbf}) or a {@code .geojson}/{@code .json} file. */
    public static ImportedBoundaries importFile(Path file, ImportOptions options) throws BoundaryImportException {
        String name = file.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!Files.isRegularFile(file)) {
            throw new BoundaryImportException(Message.of("boundary.notFound", String.valueOf(file)));
        }
        List<Message> warnings = new ArrayList<>();
        Source src = switch (ext) {
            case "shp", "dbf", "shx", "prj" -> shapefile(sibling(file, "shp", true), options, warnings);
            case "geojson", "json" -> geojson(file, warnings);
            default -> throw new BoundaryImportException(Message.of("boundary.unsupportedType", name, ext));
        };
        return build(src, options, warnings);
    }

    /** Features in the file's CRS, with attributes, the field names and the CRS. */
    private record Source(String file, List<Geometry> geometries, List<Map<String, Object>> attributes,
                          List<String> fields, CrsResolver.Resolved crs) {
    }

    private static Source shapefile(Path shp, ImportOptions options, List<Message> warnings)
            throws BoundaryImportException {
        String base = shp.getFileName().toString();
        Path dbf = sibling(shp, "dbf", false);
        if (dbf == null) {
            throw new BoundaryImportException(Message.of("boundary.missingDbf", base, stem(shp)));
        }
        List<Geometry> geoms = ShapefileReader.read(bytes(shp), base, GeoJson.FACTORY);
        Charset cs = options.dbfCharset();
        Path cpg = sibling(shp, "cpg", false);
        if (cs == null && cpg != null) {
            String text = new String(bytes(cpg), StandardCharsets.US_ASCII).trim();
            try {
                cs = DbfReader.charsetOfCpg(text);
            } catch (RuntimeException e) {
                throw new BoundaryImportException(Message.of("boundary.unknownCpg", stem(shp), text));
            }
        }
        DbfReader.Table table = DbfReader.read(bytes(dbf), dbf.getFileName().toString(), cs);
        if (table.rows().size() != geoms.size()) {
            throw new BoundaryImportException(Message.of("boundary.countMismatch", base, geoms.size(),
                    table.rows().size()));
        }
        List<Geometry> g = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < geoms.size(); i++) {
            if (table.rows().get(i) != null && geoms.get(i) != null) {     // skip deleted records / Null shapes
                g.add(geoms.get(i));
                rows.add(table.rows().get(i));
            }
        }
        Path prj = sibling(shp, "prj", false);
        CrsResolver.Resolved crs;
        if (prj != null) {
            crs = CrsResolver.fromWkt(new String(bytes(prj), StandardCharsets.UTF_8));
        } else if (looksLonLat(g)) {
            crs = CrsResolver.wgs84();
            warnings.add(Message.of("boundary.noPrjAssumed", base));
        } else {
            throw new BoundaryImportException(Message.of("boundary.noPrj", base, stem(shp)));
        }
        return new Source(base, g, rows, table.fields(), crs);
    }

    private static Source geojson(Path file, List<Message> warnings) throws BoundaryImportException {
        String base = file.getFileName().toString();
        GeoJson.Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = GeoJson.read(in);
        } catch (IOException e) {
            throw new BoundaryImportException(Message.of("boundary.notJson", base, jsonProblem(e)), e);
        } catch (IllegalArgumentException e) {
            throw new BoundaryImportException(Message.of("boundary.notGeoJson", base, reason(e)), e);
        }
        List<Geometry> g = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        LinkedHashSet<String> fields = new LinkedHashSet<>();
        for (Feature f : doc.features()) {
            g.add(f.geometry());
            rows.add(f.properties());
            fields.addAll(f.properties().keySet());
        }
        CrsResolver.Resolved crs;
        if (doc.crsName() != null) {
            try {
                crs = CrsResolver.fromName(doc.crsName());
            } catch (BoundaryImportException e) {
                throw new BoundaryImportException(Message.of("boundary.inFile", base, e.message()), e);
            }
        } else {
            if (!g.isEmpty() && !looksLonLat(g)) {
                throw new BoundaryImportException(Message.of("boundary.noCrsMember", base));
            }
            crs = CrsResolver.wgs84();
        }
        return new Source(base, g, rows, List.copyOf(fields), crs);
    }

    private static ImportedBoundaries build(Source src, ImportOptions options, List<Message> warnings)
            throws BoundaryImportException {
        if (src.geometries().isEmpty()) {
            throw new BoundaryImportException(Message.of("boundary.empty", src.file()));
        }
        String codeField = AttributeFields.codeField(options.codeField(), src.fields(), src.attributes(), src.file());
        String nameField = AttributeFields.nameField(options.nameField(), AttributeFields.NAME_NAMES, src.fields(),
                codeField, src.file());
        String enField = AttributeFields.nameField(options.nameEnField(), AttributeFields.NAME_EN_NAMES, src.fields(),
                codeField, src.file());
        warnings.addAll(src.crs().warnings());
        Reprojector reproject = new Reprojector(src.crs());
        Map<String, Integer> firstIndex = new LinkedHashMap<>();
        List<Message> duplicates = new ArrayList<>();
        List<Region> regions = new ArrayList<>();
        Envelope bounds = new Envelope();
        for (int i = 0; i < src.geometries().size(); i++) {
            Map<String, Object> row = src.attributes().get(i);
            String code = AttributeFields.normalizeCode(row.get(codeField));
            if (code == null) {
                throw new BoundaryImportException(Message.of("boundary.noCode", src.file(), i + 1, codeField));
            }
            Integer prev = firstIndex.putIfAbsent(code, i);
            if (prev != null) {
                duplicates.add(Message.of("boundary.duplicate", code, prev + 1, i + 1));
                continue;
            }
            Message label = Message.of("boundary.feature", i + 1, code);
            Geometry g = Repair.polygonal(reproject.apply(src.geometries().get(i), src.file(), label), src.file(),
                    label, warnings);
            bounds.expandToInclude(g.getEnvelopeInternal());
            regions.add(Region.of(code, text(row, nameField), text(row, enField), parent(code), g));
        }
        if (!duplicates.isEmpty()) {
            List<Message> shown = List.copyOf(duplicates.subList(0, Math.min(10, duplicates.size())));
            throw new BoundaryImportException(Message.of("boundary.duplicates", src.file(), codeField,
                    duplicates.size() > 10 ? Message.of("boundary.duplicatesMore", shown, duplicates.size()) : shown));
        }
        if (!bounds.intersects(CHINA_BOX)) {
            throw new BoundaryImportException(Message.of("boundary.outsideChina", src.file(),
                    src.crs().description(), degrees(bounds.getMinX()), degrees(bounds.getMaxX()),
                    degrees(bounds.getMinY()), degrees(bounds.getMaxY())));
        }
        return new ImportedBoundaries(new RegionLayer(src.file(), regions), codeField, nameField,
                src.crs().description(), warnings);
    }

    private static String degrees(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** The first line of a JSON parser's complaint (it names the line and column). */
    private static String jsonProblem(IOException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.split("\n")[0];
    }

    /** What a reader found wrong: its message when it has one, else its words. */
    static Object reason(RuntimeException e) {
        return e instanceof GeoFormatException g ? g.message() : String.valueOf(e.getMessage());
    }

    private static String parent(String code) {
        return code.matches("\\d{6}") && !code.endsWith("0000") ? code.substring(0, 2) + "0000" : null;
    }

    private static String text(Map<String, Object> row, String field) {
        if (field == null || row.get(field) == null) {
            return null;
        }
        String s = row.get(field).toString().trim();
        return s.isEmpty() ? null : s;
    }

    private static boolean looksLonLat(List<Geometry> gs) {
        Envelope e = new Envelope();
        gs.forEach(g -> e.expandToInclude(g.getEnvelopeInternal()));
        return e.isNull() || (e.getMinX() >= -180 && e.getMaxX() <= 360 && e.getMinY() >= -90 && e.getMaxY() <= 90);
    }

    private static byte[] bytes(Path p) throws BoundaryImportException {
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new BoundaryImportException(Message.of("boundary.notFound", String.valueOf(p.getFileName())), e);
        } catch (IOException e) {
            throw new BoundaryImportException(Message.of("boundary.cannotRead", String.valueOf(p.getFileName()),
                    org.epiflow.text.Problems.of(e)), e);
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
    }

    /** The file with the same stem and the given extension (any letter case), or null / an exception if absent. */
    private static Path sibling(Path file, String ext, boolean required) throws BoundaryImportException {
        String stem = stem(file);
        Path dir = file.toAbsolutePath().getParent();
        try (Stream<Path> s = Files.list(dir)) {
            Path hit = s.filter(p -> p.getFileName().toString().equalsIgnoreCase(stem + "." + ext)).findFirst()
                    .orElse(null);
            if (hit == null && required) {
                throw new BoundaryImportException(Message.of("boundary.missingSibling",
                        String.valueOf(file.getFileName()), stem + "." + ext));
            }
            return hit;
        } catch (IOException e) {
            throw new BoundaryImportException(Message.of("boundary.cannotList", String.valueOf(dir),
                    org.epiflow.text.Problems.of(e)), e);
        }
    }
}
