package org.epiflow.map.geo;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What fuzzing found in the Shapefile reader (docs/security.md, "What fuzzing found"). */
class ShapefileFuzzFindingsTest {
    @Test
    void partIndexesWhoseDifferenceOverflowsAreRefusedNotAllocated() {
        double[] ring = {0, 0, 0, 10, 10, 10, 10, 0, 0, 0};
        byte[] shp = ShapefileReaderTest.shp(ring, ring);
        // the part index array starts at byte 152; to - from of these two overflows to +526,765,250
        ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN).putInt(152, 2051106774).putInt(156, -1717095272);
        assertThatThrownBy(() -> ShapefileReader.read(shp, "t.shp", GeoJson.FACTORY))
                .isInstanceOf(BoundaryImportException.class).hasMessageContaining("bad part index");
    }

    @Test
    void theFirstPartStartsAtTheFirstPoint() {
        double[] ring = {0, 0, 0, 10, 10, 10, 10, 0, 0, 0};
        byte[] shp = ShapefileReaderTest.shp(ring, ring);
        ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN).putInt(152, 5);
        assertThatThrownBy(() -> ShapefileReader.read(shp, "t.shp", GeoJson.FACTORY))
                .isInstanceOf(BoundaryImportException.class);
    }
}
