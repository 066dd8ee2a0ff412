package org.epiflow.map.geo;

import org.epiflow.text.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A boundary file's problems in Chinese and English, naming the file, the feature and what is wrong. */
class BoundaryMessagesTest {
    @TempDir
    Path dir;

    private String zh(Path file) {
        BoundaryImportException e = catchThrowableOfType(() -> BoundaryImporter.importFile(file,
                ImportOptions.auto()), BoundaryImportException.class);
        assertThat(e).as(file.toString()).isNotNull();
        return Texts.inChinese().format(e);
    }

    @Test
    void duplicateCodesNameTheFeaturesInChinese() throws Exception {
        Path f = dir.resolve("b.geojson");
        Files.writeString(f, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"adcode":"420100"},"geometry":{"type":"Polygon",
                  "coordinates":[[[114,30],[115,30],[115,31],[114,30]]]}},
                 {"type":"Feature","properties":{"adcode":"420100"},"geometry":{"type":"Polygon",
                  "coordinates":[[[116,30],[117,30],[117,31],[116,30]]]}}]}
                """, StandardCharsets.UTF_8);
        assertThat(zh(f)).isEqualTo("b.geojson：字段“adcode”中有重复的地区代码：420100（第 1 和第 2 个要素）——"
                + "请先合并多部分记录，使每个代码只出现一次");
    }

    @Test
    void aBrokenGeoJsonSaysWhereInChinese() throws Exception {
        Path f = dir.resolve("c.geojson");
        Files.writeString(f, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"adcode":"420100"},"geometry":{"type":"Polygon",
                  "coordinates":[[[114,30],[115,30]]]}}]}
                """, StandardCharsets.UTF_8);
        assertThat(zh(f)).isEqualTo("c.geojson：不是有效的 GeoJSON（第 1 个要素：多边形的环只有 3 个坐标）");
        Path kml = Files.writeString(dir.resolve("d.kml"), "<kml/>");
        assertThat(zh(kml)).startsWith("d.kml：不支持“.kml”类型的文件");
        Path shp = Files.write(dir.resolve("e.shp"), new byte[10]);
        assertThat(zh(shp)).isEqualTo("e.shp：缺少 e.dbf——Shapefile 的属性表（地区代码和名称）必须放在 .shp 旁边");
    }
}
