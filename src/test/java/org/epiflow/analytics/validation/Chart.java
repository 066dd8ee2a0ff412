package org.epiflow.analytics.validation;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A minimal Java2D chart (scatter, lines, bands, optional log10 y) written as PNG, for docs/validation.md. */
final class Chart {
    private static final int W = 900;
    private static final int H = 560;
    private static final int L = 80;
    private static final int R = 220;
    private static final int T = 50;
    private static final int B = 60;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final List<Runnable> layers = new ArrayList<>();
    private final List<Object[]> legend = new ArrayList<>();
    private double x0 = Double.POSITIVE_INFINITY;
    private double x1 = Double.NEGATIVE_INFINITY;
    private double y0 = Double.POSITIVE_INFINITY;
    private double y1 = Double.NEGATIVE_INFINITY;
    private Graphics2D g;

    Chart(String title, String xLabel, String yLabel, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    private double ty(double y) {
        return logY ? Math.log10(Math.max(y, 0.1)) : y;
    }

    private void extend(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logY || y[i] > 0)) {
                x0 = Math.min(x0, x[i]);
                x1 = Math.max(x1, x[i]);
                y0 = Math.min(y0, ty(y[i]));
                y1 = Math.max(y1, ty(y[i]));
            }
        }
    }

    Chart points(String name, double[] x, double[] y, Color c) {
        extend(x, y);
        legend.add(new Object[]{name, c, "point"});
        layers.add(() -> {
            g.setColor(c);
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logY || y[i] > 0)) {
                    g.fillOval((int) px(x[i]) - 3, (int) py(y[i]) - 3, 7, 7);
                }
            }
        });
        return this;
    }

    Chart line(String name, double[] x, double[] y, Color c, boolean dashed) {
        extend(x, y);
        legend.add(new Object[]{name, c, dashed ? "dash" : "line"});
        layers.add(() -> {
            g.setColor(c);
            g.setStroke(dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                    new float[]{8f, 6f}, 0f) : new BasicStroke(2.2f));
            Path2D p = new Path2D.Double();
            boolean started = false;
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(y[i]) || (logY && y[i] <= 0)) {
                    started = false;
                    continue;
                }
                if (started) {
                    p.lineTo(px(x[i]), py(y[i]));
                } else {
                    p.moveTo(px(x[i]), py(y[i]));
                    started = true;
                }
            }
            g.draw(p);
            g.setStroke(new BasicStroke(1f));
        });
        return this;
    }

    Chart band(String name, double[] x, double[] lo, double[] hi, Color c) {
        extend(x, hi);
        extend(x, lo);
        Color fill = new Color(c.getRed(), c.getGreen(), c.getBlue(), 60);
        legend.add(new Object[]{name, fill, "band"});
        layers.add(() -> {
            Path2D p = new Path2D.Double();
            p.moveTo(px(x[0]), py(Math.max(hi[0], 0.1)));
            for (int i = 1; i < x.length; i++) {
                p.lineTo(px(x[i]), py(Math.max(hi[i], 0.1)));
            }
            for (int i = x.length - 1; i >= 0; i--) {
                p.lineTo(px(x[i]), py(Math.max(lo[i], 0.1)));
            }
            p.closePath();
            g.setColor(fill);
            g.fill(p);
        });
        return this;
    }

    private double px(double x) {
        return L + (x - x0) / (x1 - x0) * (W - L - R);
    }

    private double py(double y) {
        return H - B - (ty(y) - y0) / (y1 - y0) * (H - T - B);
    }

    void write(Path file) throws IOException {
        if (x1 <= x0) {
            x1 = x0 + 1;
        }
        double pad = (y1 - y0) * 0.05 + 1e-9;
        y0 -= pad;
        y1 += pad;
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(230, 230, 230));
        for (int i = 0; i <= 5; i++) {
            double yv = y0 + (y1 - y0) * i / 5;
            int yy = (int) (H - B - (yv - y0) / (y1 - y0) * (H - T - B));
            g.setColor(new Color(230, 230, 230));
            g.drawLine(L, yy, W - R, yy);
            g.setColor(Color.DARK_GRAY);
            String lab = logY ? fmt(Math.pow(10, yv)) : fmt(yv);
            g.drawString(lab, L - 8 - g.getFontMetrics().stringWidth(lab), yy + 4);
            double xv = x0 + (x1 - x0) * i / 5;
            int xx = (int) px(xv);
            g.drawString(fmt(xv), xx - g.getFontMetrics().stringWidth(fmt(xv)) / 2, H - B + 18);
        }
        g.setColor(Color.BLACK);
        g.drawRect(L, T, W - L - R, H - T - B);
        g.setClip(L, T, W - L - R, H - T - B);
        layers.forEach(Runnable::run);
        g.setClip(null);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, L, T - 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(xLabel, L + (W - L - R) / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, H - 18);
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2);
        r.drawString(yLabel + (logY ? " (log scale)" : ""), -(T + (H - T - B) / 2) - 80, 20);
        r.dispose();
        int ly = T + 10;
        for (Object[] e : legend) {
            g.setColor((Color) e[1]);
            switch ((String) e[2]) {
                case "point" -> g.fillOval(W - R + 15, ly - 6, 8, 8);
                case "band" -> g.fillRect(W - R + 12, ly - 8, 16, 10);
                default -> g.fillRect(W - R + 12, ly - 3, 16, 3);
            }
            g.setColor(Color.BLACK);
            g.drawString((String) e[0], W - R + 34, ly + 2);
            ly += 20;
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private static String fmt(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        }
        if (a >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        return a >= 10 || a == 0 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
    }
}
