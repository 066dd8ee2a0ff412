package org.epiflow.map.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class CrsResolverTest {

    static final String GK_CM_117 = "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 117E\",GEOGCS[\"China Geodetic "
            + "Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,"
            + "AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0],"
            + "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
            + "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",117],PARAMETER[\"scale_factor\",1],"
            + "PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1],"
            + "AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST]]";

    static double[] toLonLat(CrsResolver.Resolved crs, double x, double y) throws BoundaryImportException {
        Geometry p = GeoJson.FACTORY.createPoint(new Coordinate(x, y));
        Coordinate c = new Reprojector(crs).apply(p, "t", org.epiflow.text.Message.of("boundary.feature", 1, "p")).getCoordinate();
        return new double[] {c.x, c.y};
    }

    @Test
    void ogcWktWithoutAuthorityUsesTheParameters() throws Exception {
        CrsResolver.Resolved r = CrsResolver.fromWkt(GK_CM_117);
        assertThat(r.description()).isEqualTo("PROJCS 'CGCS2000 / 3-degree Gauss-Kruger CM 117E'");
        double[] ll = toLonLat(r, 500000, 4419000);        // on the central meridian
        assertThat(ll[0]).isCloseTo(117, within(1e-9));
        assertThat(ll[1]).isCloseTo(39.9, within(0.01));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void authorityCodeIsPreferred() throws Exception {
        String wkt = GK_CM_117.substring(0, GK_CM_117.length() - 1) + ",AUTHORITY[\"EPSG\",\"4548\"]]";
        CrsResolver.Resolved r = CrsResolver.fromWkt(wkt);
        assertThat(r.description()).contains("EPSG:4548");
        assertThat(toLonLat(r, 500000, 4419000)[0]).isCloseTo(117, within(1e-9));
    }

    @Test
    void utmAndGeographicCgcs2000AndGeoJsonNames() throws Exception {
        CrsResolver.Resolved utm = CrsResolver.fromName("urn:ogc:def:crs:EPSG::32650");
        double[] ll = toLonLat(utm, 448000, 4418000);
        assertThat(ll[0]).isCloseTo(116.39, within(0.01));
        assertThat(ll[1]).isCloseTo(39.91, within(0.01));
        assertThat(CrsResolver.fromName("EPSG:4490").lonLat()).isTrue();
        assertThat(CrsResolver.fromName("http://www.opengis.net/def/crs/EPSG/0/4326").lonLat()).isTrue();
        assertThat(CrsResolver.fromName("urn:ogc:def:crs:OGC:1.3:CRS84").lonLat()).isTrue();
        CrsResolver.Resolved geo = CrsResolver.fromWkt("GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
                + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]]");
        assertThat(geo.lonLat()).isTrue();
        assertThat(geo.warnings()).isEmpty();
        assertThatThrownBy(() -> CrsResolver.fromName("local:grid"))
                .isInstanceOf(BoundaryImportException.class).hasMessageContaining("'local:grid'");
    }

    @Test
    void legacyChineseDatumsAreConvertedWithAWarning() throws Exception {
        CrsResolver.Resolved bj54 = CrsResolver.fromWkt("PROJCS[\"Beijing_1954_3_Degree_GK_CM_117E\",GEOGCS["
                + "\"GCS_Beijing_1954\",DATUM[\"D_Beijing_1954\",SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]],"
                + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],"
                + "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",117.0],PARAMETER[\"Scale_Factor\",1.0],"
                + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");
        assertThat(bj54.warnings()).singleElement().asString().contains("Beijing 1954");
        double[] ll = toLonLat(bj54, 500000, 4419000);
        assertThat(ll[0]).isCloseTo(117, within(0.005));       // datum shift is ~100 m
        CrsResolver.Resolved xian = CrsResolver.fromWkt("GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\","
                + "SPHEROID[\"Xian_1980\",6378140.0,298.257]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]]");
        assertThat(xian.lonLat()).isTrue();
        assertThat(xian.warnings()).singleElement().asString().contains("Xian 1980");
    }

    @Test
    void unsupportedAndMalformedWktAreNamed() {
        assertThatThrownBy(() -> CrsResolver.fromWkt("PROJCS[\"My_Local_Grid\",GEOGCS[\"GCS_WGS_1984\",DATUM["
                + "\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Polyconic\"],UNIT[\"Meter\",1.0]]"))
                .isInstanceOf(BoundaryImportException.class)
                .hasMessageContaining("PROJCS 'My_Local_Grid'").hasMessageContaining("'Polyconic'");
        assertThatThrownBy(() -> CrsResolver.fromWkt("GEOGCS[\"broken\",DATUM[\"x\""))
                .isInstanceOf(BoundaryImportException.class).hasMessageContaining("cannot parse the .prj");
        assertThatThrownBy(() -> CrsResolver.fromWkt("LOCAL_CS[\"Site grid\",UNIT[\"Meter\",1.0]]"))
                .isInstanceOf(BoundaryImportException.class).hasMessageContaining("LOCAL_CS 'Site grid'");
        assertThatThrownBy(() -> CrsResolver.fromWkt("GEOGCS[\"Paris\",DATUM[\"NTF\",SPHEROID[\"Clarke\","
                + "6378249.2,293.46]],PRIMEM[\"Paris\",2.33722917],UNIT[\"Degree\",0.0174532925199433]]"))
                .isInstanceOf(BoundaryImportException.class).hasMessageContaining("prime meridian 'Paris'");
    }
}
