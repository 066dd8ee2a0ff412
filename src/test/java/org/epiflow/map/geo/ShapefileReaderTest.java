package org.epiflow.map.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class ShapefileReaderTest {

    /** Writes a polygon .shp with one record made of the given rings (each ring: x0,y0,x1,y1,…). */
    static byte[] shp(double[]... rings) {
        int points = 0;
        for (double[] r : rings) {
            points += r.length / 2;
        }
        int content = 44 + 4 * rings.length + 16 * points;
        ByteBuffer b = ByteBuffer.allocate(100 + 8 + content);
        b.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, (100 + 8 + content) / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, 5);
        b.order(ByteOrder.BIG_ENDIAN).putInt(100, 1).putInt(104, content / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(108, 5).putInt(144, rings.length).putInt(148, points);
        int at = 152, idx = 0;
        for (double[] r : rings) {
            b.putInt(at, idx);
            at += 4;
            idx += r.length / 2;
        }
        for (double[] r : rings) {
            for (double v : r) {
                b.putDouble(at, v);
                at += 8;
            }
        }
        return b.array();
    }

    @Test
    void clockwiseShellsGetTheirCounterClockwiseHoles() throws Exception {
        double[] shell = {0, 0, 0, 10, 10, 10, 10, 0, 0, 0};          // clockwise
        double[] hole = {2, 2, 4, 2, 4, 4, 2, 4, 2, 2};                // counter-clockwise
        double[] island = {20, 0, 20, 1, 21, 1, 21, 0, 20, 0};          // clockwise
        List<Geometry> gs = ShapefileReader.read(shp(shell, hole, island), "t.shp", GeoJson.FACTORY);
        Geometry g = gs.get(0);
        assertThat(g.getNumGeometries()).isEqualTo(2);
        assertThat(((Polygon) g.getGeometryN(0)).getNumInteriorRing()).isEqualTo(1);
        assertThat(g.getArea()).isEqualTo(100 - 4 + 1);
        assertThat(g.isValid()).isTrue();
    }

    @Test
    void ringWithTooFewPointsNamesTheRecord() {
        assertThatThrownBy(() -> ShapefileReader.read(shp(new double[] {0, 0, 1, 1, 0, 0}), "t.shp",
                GeoJson.FACTORY)).isInstanceOf(BoundaryImportException.class)
                .hasMessageContaining("record 1 (feature #1) has broken geometry").hasMessageContaining("ring 1");
    }

    @Test
    void pointFilesAreRefused() {
        byte[] b = shp(new double[] {0, 0, 0, 1, 1, 1, 0, 0});
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(32, 1);
        assertThatThrownBy(() -> ShapefileReader.read(b, "pts.shp", GeoJson.FACTORY))
                .isInstanceOf(BoundaryImportException.class).hasMessageContaining("shape type Point is not supported");
    }

    /** A dBASE III file with one C field. */
    static byte[] dbf(String field, Charset cs, byte ldid, String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int len = 20;
        ByteBuffer h = ByteBuffer.allocate(65).order(ByteOrder.LITTLE_ENDIAN);
        h.put(0, (byte) 3).putInt(4, values.length).putShort(8, (short) 65).putShort(10, (short) (1 + len));
        h.put(29, ldid);
        byte[] name = field.getBytes(cs);
        h.put(32, name, 0, Math.min(10, name.length));
        h.put(43, (byte) 'C').put(48, (byte) len).put(64, (byte) 0x0D);
        out.writeBytes(h.array());
        for (String v : values) {
            byte[] rec = new byte[1 + len];
            java.util.Arrays.fill(rec, (byte) ' ');
            byte[] t = v.getBytes(cs);
            System.arraycopy(t, 0, rec, 1, t.length);
            out.writeBytes(rec);
        }
        return out.toByteArray();
    }

    @Test
    void dbfTextIsUtf8OrGbk() throws Exception {
        Charset gbk = Charset.forName("GBK");
        DbfReader.Table u = DbfReader.read(dbf("NAME", StandardCharsets.UTF_8, (byte) 0, "深圳市", "Foshan"), "u.dbf",
                null);
        assertThat(u.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(u.rows().get(0)).containsEntry("NAME", "深圳市");
        DbfReader.Table g = DbfReader.read(dbf("名称", gbk, (byte) 0, "深圳市", "东莞市"), "g.dbf", null);
        assertThat(g.fields()).containsExactly("名称");
        assertThat(g.rows().get(1)).containsEntry("名称", "东莞市");
        DbfReader.Table l = DbfReader.read(dbf("NAME", gbk, (byte) 0x4D, "广州"), "l.dbf", null);
        assertThat(l.rows().get(0)).containsEntry("NAME", "广州");
        assertThat(DbfReader.charsetOfCpg("ANSI 936\n")).isEqualTo(DbfReader.GBK);
        assertThat(DbfReader.charsetOfCpg("UTF-8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(DbfReader.charsetOfCpg("65001")).isEqualTo(StandardCharsets.UTF_8);
    }
}
