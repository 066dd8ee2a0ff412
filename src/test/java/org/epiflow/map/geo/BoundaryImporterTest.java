package org.epiflow.map.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundaryImporterTest {

    static Basemap basemap;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws IOException {
        basemap = BasemapLoader.loadFromClasspath();
    }

    static Path fixture(String name) {
        try {
            return Path.of(BoundaryImporterTest.class.getResource("/boundaries/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The imported polygons must coincide with the basemap polygons they were made from. */
    private static void assertMatchesBasemap(ImportedBoundaries b) {
        assertThat(b.layer().size()).isEqualTo(4);
        for (String code : new String[] {"440100", "440300", "440600", "441900"}) {
            Region r = b.layer().byCode(code).orElseThrow(() -> new AssertionError(code));
            Region ref = basemap.prefectures(LevelOfDetail.NATIONAL).byCode(code).orElseThrow();
            assertThat(r.geometry().isValid()).isTrue();
            assertThat(r.geometry().getArea()).isCloseTo(ref.geometry().getArea(), within(ref.geometry().getArea() * 1e-3));
            assertThat(r.geometry().getEnvelopeInternal().getMinX())
                    .isCloseTo(ref.geometry().getEnvelopeInternal().getMinX(), within(1e-4));   // ≈ 10 m
            assertThat(r.geometry().getEnvelopeInternal().getMaxY())
                    .isCloseTo(ref.geometry().getEnvelopeInternal().getMaxY(), within(1e-4));
            assertThat(r.geometry().contains(r.labelPoint())).isTrue();
            assertThat(r.parentCode()).isEqualTo("440000");
            Seat seat = basemap.seat(code).orElseThrow();
            assertThat(b.layer().regionAt(seat.lon(), seat.lat()).map(Region::code)).contains(code);
        }
    }

    @Test
    void shapefileInWebMercatorWithUtf8Cpg() throws Exception {
        ImportedBoundaries b = BoundaryImporter.importFile(fixture("gd_3857.shp"), ImportOptions.auto());
        assertMatchesBasemap(b);
        assertThat(b.codeField()).isEqualTo("ADCODE");
        assertThat(b.nameField()).isEqualTo("NAME");
        assertThat(b.sourceCrs()).contains("WGS_1984_Web_Mercator_Auxiliary_Sphere");
        assertThat(b.layer().byCode("440300").orElseThrow().nameZh()).isEqualTo("深圳市");
        assertThat(b.layer().byCode("440300").orElseThrow().nameEn()).isEqualTo("Shenzhen");
        assertThat(b.warnings()).isEmpty();
    }

    @Test
    void shapefileInCgcs2000GaussKrugerZoneWithGbkDbfAndChineseFieldNames() throws Exception {
        ImportedBoundaries b = BoundaryImporter.importFile(fixture("gd_gk38.shp"), ImportOptions.auto());
        assertMatchesBasemap(b);
        assertThat(b.codeField()).isEqualTo("区划代码");
        assertThat(b.nameField()).isEqualTo("名称");
        assertThat(b.sourceCrs()).contains("CGCS2000_3_Degree_GK_Zone_38");
        assertThat(b.layer().byCode("441900").orElseThrow().nameZh()).isEqualTo("东莞市");
    }

    @Test
    void shapefileInUtmWithNumericCodesSelectedByTheDbfOrPrj() throws Exception {
        ImportedBoundaries b = BoundaryImporter.importFile(fixture("gd_utm49n.dbf"), ImportOptions.auto());
        assertMatchesBasemap(b);
        assertThat(b.codeField()).isEqualTo("CODE");
        assertThat(b.nameField()).isNull();
        assertThat(b.layer().byCode("440600").orElseThrow().nameEn()).isEqualTo("Foshan");
        assertThat(b.sourceCrs()).contains("UTM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gd_gk114e.geojson", "gd_3857.geojson"})
    void geoJsonWithLegacyCrsMember(String file) throws Exception {
        ImportedBoundaries b = BoundaryImporter.importFile(fixture(file), ImportOptions.auto());
        assertMatchesBasemap(b);
        assertThat(b.sourceCrs()).contains("EPSG:");
        assertThat(b.layer().byCode("440100").orElseThrow().nameZh()).isEqualTo("广州市");
    }

    @Test
    void explicitFieldsAndJoinAgainstImportedLayerFirst() throws Exception {
        ImportedBoundaries b = BoundaryImporter.importFile(fixture("gd_3857.shp"),
                ImportOptions.auto().withCodeField("adcode").withNameFields("NAME", "NAME_EN"));
        RegionJoin.Result r = RegionJoin.join(java.util.List.of(new RegionJoin.RegionRef("440300", 114, 22.5),
                new RegionJoin.RegionRef("110000", 116.4, 39.9)), b.layer(),
                basemap.prefectures(LevelOfDetail.DETAIL));
        assertThat(r.complete()).isTrue();
        assertThat(r.matched().get("440300")).isSameAs(b.layer().byCode("440300").orElseThrow());
    }

    @Test
    void missingDbfIsNamed() {
        assertThatThrownBy(() -> BoundaryImporter.importFile(fixture("bad_nodbf.shp"), ImportOptions.auto()))
                .isInstanceOf(BoundaryImportException.class).hasMessageContaining("missing bad_nodbf.dbf");
    }

    @Test
    void unsupportedProjectionQuotesThePrjName() {
        assertThatThrownBy(() -> BoundaryImporter.importFile(fixture("bad_crs.shp"), ImportOptions.auto()))
                .isInstanceOf(BoundaryImportException.class)
                .hasMessageContaining("PROJCS 'World_Sinusoidal'").hasMessageContaining("'Sinusoidal'");
    }

    @Test
    void unknownGeoJsonCrsAndProjectedCoordinatesWithoutCrs() throws IOException {
        Path unknown = write("unknown.geojson", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
                + "\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::999999\"}},\"features\":[" + square("110000", 0)
                + "]}");
        assertThatThrownBy(() -> BoundaryImporter.importFile(unknown, ImportOptions.auto()))
                .isInstanceOf(BoundaryImportException.class).hasMessageContaining("EPSG::999999");
        Path noCrs = write("nocrs.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"adcode\":\"110000\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[500000,4400000],[510000,4400000],[510000,4410000],[500000,4400000]]]}}]}");
        assertThatThrownBy(() -> BoundaryImporter.importFile(noCrs, ImportOptions.auto()))
                .isInstanceOf(BoundaryImportException.class).hasMessageContaining("no \"crs\" member");
    }

    @Test
    void wrongCodeFieldListsTheFields() {
        assertThatThrownBy(() -> BoundaryImporter.importFile(fixture("gd_3857.shp"),
                ImportOptions.auto().withCodeField("XZQDM")))
                .isInstanceOf(BoundaryImportException.class)
                .hasMessageContaining("code field 'XZQDM' does not exist")
                .hasMessageContaining("[ADCODE, NAME, NAME_EN, POP]");
    }

    @Test
    void noDetectableCodeFieldListsTheFields() throws IOException {
        Path p = write("nocode.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + square("北京", 0).replace("\"adcode\"", "\"名字\"") + "]}");
        assertThatThrownBy(() -> BoundaryImporter.importFile(p, ImportOptions.auto()))
                .isInstanceOf(BoundaryImportException.class)
                .hasMessageContaining("no region-code field found").hasMessageContaining("[名字]");
    }

    @Test
    void brokenGeometryNamesTheFeatureAndRepairableOnesAreRepaired() throws Exception {
        String collapsed = "{\"type\":\"Feature\",\"properties\":{\"adcode\":\"120000\"},\"geometry\":"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[117,39],[117.5,39.5],[118,40],[117,39]]]}}";
        Path p = write("broken.geojson", "{\"type\":\"FeatureCollection\",\"features\":[" + square("110000", 0) + ","
                + collapsed + "]}");
        assertThatThrownBy(() -> BoundaryImporter.importFile(p, ImportOptions.auto()))
                .isInstanceOf(BoundaryImportException.class)
                .hasMessageContaining("feature #2 (code 120000) has broken geometry that cannot be repaired");
        String bowtie = "{\"type\":\"Feature\",\"properties\":{\"adcode\":\"120000\"},\"geometry\":"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[117,39],[118,40],[118,39],[117,40],[117,39]]]}}";
        Path q = write("bowtie.geojson", "{\"type\":\"FeatureCollection\",\"features\":[" + bowtie + "]}");
        ImportedBoundaries b = BoundaryImporter.importFile(q, ImportOptions.auto());
        assertThat(b.layer().byCode("120000").orElseThrow().geometry().isValid()).isTrue();
        assertThat(b.warnings()).singleElement().asString().contains("feature #1 (code 120000)", "repaired");
    }

    @Test
    void duplicateCodesAndEmptyFilesAreRefused() throws IOException {
        Path dup = write("dup.geojson", "{\"type\":\"FeatureCollection\",\"features\":[" + square("110000", 0) + ","
                + square("110000", 1) + "]}");
        assertThatThrownBy(() -> BoundaryImporter.importFile(dup, ImportOptions.auto()))
                .isInstanceOf(BoundaryImportException.class)
                .hasMessageContaining("duplicate region codes").hasMessageContaining("110000 (features #1 and #2)");
        Path empty = write("empty.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}");
        assertThatThrownBy(() -> BoundaryImporter.importFile(empty, ImportOptions.auto()))
                .isInstanceOf(BoundaryImportException.class).hasMessageContaining("contains no features");
        Path notJson = write("junk.geojson", "this is not json");
        assertThatThrownBy(() -> BoundaryImporter.importFile(notJson, ImportOptions.auto()))
                .isInstanceOf(BoundaryImportException.class).hasMessageContaining("not valid JSON");
        Path emptyShp = tmp.resolve("zero.shp");
        Files.write(emptyShp, new byte[0]);
        Files.write(tmp.resolve("zero.dbf"), new byte[0]);
        assertThatThrownBy(() -> BoundaryImporter.importFile(emptyShp, ImportOptions.auto()))
                .isInstanceOf(BoundaryImportException.class).hasMessageContaining("not a Shapefile");
    }

    @Test
    void wrongCrsThatLandsOutsideChinaIsReported() throws IOException {
        // UTM coordinates declared as Web Mercator end up near the equator off Africa
        String feature = "{\"type\":\"Feature\",\"properties\":{\"adcode\":\"440100\"},\"geometry\":"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[700000,2500000],[710000,2500000],[710000,2510000],"
                + "[700000,2500000]]]}}";
        Path p = write("wrongcrs.geojson", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
                + "\"properties\":{\"name\":\"EPSG:3857\"}},\"features\":[" + feature + "]}");
        assertThatThrownBy(() -> BoundaryImporter.importFile(p, ImportOptions.auto()))
                .isInstanceOf(BoundaryImportException.class).hasMessageContaining("outside China");
    }

    @Test
    void unsupportedFileType() throws IOException {
        Path p = write("x.kml", "<kml/>");
        assertThatThrownBy(() -> BoundaryImporter.importFile(p, ImportOptions.auto()))
                .isInstanceOf(BoundaryImportException.class).hasMessageContaining("unsupported file type '.kml'");
    }

    private static String square(String code, int offset) {
        double x = 116 + offset, y = 39;
        return "{\"type\":\"Feature\",\"properties\":{\"adcode\":\"" + code + "\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[" + x + "," + y + "],[" + (x + 0.5) + "," + y + "],[" + (x + 0.5) + ","
                + (y + 0.5) + "],[" + x + "," + (y + 0.5) + "],[" + x + "," + y + "]]]}}";
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
