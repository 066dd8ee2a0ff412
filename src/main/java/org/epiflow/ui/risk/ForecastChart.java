package org.epiflow.ui.risk;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.epiflow.ui.i18n.Messages;

import java.time.format.DateTimeFormatter;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;

/**
 * A fan chart of one region's SEIR forecast of cumulative infections: 90 % band (light), 50 % band (darker), the
 * ensemble median (solid), the deterministic run the table reports as "expected infections" (dashed), reported
 * cases (blue dots), the as-of day (dashed grey) and the day the heatmap shows (solid grey). The value axis has
 * nice ticks (万 in Chinese) on a linear or logarithmic scale, the date axis weekly ticks.
 */
public final class ForecastChart extends Region {
    static final Color BAND90 = Color.rgb(240, 59, 32, 0.18);
    static final Color BAND50 = Color.rgb(240, 59, 32, 0.35);
    static final Color MEDIAN = Color.rgb(189, 0, 38);
    static final Color EXPECTED = Color.rgb(90, 30, 110);
    static final Color OBSERVED = Color.rgb(33, 102, 172);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private final Canvas canvas = new Canvas();
    private final Messages messages;
    private ForecastSeries series;
    private boolean log;
    private int marker = -1;
    private ChartAxis axis;

    public ForecastChart(Messages messages) {
        this.messages = messages;
        setId("forecastChart");
        getChildren().add(canvas);
        setMinHeight(200);
        setPrefHeight(230);
    }

    public void show(ForecastSeries s) {
        this.series = s;
        draw();
    }

    /** Logarithmic value axis (for reported cases next to large forecasts). */
    public void setLogScale(boolean on) {
        this.log = on;
        draw();
    }

    /** Marks simulation day {@code day} (the date the heatmap shows); -1 for none. */
    public void setMarker(int day) {
        this.marker = day;
        draw();
    }

    /** The value axis of the last drawing (for tests). */
    public ChartAxis axis() {
        return axis;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        ForecastSeries s = series;
        if (s == null || s.days() < 2 || w < 60 || h < 60) {
            return;
        }
        double max = 1;
        for (int i = 0; i < s.days(); i++) {
            max = Math.max(max, Math.max(s.p95()[i], s.expected()[i]));
            if (s.observed() != null && Double.isFinite(s.observed()[i])) {
                max = Math.max(max, s.observed()[i]);
            }
        }
        axis = ChartAxis.of(max, log);
        boolean zh = messages.chinese();
        double left = 50;
        double right = 10;
        double top = 10;
        double bottom = 24;
        double pw = w - left - right;
        double ph = h - top - bottom;
        int n = s.days();
        ChartAxis ax = axis;
        IntToDoubleFunction x = i -> left + pw * i / (n - 1);
        DoubleUnaryOperator y = v -> top + ph * (1 - ax.position(v));
        Color ink = textColor();
        String family = org.epiflow.ui.AppFonts.load();
        g.setFont(family == null ? Font.font(10) : Font.font(family, 10));
        g.setLineWidth(1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double t : ax.ticks()) {
            double yy = Math.round(y.applyAsDouble(t)) + 0.5;
            g.setStroke(Color.gray(0.5, 0.25));
            g.strokeLine(left, yy, left + pw, yy);
            g.setFill(ink);
            g.fillText(ChartAxis.label(t, zh), left - 4, yy);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int step = Math.max(7, (int) Math.ceil(7 * 40 / Math.max(1, pw * 7 / (n - 1))));
        step = (step + 6) / 7 * 7;
        for (int i = 0; i < n; i += step) {
            double xx = Math.round(x.applyAsDouble(i)) + 0.5;
            g.setStroke(Color.gray(0.5, 0.6));
            g.strokeLine(xx, top + ph, xx, top + ph + 3);
            g.fillText(s.date(i).format(DAY), Math.min(Math.max(xx, left + 14), w - 16), top + ph + 5);
        }
        g.setStroke(Color.gray(0.5));
        g.strokeLine(left, top, left, top + ph);
        g.strokeLine(left, top + ph, left + pw, top + ph);
        band(g, s.p05(), s.p95(), x, y, BAND90);
        band(g, s.p25(), s.p75(), x, y, BAND50);
        line(g, s.expected(), x, y, EXPECTED, 1.4, true);
        line(g, s.median(), x, y, MEDIAN, 2, false);
        if (s.asOf() >= 0 && s.asOf() < n) {
            g.setStroke(Color.gray(0.45));
            g.setLineDashes(4, 3);
            g.setLineWidth(1);
            double xx = x.applyAsDouble(s.asOf());
            g.strokeLine(xx, top, xx, top + ph);
            g.setLineDashes();
        }
        if (marker >= 0 && marker < n) {
            g.setStroke(Color.gray(0.3));
            g.setLineWidth(1.5);
            double xx = x.applyAsDouble(marker);
            g.strokeLine(xx, top, xx, top + ph);
            g.setFill(ink);
            g.setTextBaseline(VPos.TOP);
            g.setTextAlign(xx > left + pw - 40 ? TextAlignment.RIGHT : TextAlignment.LEFT);
            g.fillText(s.date(marker).format(DAY), xx + (xx > left + pw - 40 ? -3 : 3), top + 1);
        }
        if (s.observed() != null) {
            for (int i = 0; i < n; i++) {
                double v = s.observed()[i];
                if (Double.isFinite(v)) {
                    double xx = x.applyAsDouble(i);
                    double yy = y.applyAsDouble(v);
                    g.setFill(Color.WHITE);
                    g.fillOval(xx - 3, yy - 3, 6, 6);
                    g.setFill(OBSERVED);
                    g.fillOval(xx - 2.2, yy - 2.2, 4.4, 4.4);
                }
            }
        }
    }

    private Color textColor() {
        javafx.scene.Scene sc = getScene();
        if (sc != null && sc.getRoot() != null && sc.getRoot().getStyleClass().contains("dark")) {
            return Color.gray(0.82);
        }
        return Color.gray(0.3);
    }

    private static void line(GraphicsContext g, double[] v, IntToDoubleFunction x, DoubleUnaryOperator y, Color c,
                             double width, boolean dashed) {
        g.setStroke(c);
        g.setLineWidth(width);
        if (dashed) {
            g.setLineDashes(5, 3);
        }
        g.beginPath();
        for (int i = 0; i < v.length; i++) {
            if (i == 0) {
                g.moveTo(x.applyAsDouble(i), y.applyAsDouble(v[i]));
            } else {
                g.lineTo(x.applyAsDouble(i), y.applyAsDouble(v[i]));
            }
        }
        g.stroke();
        g.setLineDashes();
    }

    private static void band(GraphicsContext g, double[] lo, double[] hi, IntToDoubleFunction x,
                             DoubleUnaryOperator y, Color c) {
        int n = lo.length;
        double[] xs = new double[2 * n];
        double[] ys = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xs[i] = x.applyAsDouble(i);
            ys[i] = y.applyAsDouble(hi[i]);
            xs[2 * n - 1 - i] = x.applyAsDouble(i);
            ys[2 * n - 1 - i] = y.applyAsDouble(lo[i]);
        }
        g.setFill(c);
        g.fillPolygon(xs, ys, 2 * n);
    }
}
