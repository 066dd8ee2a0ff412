package org.epiflow.map;

import org.epiflow.map.geo.LevelOfDetail;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class MapViewportTest {
    private final MapViewport v = new MapViewport(800, 600, 1_000_000, 4_000_000, 2000);

    @Test
    void screenAndWorldRoundTrip() {
        assertThat(v.toScreenX(1_000_000)).isEqualTo(400);
        assertThat(v.toScreenY(4_000_000)).isEqualTo(300);
        // y up in the world, down on screen
        assertThat(v.toScreenY(4_000_000 + 2000)).isEqualTo(299);
        assertThat(v.toWorldX(v.toScreenX(1_234_567))).isCloseTo(1_234_567, offset(1e-6));
        assertThat(v.toWorldY(v.toScreenY(3_210_000))).isCloseTo(3_210_000, offset(1e-6));
        double[] s = v.lonLatToScreen(110, 30);
        double[] ll = v.screenToLonLat(s[0], s[1]);
        assertThat(ll[0]).isCloseTo(110, offset(1e-7));
        assertThat(ll[1]).isCloseTo(30, offset(1e-7));
    }

    @Test
    void panFollowsThePointer() {
        double wx = v.toWorldX(100), wy = v.toWorldY(100);
        MapViewport p = v.pan(30, -20);
        assertThat(p.toScreenX(wx)).isCloseTo(130, offset(1e-9));
        assertThat(p.toScreenY(wy)).isCloseTo(80, offset(1e-9));
        assertThat(p.metresPerPixel()).isEqualTo(v.metresPerPixel());
    }

    @Test
    void zoomKeepsThePointUnderTheCursor() {
        double wx = v.toWorldX(123), wy = v.toWorldY(456);
        MapViewport z = v.zoomAbout(2, 123, 456);
        assertThat(z.metresPerPixel()).isEqualTo(1000);
        assertThat(z.toScreenX(wx)).isCloseTo(123, offset(1e-9));
        assertThat(z.toScreenY(wy)).isCloseTo(456, offset(1e-9));
        // clamped at the limits
        assertThat(v.zoom(1e9).metresPerPixel()).isEqualTo(MapViewport.MIN_METRES_PER_PIXEL);
        assertThat(v.zoom(1e-9).metresPerPixel()).isEqualTo(MapViewport.MAX_METRES_PER_PIXEL);
    }

    @Test
    void fitShowsTheWholeEnvelopeCentred() {
        Envelope e = new Envelope(0, 1_000_000, 0, 500_000);
        MapViewport f = v.zoomToFit(e, 10);
        assertThat(f.toScreenX(0)).isGreaterThanOrEqualTo(10 - 1e-9);
        assertThat(f.toScreenX(1_000_000)).isLessThanOrEqualTo(790 + 1e-9);
        assertThat(f.toScreenY(0)).isLessThanOrEqualTo(590 + 1e-9);
        assertThat(f.toScreenY(500_000)).isGreaterThanOrEqualTo(10 - 1e-9);
        // the limiting dimension fills exactly
        assertThat(f.toScreenX(1_000_000) - f.toScreenX(0)).isCloseTo(780, offset(1e-6));
        assertThat(f.visibleWorld().contains(e)).isTrue();
    }

    @Test
    void levelOfDetailFollowsScale() {
        MapViewport china = MapViewport.china(1920, 1080);
        assertThat(china.levelOfDetail()).isEqualTo(LevelOfDetail.NATIONAL);
        assertThat(china.zoom(8).levelOfDetail()).isEqualTo(LevelOfDetail.DETAIL);
        assertThat(MapViewport.METRES_PER_DEGREE).isBetween(85_000.0, 100_000.0);
    }
}
