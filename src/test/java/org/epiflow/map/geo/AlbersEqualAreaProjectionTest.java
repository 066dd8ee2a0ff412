package org.epiflow.map.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

class AlbersEqualAreaProjectionTest {

    private static final double MM = 0.001;

    private final AlbersEqualAreaProjection china = AlbersEqualAreaProjection.china();

    private static CoordinateTransform proj4j(String aea) {
        CRSFactory f = new CRSFactory();
        CoordinateReferenceSystem wgs = f.createFromParameters("wgs", "+proj=longlat +datum=WGS84 +no_defs");
        CoordinateReferenceSystem albers = f.createFromParameters("aea", aea);
        return new CoordinateTransformFactory().createTransform(wgs, albers);
    }

    @Test
    void forwardMatchesProj4jOverAGridCoveringChinaAndBeyond() {
        CoordinateTransform t = proj4j("+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +x_0=0 +y_0=0 "
                + "+ellps=WGS84 +units=m +no_defs");
        int n = 0;
        for (double lon = 60; lon <= 150; lon += 2.5) {
            for (double lat = -10; lat <= 60; lat += 2.5) {
                ProjCoordinate out = t.transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
                double[] p = china.forward(lon, lat);
                assertThat(p[0]).as("x at %s,%s", lon, lat).isCloseTo(out.x, within(MM));
                assertThat(p[1]).as("y at %s,%s", lon, lat).isCloseTo(out.y, within(MM));
                n++;
            }
        }
        assertThat(n).isGreaterThan(1000);
    }

    @Test
    void otherParametersAlsoMatchProj4j() {
        AlbersEqualAreaProjection p = new AlbersEqualAreaProjection(30, 60, 95, 20, 6378140, 298.257);
        CoordinateTransform t = proj4j("+proj=aea +lat_1=30 +lat_2=60 +lat_0=20 +lon_0=95 +a=6378140 "
                + "+b=6356755.288157528 +units=m +no_defs");
        for (double lon = 70; lon <= 130; lon += 7.5) {
            for (double lat = 0; lat <= 55; lat += 5) {
                ProjCoordinate out = t.transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
                double[] xy = p.forward(lon, lat);
                assertThat(xy[0]).isCloseTo(out.x, within(MM));
                assertThat(xy[1]).isCloseTo(out.y, within(MM));
            }
        }
    }

    @Test
    void inverseRoundTripsBelowAMillimetre() {
        for (double lon = 70; lon <= 140; lon += 1.7) {
            for (double lat = 0; lat <= 56; lat += 1.3) {
                double[] xy = china.forward(lon, lat);
                double[] ll = china.inverse(xy[0], xy[1]);
                assertThat(ll[0]).isCloseTo(lon, within(1e-8));   // 1e-8° ≈ 1 mm
                assertThat(ll[1]).isCloseTo(lat, within(1e-8));
            }
        }
    }

    @Test
    void inverseMatchesProj4jInverse() {
        CRSFactory f = new CRSFactory();
        CoordinateTransform inv = new CoordinateTransformFactory().createTransform(
                f.createFromParameters("aea", china.toProj4()),
                f.createFromParameters("wgs", "+proj=longlat +datum=WGS84 +no_defs"));
        assertThat(china.toProj4()).contains("+lat_1=25.0", "+lat_2=47.0", "+lon_0=105.0");
        for (double x = -3_000_000; x <= 3_000_000; x += 500_000) {
            for (double y = 2_000_000; y <= 6_000_000; y += 500_000) {
                ProjCoordinate ll = inv.transform(new ProjCoordinate(x, y), new ProjCoordinate());
                double[] mine = china.inverse(x, y);
                assertThat(mine[0]).isCloseTo(ll.x, within(1e-8));
                assertThat(mine[1]).isCloseTo(ll.y, within(1e-8));
            }
        }
        // reference value from PROJ 9 cs2cs: -3000000 2000000 -> 77.706772589 15.546786555
        double[] ll = china.inverse(-3_000_000, 2_000_000);
        assertThat(ll[0]).isCloseTo(77.706772589, within(1e-8));
        assertThat(ll[1]).isCloseTo(15.546786555, within(1e-8));
    }

    @Test
    void centralMeridianMapsToXZeroAndAreaIsPreserved() {
        assertThat(china.forward(105, 35)[0]).isCloseTo(0, within(1e-9));
        // a 1°x1° cell at 30°N has the same projected area at 80°E and 130°E (equal-area)
        Geometry west = china.forward(GeoJson.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(80, 81, 30, 31)));
        Geometry east = china.forward(GeoJson.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(130, 131, 30, 31)));
        assertThat(west.getArea()).isCloseTo(east.getArea(), within(west.getArea() * 1e-3));
    }
}
