package org.epiflow.map;

import org.epiflow.map.geo.BasemapLoader;
import org.epiflow.map.geo.LevelOfDetail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a heatmap shows on the rendered map, counted in pixels. */
class ChoroplethMarksTest {
    static BasemapGeometry basemap;
    static final int RED = 0xFFD7301F;

    @BeforeAll
    static void load() throws Exception {
        basemap = new BasemapGeometry(BasemapLoader.loadFromClasspath());
    }

    static BufferedImage render(ChoroplethLayer layer) {
        MapScene scene = MapScene.builder(basemap, MapViewport.china(900, 700)).heatmap(layer).build();
        return Java2DRenderer.render(scene);
    }

    static int count(BufferedImage img, int argb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) | 0xFF000000) == (argb | 0xFF000000) ? 1 : 0;
            }
        }
        return n;
    }

    static int darkGrey(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                int r = c >> 16 & 0xFF;
                int g = c >> 8 & 0xFF;
                int b = c & 0xFF;
                n += Math.abs(r - g) < 8 && Math.abs(g - b) < 8 && r > 0x48 && r < 0xA8 ? 1 : 0;
            }
        }
        return n;
    }

    /**
     * Issue 11 item 3: province values were painted on the prefecture shapes whose codes they share (Beijing,
     * Chongqing, …), so only the municipalities were coloured. Every province must be.
     */
    @Test
    void provinceValuesColourEveryProvince() {
        Map<String, Double> prefectures = new HashMap<>();
        for (BasemapGeometry.Shape s : basemap.prefectures(LevelOfDetail.NATIONAL)) {
            prefectures.put(s.code(), 1.0);
        }
        Map<String, Double> provinces = new HashMap<>();
        for (BasemapGeometry.Shape s : basemap.provinces(LevelOfDetail.NATIONAL)) {
            provinces.put(s.code(), 1.0);
        }
        int[] colors = {RED, RED};
        int byPrefecture = count(render(new ChoroplethLayer("p", prefectures, new double[]{0.5}, colors)), RED);
        int byProvince = count(render(new ChoroplethLayer("q", provinces, new double[]{0.5}, colors)), RED);
        assertThat(byPrefecture).isGreaterThan(50_000);
        assertThat((double) byProvince / byPrefecture).isGreaterThan(0.9);
    }

    /** Issue 11 item 6: "no value" is a neutral grey, suppressed trips are hatched, sources are dark. */
    @Test
    void marksAreDrawnDistinctlyFromEveryClass() {
        Map<String, Double> values = Map.of("420100", 5.0);
        Map<String, ChoroplethLayer.Mark> marks = Map.of("110100", ChoroplethLayer.Mark.NO_VALUE,
                "540100", ChoroplethLayer.Mark.SUPPRESSED, "500000", ChoroplethLayer.Mark.SOURCE);
        BufferedImage img = render(new ChoroplethLayer("m", values, new double[]{1}, new int[]{0xFFFFFFCC,
            0xFFBD0026}).withMarks(marks));
        assertThat(count(img, 0xFFBD0026)).isGreaterThan(20);
        assertThat(count(img, ChoroplethLayer.NO_VALUE_FILL)).isGreaterThan(100);
        assertThat(count(img, ChoroplethLayer.SOURCE_FILL)).isGreaterThan(5);
        // the hatching: dark grey lines over the grey, absent when the same region is only "no value"
        Map<String, ChoroplethLayer.Mark> plain = new HashMap<>(marks);
        plain.put("540100", ChoroplethLayer.Mark.NO_VALUE);
        BufferedImage without = render(new ChoroplethLayer("m", values, new double[]{1}, new int[]{0xFFFFFFCC,
            0xFFBD0026}).withMarks(plain));
        assertThat(darkGrey(img) - darkGrey(without)).isGreaterThan(100);
        for (org.epiflow.analytics.classify.ColorScheme s : org.epiflow.analytics.classify.ColorScheme.values()) {
            for (int c : s.colors(9, false)) {
                assertThat(c).isNotEqualTo(ChoroplethLayer.NO_VALUE_FILL);
            }
        }
        assertThat(new ChoroplethLayer("m", values, new double[]{1}, new int[]{1, 2}).withMarks(marks)
                .legendEntries(Language.ZH)).extracting(Legend.Entry::label).contains("无数值", "源地区");
    }
}
