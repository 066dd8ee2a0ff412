package org.epiflow.map.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.epiflow.map.geo.RegionJoin.RegionRef;

class RegionJoinTest {

    static Basemap basemap;

    @BeforeAll
    static void load() throws IOException {
        basemap = BasemapLoader.loadFromClasspath();
    }

    @Test
    void matchedPolygonsAndUnmatchedPointsWithWarning() {
        List<RegionRef> refs = List.of(
                new RegionRef("110000", 116.4, 39.9),
                new RegionRef(" 440300", 114.06, 22.54),
                new RegionRef("460300", 112.34, 16.83),      // Sansha: no polygon
                new RegionRef("659012", 80.0, 44.0),          // newer county-level city, absent from the basemap
                new RegionRef("110000", 0, 0));               // duplicate ignored
        RegionJoin.Result r = RegionJoin.join(refs, basemap.prefectures(LevelOfDetail.DETAIL));
        assertThat(r.matched()).containsOnlyKeys("110000", "440300");
        assertThat(r.matched().get("440300").nameZh()).isEqualTo("深圳市");
        assertThat(r.unmatchedCodes()).containsExactly("460300", "659012");
        assertThat(r.unmatched().get(0).lon()).isEqualTo(112.34);
        assertThat(r.complete()).isFalse();
        assertThat(r.warning()).hasValueSatisfying(w -> assertThat(w).startsWith("2 region code(s)")
                .contains("460300, 659012"));
    }

    @Test
    void layersAreSearchedInOrder() {
        List<RegionRef> refs = List.of(new RegionRef("440000", 113, 23), new RegionRef("440100", 113.3, 23.1));
        RegionJoin.Result r = RegionJoin.join(refs, basemap.prefectures(LevelOfDetail.NATIONAL),
                basemap.provinces(LevelOfDetail.NATIONAL));
        assertThat(r.complete()).isTrue();
        assertThat(r.warning()).isEmpty();
        assertThat(r.matched().get("440000").nameZh()).isEqualTo("广东省");
    }
}
