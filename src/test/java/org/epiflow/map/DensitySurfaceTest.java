package org.epiflow.map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DensitySurfaceTest {
    static final MapViewport VIEW = MapViewport.fit(800, 600, MapViewport.projectLonLatBox(
            new Envelope(100, 125, 20, 42)), 0);
    static final Map<String, double[]> SEATS = Map.of("A", new double[] {114.3, 30.6}, "B", new double[] {121.5, 31.2});

    @Test
    void densityPeaksAtTheSeatAndFallsOffWithDistance() {
        DensitySurface s = new DensitySurface(SEATS, 50);
        int gw = 800 / DensitySurface.CELL;
        int gh = 600 / DensitySurface.CELL;
        float[] g = s.density(VIEW, Map.of("A", 100.0), gw, gh);
        double[] a = VIEW.lonLatToScreen(114.3, 30.6);
        int cx = (int) (a[0] / DensitySurface.CELL);
        int cy = (int) (a[1] / DensitySurface.CELL);
        float peak = g[cy * gw + cx];
        assertThat(peak).isPositive();
        assertThat(g[cy * gw + Math.min(gw - 1, cx + 20)]).isLessThan(peak / 10);
        double[] b = VIEW.lonLatToScreen(121.5, 31.2);
        assertThat(g[(int) (b[1] / DensitySurface.CELL) * gw + (int) (b[0] / DensitySurface.CELL)]).isZero();
    }

    @Test
    void widerBandwidthSpreadsFurther() {
        int gw = 800 / DensitySurface.CELL;
        int gh = 600 / DensitySurface.CELL;
        double[] a = VIEW.lonLatToScreen(114.3, 30.6);
        int cx = (int) (a[0] / DensitySurface.CELL);
        int cy = (int) (a[1] / DensitySurface.CELL);
        float[] narrow = new DensitySurface(SEATS, 30).density(VIEW, Map.of("A", 100.0), gw, gh);
        float[] wide = new DensitySurface(SEATS, 150).density(VIEW, Map.of("A", 100.0), gw, gh);
        int off = cy * gw + Math.min(gw - 1, cx + 15);
        assertThat(wide[off] / wide[cy * gw + cx]).isGreaterThan(narrow[off] / narrow[cy * gw + cx]);
    }

    @Test
    void surfaceIsPaintedThroughTheLayerAroundTheSeatsOnly() {
        ChoroplethLayer layer = new ChoroplethLayer("risk", Map.of("A", 5.0, "B", 1.0), new double[] {2},
                new int[] {0xFFFFFFB2, 0xFFBD0026}).withSurface(new DensitySurface(SEATS, 40));
        MapScene scene = MapScene.builder(null, VIEW).heatmap(layer).build();
        BufferedImage img = new BufferedImage(800, 600, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        layer.paint(scene, new Java2DPainter(g));
        g.dispose();
        double[] a = VIEW.lonLatToScreen(114.3, 30.6);
        assertThat(img.getRGB((int) a[0], (int) a[1]) >>> 24).as("alpha at seat A").isGreaterThan(100);
        assertThat(img.getRGB(20, 20) >>> 24).as("alpha far away").isZero();
        assertThat(layer.legendEntries(Language.EN)).extracting(Legend.Entry::label)
                .anyMatch(l -> l.contains("kernel density"));
    }
}
