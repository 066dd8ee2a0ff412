package org.epiflow.map.geo;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz targets for boundary files an analyst imports (docs/security.md, "Fuzzing"): GeoJSON, Shapefile geometry,
 * DBF attributes and {@code .prj} WKT may fail only with {@link BoundaryImportException} or {@link IOException}.
 */
class BoundaryFuzzTest {
    static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("epiflow-fuzz-geo");
            DIR.toFile().deleteOnExit();
            // load and instrument everything once before fuzzing (an input may take at most 1 s)
            BoundaryFuzzTest t = new BoundaryFuzzTest();
            Path fixtures = Path.of("src/test/resources/boundaries");
            if (Files.isDirectory(fixtures)) {
                t.geoJsonImport(Files.readAllBytes(fixtures.resolve("gd_3857.geojson")));
                t.shapefile(Files.readAllBytes(fixtures.resolve("gd_3857.shp")));
                t.prj(Files.readAllBytes(fixtures.resolve("gd_3857.prj")));
            }
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** GeoJSON parsing; its declared failures are IOException and IllegalArgumentException (malformed input). */
    @FuzzTest
    void geoJson(byte[] file) {
        try {
            GeoJson.read(new ByteArrayInputStream(file));
        } catch (IOException | IllegalArgumentException expected) {
            // refused: fine
        }
    }

    /** A GeoJSON file through the whole importer (region join, reprojection checks, simplification). */
    @FuzzTest
    void geoJsonImport(byte[] file) throws IOException {
        Path p = DIR.resolve("b.geojson");
        Files.write(p, file);
        try {
            BoundaryImporter.importFile(p, ImportOptions.auto());
        } catch (BoundaryImportException expected) {
            // refused: fine
        }
    }

    @FuzzTest
    void shapefile(byte[] shp) {
        try {
            ShapefileReader.read(shp, "b.shp", GeoJson.FACTORY);
        } catch (BoundaryImportException expected) {
            // refused: fine
        }
    }

    @FuzzTest
    void dbf(FuzzedDataProvider data) {
        boolean gbk = data.consumeBoolean();
        try {
            DbfReader.read(data.consumeRemainingAsBytes(), "b.dbf", gbk ? DbfReader.GBK : null);
        } catch (BoundaryImportException expected) {
            // refused: fine
        }
    }

    @FuzzTest
    void prj(byte[] wkt) {
        try {
            CrsResolver.fromWkt(new String(wkt, StandardCharsets.UTF_8));
        } catch (BoundaryImportException expected) {
            // refused: fine
        }
    }
}
