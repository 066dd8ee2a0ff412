package org.epiflow.ui.risk;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.epiflow.ui.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 5, looked at in pixels: the median follows the band (it does not lie flat at 0 under a band that
 * rises to millions), reported cases are visible on the log scale, and the as-of day and the heatmap's day are marked.
 */
@ExtendWith(ApplicationExtension.class)
class ForecastChartFxTest {
    ForecastChart chart;

    @Start
    void start(Stage stage) {
        chart = new ForecastChart(Messages.of(Locale.SIMPLIFIED_CHINESE));
        StackPane root = new StackPane(chart);
        stage.setScene(new Scene(root, 420, 240));
        stage.show();
    }

    static ForecastSeries series() {
        int n = 60;
        double[] med = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] q1 = new double[n];
        double[] q3 = new double[n];
        double[] det = new double[n];
        double[] obs = new double[n];
        Arrays.fill(obs, Double.NaN);
        for (int d = 0; d < n; d++) {
            med[d] = 50 * Math.exp(0.2 * d);
            det[d] = med[d] * 1.1;
            lo[d] = med[d] * 0.5;
            hi[d] = med[d] * 1.8;
            q1[d] = med[d] * 0.8;
            q3[d] = med[d] * 1.25;
            if (d <= 20) {
                obs[d] = 10 + 3 * d;
            }
        }
        return new ForecastSeries("420100", "武汉", LocalDate.of(2020, 1, 1), lo, q1, med, q3, hi, det, obs, 20);
    }

    static int count(WritableImage img, Color c, int x0, int x1, int y0, int y1) {
        PixelReader r = img.getPixelReader();
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                Color p = r.getColor(x, y);
                if (Math.abs(p.getRed() - c.getRed()) < 0.08 && Math.abs(p.getGreen() - c.getGreen()) < 0.08
                        && Math.abs(p.getBlue() - c.getBlue()) < 0.08) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void medianBandsAndReportedCasesShow(FxRobot robot) {
        robot.interact(() -> {
            chart.show(series());
            chart.setMarker(40);
        });
        WritableImage linear = snap(robot);
        save(linear, "forecast-chart-linear.png");
        int w = (int) linear.getWidth();
        int h = (int) linear.getHeight();
        // the median's dark red rises well off the floor in the right quarter, inside the band
        assertThat(count(linear, ForecastChart.MEDIAN, w * 3 / 4, w - 12, 0, h * 2 / 3)).isGreaterThan(5);
        assertThat(chart.axis().ticks().length).isBetween(4, 7);
        assertThat(ChartAxis.label(chart.axis().ticks()[chart.axis().ticks().length - 1], true)).endsWith("万");
        robot.interact(() -> chart.setLogScale(true));
        WritableImage log = snap(robot);
        save(log, "forecast-chart-log.png");
        // on the log scale the reported cases (blue) stand well above the floor in the left third
        assertThat(count(log, ForecastChart.OBSERVED, 50, w / 3, 0, h - 32)).isGreaterThan(20);
        assertThat(count(log, ForecastChart.MEDIAN, 50, w / 3, 0, h - 30)).isGreaterThan(10);
    }

    static void save(WritableImage img, String name) {
        String dir = System.getProperty("epiflow.screenshots", "");
        if (dir.isEmpty()) {
            return;
        }
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                    java.nio.file.Path.of(dir, name).toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private WritableImage snap(FxRobot robot) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> out[0] = chart.snapshot(null, null));
        return out[0];
    }
}
