package org.epiflow.ui.risk;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A small fan chart of one region's SEIR forecast: 90 % band (light), 50 % band (darker), median line, observed
 * cumulative cases as dots, and a vertical line at the as-of day. Axis texts are numbers and dates only.
 */
public final class ForecastChart extends Region {
    private final Canvas canvas = new Canvas();
    private final java.util.Locale locale;
    private ForecastSeries series;

    public ForecastChart() {
        this(java.util.Locale.ENGLISH);
    }

    /** @param locale the language of the axis numbers (in Chinese: 万 and 亿, as the map legends) */
    public ForecastChart(java.util.Locale locale) {
        this.locale = locale;
        setId("forecastChart");
        getChildren().add(canvas);
        setMinHeight(180);
        setPrefHeight(200);
    }

    public void show(ForecastSeries s) {
        this.series = s;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        ForecastSeries s = series;
        if (s == null || s.days() < 2 || w < 40 || h < 40) {
            return;
        }
        double left = 52, right = 8, top = 8, bottom = 22;
        double max = 1;
        for (int i = 0; i < s.days(); i++) {
            max = Math.max(max, s.p95()[i]);
            if (s.observed() != null && Double.isFinite(s.observed()[i])) {
                max = Math.max(max, s.observed()[i]);
            }
        }
        double pw = w - left - right, ph = h - top - bottom;
        int n = s.days();
        final double mx = max;
        java.util.function.IntToDoubleFunction x = i -> left + pw * i / (n - 1);
        java.util.function.DoubleUnaryOperator y = v -> top + ph * (1 - v / mx);
        g.setStroke(Color.gray(0.6));
        g.setLineWidth(1);
        g.strokeLine(left, top, left, top + ph);
        g.strokeLine(left, top + ph, left + pw, top + ph);
        g.setFill(Color.gray(0.35));
        String family = org.epiflow.ui.AppFonts.load();   // the CJK font: "万" on the axis is not a box
        g.setFont(family == null ? javafx.scene.text.Font.font(10) : javafx.scene.text.Font.font(family, 10));
        g.fillText(org.epiflow.ui.i18n.Figures.axis(max, locale), 2, top + 8);
        g.fillText("0", left - 12, top + ph);
        g.fillText(s.date(0).toString(), left, h - 6);
        String end = s.date(n - 1).toString();
        g.fillText(end, Math.max(left + 70, w - right - 58), h - 6);
        band(g, s.p05(), s.p95(), x, y, Color.rgb(240, 59, 32, 0.18));
        band(g, s.p25(), s.p75(), x, y, Color.rgb(240, 59, 32, 0.35));
        g.setStroke(Color.rgb(189, 0, 38));
        g.setLineWidth(1.8);
        g.beginPath();
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                g.moveTo(x.applyAsDouble(i), y.applyAsDouble(s.median()[i]));
            } else {
                g.lineTo(x.applyAsDouble(i), y.applyAsDouble(s.median()[i]));
            }
        }
        g.stroke();
        if (s.asOf() >= 0 && s.asOf() < n) {
            g.setStroke(Color.gray(0.4));
            g.setLineDashes(4, 3);
            g.setLineWidth(1);
            g.strokeLine(x.applyAsDouble(s.asOf()), top, x.applyAsDouble(s.asOf()), top + ph);
            g.setLineDashes();
        }
        if (s.observed() != null) {
            g.setFill(Color.rgb(33, 102, 172));
            for (int i = 0; i < n; i++) {
                double v = s.observed()[i];
                if (Double.isFinite(v)) {
                    g.fillOval(x.applyAsDouble(i) - 2, y.applyAsDouble(v) - 2, 4, 4);
                }
            }
        }
    }

    private static void band(GraphicsContext g, double[] lo, double[] hi, java.util.function.IntToDoubleFunction x,
                             java.util.function.DoubleUnaryOperator y, Color c) {
        int n = lo.length;
        double[] xs = new double[2 * n], ys = new double[2 * n];
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
