package org.epiflow.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Diagonal hatch lines inside filled outlines (even-odd rule), for heatmap regions that must read as "no figure"
 * rather than as a class colour. The lines are clipped to the outline here, so every backend (screen, PNG, SVG,
 * PDF, PPTX) draws them with a plain stroke.
 */
public final class Hatching {
    private Hatching() {
    }

    /**
     * Segments of lines {@code x − y = c} ({@code c} a multiple of {@code spacing}) inside {@code outline}.
     * Quadratic segments are taken as straight lines between their end points.
     */
    public static MapPath lines(MapPath outline, double spacing) {
        List<double[]> edges = new ArrayList<>();
        double[] bounds = {Double.MAX_VALUE, -Double.MAX_VALUE};
        outline.forEach(new MapPath.Visitor() {
            double sx;
            double sy;
            double cx;
            double cy;

            @Override
            public void moveTo(double x, double y) {
                sx = x;
                sy = y;
                cx = x;
                cy = y;
            }

            @Override
            public void lineTo(double x, double y) {
                edges.add(new double[]{cx, cy, x, y});
                double u0 = cx - cy;
                double u1 = x - y;
                bounds[0] = Math.min(bounds[0], Math.min(u0, u1));
                bounds[1] = Math.max(bounds[1], Math.max(u0, u1));
                cx = x;
                cy = y;
            }

            @Override
            public void quadTo(double qx, double qy, double x, double y) {
                lineTo(x, y);
            }

            @Override
            public void close() {
                if (cx != sx || cy != sy) {
                    lineTo(sx, sy);
                }
            }
        });
        MapPath out = new MapPath();
        if (edges.isEmpty() || !(spacing > 0)) {
            return out;
        }
        double first = Math.ceil(bounds[0] / spacing) * spacing;
        double[] hits = new double[16];
        for (double c = first; c <= bounds[1]; c += spacing) {
            int m = 0;
            for (double[] e : edges) {
                double u0 = e[0] - e[1] - c;
                double u1 = e[2] - e[3] - c;
                if ((u0 < 0) != (u1 < 0)) {
                    double t = u0 / (u0 - u1);
                    if (m == hits.length) {
                        hits = Arrays.copyOf(hits, m * 2);
                    }
                    hits[m++] = e[0] + t * (e[2] - e[0]);
                }
            }
            Arrays.sort(hits, 0, m);
            for (int k = 0; k + 1 < m; k += 2) {
                out.moveTo(hits[k], hits[k] - c).lineTo(hits[k + 1], hits[k + 1] - c);
            }
        }
        return out;
    }
}
