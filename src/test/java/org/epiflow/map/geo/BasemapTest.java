package org.epiflow.map.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

class BasemapTest {

    /** Seats documented in maps/README.md as having no polygon. */
    static final Set<String> NO_POLYGON = Set.of("460300");   // Sansha: islands, no polygon in the source

    static Basemap basemap;

    @BeforeAll
    static void load() throws IOException {
        basemap = BasemapLoader.loadFromClasspath();
    }

    static Point pt(double lon, double lat) {
        return GeoJson.FACTORY.createPoint(new Coordinate(lon, lat));
    }

    @ParameterizedTest
    @EnumSource(LevelOfDetail.class)
    void layersLoadWithExpectedCountsAndAreValid(LevelOfDetail lod) {
        assertThat(basemap.prefectures(lod).size()).isEqualTo(366);
        assertThat(basemap.provinces(lod).size()).isEqualTo(34);
        for (RegionLayer layer : List.of(basemap.prefectures(lod), basemap.provinces(lod))) {
            for (Region r : layer.regions()) {
                assertThat(r.geometry().isValid()).as(r.code()).isTrue();
                assertThat(r.geometry().getDimension()).isEqualTo(2);
                assertThat(r.geometry().isEmpty()).isFalse();
                assertThat(r.nameZh()).isNotBlank();
                assertThat(r.nameEn()).isNotBlank();
                assertThat(r.geometry().contains(r.labelPoint())).as("label of " + r.code()).isTrue();
            }
        }
        assertThat(basemap.warnings()).isEmpty();
        assertThat(basemap.prefectures(lod).bounds().getMinX()).isBetween(73.0, 74.0);
        assertThat(basemap.prefectures(lod).bounds().getMaxX()).isBetween(134.0, 135.5);
    }

    @Test
    void contextLayersAndFontArePresent() throws IOException {
        assertThat(basemap.countries()).hasSizeGreaterThan(30);
        assertThat(basemap.countries()).noneMatch(f -> "CHN".equals(f.text("iso_a3")));
        assertThat(basemap.countries()).anyMatch(f -> "蒙古".equals(f.text("name_zh")));
        assertThat(basemap.coastline().getNumGeometries()).isGreaterThan(10);
        try (InputStream in = BasemapLoader.openFont()) {
            byte[] head = in.readNBytes(4);
            assertThat(new String(head, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("OTTO");
        }
        try (InputStream in = BasemapLoader.classpath().open("fonts/NotoSansCJK-copyright.txt")) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("SIL");
        }
    }

    @ParameterizedTest
    @EnumSource(LevelOfDetail.class)
    void everySeatLiesInsideItsOwnPrefecture(LevelOfDetail lod) {
        assertThat(basemap.seats()).hasSize(367);
        for (Seat s : basemap.seats()) {
            if (NO_POLYGON.contains(s.code())) {
                assertThat(basemap.prefectures(lod).contains(s.code())).isFalse();
                continue;
            }
            Region r = basemap.prefectures(lod).byCode(s.code()).orElseThrow(() -> new AssertionError(s.code()));
            assertThat(r.geometry().contains(pt(s.lon(), s.lat()))).as(s.code() + " " + s.nameZh()).isTrue();
        }
    }

    @Test
    void hitTestReturnsTheSeatsOwnCode() {
        for (Seat s : basemap.seats()) {
            String hit = basemap.prefectureAt(s.lon(), s.lat()).map(Region::code).orElse(null);
            assertThat(hit).as(s.nameZh()).isEqualTo(NO_POLYGON.contains(s.code()) ? null : s.code());
            String nat = basemap.prefectures(LevelOfDetail.NATIONAL).regionAt(s.lon(), s.lat()).map(Region::code)
                    .orElse(null);
            assertThat(nat).as(s.nameZh()).isEqualTo(hit);
        }
        assertThat(basemap.prefectureAt(116.40, 39.90).map(Region::code)).contains("110000");
        assertThat(basemap.provinces(LevelOfDetail.DETAIL).regionAt(113.26, 23.13).map(Region::code))
                .contains("440000");
        assertThat(basemap.prefectureAt(125.0, 30.0)).isEmpty();        // East China Sea
        assertThat(basemap.prefectureAt(-70.0, 40.0)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(LevelOfDetail.class)
    void codesAreUniqueAndPrefecturesJoinToTheirProvince(LevelOfDetail lod) {
        Set<String> seen = new HashSet<>();
        for (Region r : basemap.prefectures(lod).regions()) {
            assertThat(r.code()).matches("\\d{6}");
            assertThat(seen.add(r.code())).isTrue();
            assertThat(r.parentCode()).isEqualTo(r.code().substring(0, 2) + "0000");
            Region prov = basemap.provinces(lod).byCode(r.parentCode()).orElseThrow();
            assertThat(prov.geometry().covers(r.labelPoint())).as(r.code()).isTrue();
            assertThat(basemap.provinceOf(r.code())).contains(r.parentCode());
        }
        Set<String> seatCodes = basemap.seats().stream().map(Seat::code).collect(Collectors.toSet());
        assertThat(seatCodes).hasSize(367);
        for (Seat s : basemap.seats()) {
            assertThat(basemap.provinces(lod).contains(s.provinceCode())).as(s.code()).isTrue();
        }
    }

    @Test
    void provincesNestWithPrefectures() {
        for (LevelOfDetail lod : LevelOfDetail.values()) {
            for (Region prov : basemap.provinces(lod).regions()) {
                double sum = basemap.prefectures(lod).regions().stream()
                        .filter(r -> prov.code().equals(r.parentCode()))
                        .mapToDouble(r -> r.geometry().getArea()).sum();
                assertThat(sum).as(prov.code()).isCloseTo(prov.geometry().getArea(),
                        org.assertj.core.data.Percentage.withPercentage(0.01));
            }
        }
    }

    @Test
    void rollUpOfCountyAndMunicipalDistrictCodes() {
        assertThat(basemap.provinceOf("440305")).contains("440000");       // Nanshan district, Shenzhen
        assertThat(basemap.prefectureOf("440305")).contains("440300");
        assertThat(basemap.prefectureOf("110105")).contains("110000");     // Chaoyang district, Beijing
        assertThat(basemap.provinceOf("460300")).contains("460000");       // Sansha: seat only
        assertThat(basemap.provinceOf(" 429004 ")).contains("420000");     // Xiantao, county-level
        assertThat(basemap.provinceOf("999999")).isEmpty();
        assertThat(basemap.provinceOf(null)).isEmpty();
    }

    @Test
    void loadsFromTheRepositoryFolderToo() throws IOException {
        Basemap b = BasemapLoader.loadFromDirectory(Path.of("maps"));
        assertThat(b.prefectures(LevelOfDetail.NATIONAL).size()).isEqualTo(366);
        Geometry bj = b.prefectures(LevelOfDetail.DETAIL).byCode("110000").orElseThrow().geometry();
        assertThat(bj.getArea()).isBetween(1.5, 1.9);      // ≈ 16 400 km² at 40°N
    }

    @Test
    void levelOfDetailForScale() {
        assertThat(LevelOfDetail.forScale(20)).isEqualTo(LevelOfDetail.NATIONAL);
        assertThat(LevelOfDetail.forScale(200)).isEqualTo(LevelOfDetail.DETAIL);
    }
}
