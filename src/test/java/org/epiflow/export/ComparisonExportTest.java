package org.epiflow.export;

import org.epiflow.data.compare.Alignment;
import org.epiflow.export.layout.PrintLayout;
import org.epiflow.export.raster.PageRaster;
import org.epiflow.map.FastMapRenderer;
import org.epiflow.map.FlowMeasure;
import org.epiflow.map.FlowValues;
import org.epiflow.map.Java2DRenderer;
import org.epiflow.map.Language;
import org.epiflow.map.Legend;
import org.epiflow.map.MapScene;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A comparison export (the week after the restriction against the week before) draws what the screen draws. */
class ComparisonExportTest {
    static final LocalDate AFTER_FROM = LocalDate.of(2020, 1, 24), AFTER_TO = LocalDate.of(2020, 1, 30);
    static final LocalDate BEFORE_FROM = LocalDate.of(2020, 1, 17), BEFORE_TO = LocalDate.of(2020, 1, 23);

    static ExportOptions options(Language lang) {
        return new ExportOptions().format(ExportFormat.PNG).page(PageSpec.pixels(1200, 800, 96)).topN(2000)
                .language(lang).baseline(ExportBaseline.of(BEFORE_FROM, BEFORE_TO, Alignment.DATE));
    }

    @Test
    void comparisonPngFrameMatchesTheScreenRenderers() throws Exception {
        ExportOptions o = options(Language.EN);
        MapPage page = ExportFixture.exporter().pages(o, AFTER_FROM, AFTER_TO).get(0);
        MapScene scene = page.scene();
        assertThat(scene.comparison()).isNotNull();
        assertThat(scene.comparison().measure()).isEqualTo(FlowMeasure.CHANGE);
        PrintLayout l = Exporter.layout(o);
        BufferedImage png = PageRaster.render(l, page);
        BufferedImage java2d = Java2DRenderer.render(scene);
        int[] fast;
        try (FastMapRenderer r = new FastMapRenderer(2)) {
            fast = r.render(scene, FastMapRenderer.Quality.FULL).clone();
        }
        BufferedImage fastImg = FastMapRenderer.wrap(fast, l.frameW(), l.frameH());
        Path dir = Path.of("target/shots");
        Files.createDirectories(dir);
        ImageIO.write(png, "png", dir.resolve("compare-en.png").toFile());
        ImageIO.write(PageRaster.render(Exporter.layout(options(Language.ZH)),
                ExportFixture.exporter().pages(options(Language.ZH), AFTER_FROM, AFTER_TO).get(0)), "png",
                dir.resolve("compare-zh.png").toFile());
        ImageIO.write(java2d, "png", dir.resolve("compare-java2d.png").toFile());
        BufferedImage diff = new BufferedImage(l.frameW(), l.frameH(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < l.frameH(); y++) {
            for (int x = 0; x < l.frameW(); x++) {
                int a = png.getRGB(l.frameX() + x, l.frameY() + y), b = java2d.getRGB(x, y);
                int m = 0;
                for (int sh = 0; sh < 24; sh += 8) {
                    m = Math.max(m, Math.abs(((a >> sh) & 255) - ((b >> sh) & 255)));
                }
                diff.setRGB(x, y, m > 64 ? 0xFF0000 : (b & 0xFEFEFE) >> 1);
            }
        }
        ImageIO.write(diff, "png", dir.resolve("compare-diff.png").toFile());
        double[] vsJava2d = PixelAgreementTest.compare(png, l, java2d);
        double[] vsFast = PixelAgreementTest.compare(png, l, fastImg);
        System.out.printf("comparison PNG frame vs Java2D: mean %.3f, %.4f > 64; vs fast: mean %.3f, %.4f%n", vsJava2d[0], vsJava2d[1], vsFast[0], vsFast[1]);
        assertThat(vsJava2d[0]).isLessThan(0.5);
        assertThat(vsJava2d[1]).isLessThan(0.001);
        assertThat(vsFast[0]).isLessThan(2.0);
        assertThat(vsFast[1]).isLessThan(0.01);
    }

    @Test
    void legendSaysWhatIsShown() {
        MapScene scene = ExportFixture.exporter().pages(options(Language.EN), AFTER_FROM, AFTER_TO).get(0).scene();
        Legend legend = scene.legend();
        assertThat(legend.title()).isEqualTo("Change in trips");
        assertThat(legend.notes()).anyMatch(n -> n.contains("baseline 2020-01-17 – 2020-01-23"));
        assertThat(legend.notes()).anyMatch(n -> n.contains("symmetric"));
        // the restriction cut travel: most arcs are decreases (blue end of the scheme)
        FlowValues f = scene.comparison().flows();
        int down = 0;
        for (int i = 0; i < f.size(); i++) {
            if (f.state(i) == FlowValues.State.SHOWN && f.value(i) < 0) {
                down++;
            }
        }
        assertThat(down).isGreaterThan(f.size() / 2);
    }
}
