package org.epiflow.export;

import org.epiflow.export.layout.PrintLayout;
import org.epiflow.export.raster.PageRaster;
import org.epiflow.map.FastMapRenderer;
import org.epiflow.map.Java2DRenderer;
import org.epiflow.map.MapScene;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The map frame of a 96-dpi PNG export matches what the screen path draws for the same view. */
class PixelAgreementTest {
    @Test
    void pngMapFrameMatchesTheScreenRenderers() throws Exception {
        LocalDate d = ExportFixture.busiestDay();
        ExportOptions o = new ExportOptions().format(ExportFormat.PNG).page(PageSpec.pixels(1200, 800, 96))
                .topN(2000);
        MapPage page = ExportFixture.exporter().pages(o, d, d).get(0);
        PrintLayout l = Exporter.layout(o);
        BufferedImage png = PageRaster.render(l, page);
        MapScene scene = page.scene();
        assertThat(scene.viewport().width()).isEqualTo(l.frameW());
        BufferedImage java2d = Java2DRenderer.render(scene);
        int[] fast;
        try (FastMapRenderer r = new FastMapRenderer(2)) {
            fast = r.render(scene, FastMapRenderer.Quality.FULL).clone();
        }
        BufferedImage fastImg = FastMapRenderer.wrap(fast, l.frameW(), l.frameH());
        double[] vsJava2d = compare(png, l, java2d);
        double[] vsFast = compare(png, l, fastImg);
        System.out.printf("PNG frame vs Java2D: mean %.3f/255, %.3f %% > 64; vs fast: mean %.3f/255, %.3f %% > 64%n",
                vsJava2d[0], vsJava2d[1] * 100, vsFast[0], vsFast[1] * 100);
        assertThat(vsJava2d[0]).isLessThan(0.5);
        assertThat(vsJava2d[1]).isLessThan(0.001);
        assertThat(vsFast[0]).isLessThan(2.0);
        assertThat(vsFast[1]).isLessThan(0.01);
    }

    /** Mean absolute channel difference (0–255) and the share of pixels off by more than 64, outside the overlays. */
    static double[] compare(BufferedImage page, PrintLayout l, BufferedImage frame) {
        int w = l.frameW(), h = l.frameH();
        long sum = 0, n = 0, big = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean scaleBar = x < 260 && y > h - 90, north = x > w - 60 && y < 75;
                if (scaleBar || north) {
                    continue;
                }
                int a = page.getRGB(l.frameX() + x, l.frameY() + y), b = frame.getRGB(x, y);
                int m = 0;
                for (int s = 0; s < 24; s += 8) {
                    int dd = Math.abs(((a >> s) & 255) - ((b >> s) & 255));
                    sum += dd;
                    m = Math.max(m, dd);
                }
                n++;
                if (m > 64) {
                    big++;
                }
            }
        }
        return new double[] {(double) sum / (3.0 * n), (double) big / n};
    }
}
