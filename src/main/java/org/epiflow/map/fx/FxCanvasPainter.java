package org.epiflow.map.fx;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.epiflow.map.Argb;
import org.epiflow.map.MapPainter;
import org.epiflow.map.MapPath;
import org.epiflow.map.TextMetrics;
import org.epiflow.map.TextStyle;

/** Paints the map drawing model on a JavaFX Canvas (the straightforward way: one draw call per shape). */
public final class FxCanvasPainter implements MapPainter {
    private final GraphicsContext g;
    private final MapPath.Visitor pathVisitor;
    private final TextMetrics metrics;

    public FxCanvasPainter(GraphicsContext g) {
        this(g, TextMetrics.ESTIMATE);
    }

    /** A painter whose labels are placed with {@code metrics}. */
    public FxCanvasPainter(GraphicsContext g, TextMetrics metrics) {
        this.g = g;
        this.metrics = metrics;
        this.g.setFillRule(FillRule.EVEN_ODD);
        this.g.setLineCap(StrokeLineCap.ROUND);
        this.g.setLineJoin(StrokeLineJoin.ROUND);
        this.pathVisitor = new MapPath.Visitor() {
            @Override
            public void moveTo(double x, double y) {
                g.moveTo(x, y);
            }

            @Override
            public void lineTo(double x, double y) {
                g.lineTo(x, y);
            }

            @Override
            public void quadTo(double cx, double cy, double x, double y) {
                g.quadraticCurveTo(cx, cy, x, y);
            }

            @Override
            public void close() {
                g.closePath();
            }
        };
    }

    static Color color(int argb) {
        return Color.rgb(Argb.red(argb), Argb.green(argb), Argb.blue(argb), Argb.alpha(argb) / 255.0);
    }

    @Override
    public void begin(int width, int height, int background) {
        g.setFill(color(background));
        g.fillRect(0, 0, width, height);
    }

    private void trace(MapPath path) {
        g.beginPath();
        path.forEach(pathVisitor);
    }

    @Override
    public void fill(MapPath path, int argb) {
        trace(path);
        g.setFill(color(argb));
        g.fill();
    }

    @Override
    public void stroke(MapPath path, int argb, double width) {
        trace(path);
        g.setStroke(color(argb));
        g.setLineWidth(width);
        g.stroke();
    }

    @Override
    public void fillCircle(double cx, double cy, double r, int argb) {
        g.setFill(color(argb));
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    @Override
    public void strokeCircle(double cx, double cy, double r, int argb, double width) {
        g.setStroke(color(argb));
        g.setLineWidth(width);
        g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    @Override
    public void text(String text, double x, double y, TextStyle style) {
        g.setFont(Font.font(null, style.bold() ? FontWeight.BOLD : FontWeight.NORMAL, style.size()));
        if (Argb.alpha(style.halo()) > 0 && style.haloWidth() > 0) {
            g.setStroke(color(style.halo()));
            g.setLineWidth(2 * style.haloWidth());
            g.strokeText(text, x, y);
        }
        g.setFill(color(style.color()));
        g.fillText(text, x, y);
    }

    @Override
    public TextMetrics textMetrics() {
        return metrics;
    }
}
