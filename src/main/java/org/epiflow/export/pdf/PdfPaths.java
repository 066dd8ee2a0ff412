package org.epiflow.export.pdf;

import org.epiflow.export.Numbers;
import org.epiflow.map.MapPath;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;

/** PDF path operators from {@link MapPath}s and Java2D shapes (quadratics raised to cubics). */
final class PdfPaths {
    private PdfPaths() {
    }

    static void append(StringBuilder b, MapPath p) {
        double[] c = p.coords();
        int k = 0;
        double cx = 0, cy = 0, sx = 0, sy = 0;
        for (int i = 0; i < p.opCount(); i++) {
            switch (p.op(i)) {
                case MapPath.MOVE -> {
                    cx = sx = c[k++];
                    cy = sy = c[k++];
                    pt(b, cx, cy).append("m\n");
                }
                case MapPath.LINE -> {
                    cx = c[k++];
                    cy = c[k++];
                    pt(b, cx, cy).append("l\n");
                }
                case MapPath.QUAD -> {
                    double qx = c[k++], qy = c[k++], x = c[k++], y = c[k++];
                    cubic(b, cx, cy, qx, qy, x, y);
                    cx = x;
                    cy = y;
                }
                default -> {
                    b.append("h\n");
                    cx = sx;
                    cy = sy;
                }
            }
        }
    }

    static void append(StringBuilder b, Shape s, AffineTransform t) {
        PathIterator it = s.getPathIterator(t);
        double[] c = new double[6];
        double cx = 0, cy = 0, sx = 0, sy = 0;
        while (!it.isDone()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    cx = sx = c[0];
                    cy = sy = c[1];
                    pt(b, cx, cy).append("m\n");
                }
                case PathIterator.SEG_LINETO -> {
                    cx = c[0];
                    cy = c[1];
                    pt(b, cx, cy).append("l\n");
                }
                case PathIterator.SEG_QUADTO -> {
                    cubic(b, cx, cy, c[0], c[1], c[2], c[3]);
                    cx = c[2];
                    cy = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    pt(pt(pt(b, c[0], c[1]), c[2], c[3]), c[4], c[5]).append("c\n");
                    cx = c[4];
                    cy = c[5];
                }
                default -> {
                    b.append("h\n");
                    cx = sx;
                    cy = sy;
                }
            }
            it.next();
        }
    }

    private static void cubic(StringBuilder b, double x0, double y0, double qx, double qy, double x, double y) {
        pt(b, x0 + 2.0 / 3 * (qx - x0), y0 + 2.0 / 3 * (qy - y0));
        pt(b, x + 2.0 / 3 * (qx - x), y + 2.0 / 3 * (qy - y));
        pt(b, x, y).append("c\n");
    }

    private static StringBuilder pt(StringBuilder b, double x, double y) {
        Numbers.append(b, x).append(' ');
        return Numbers.append(b, y).append(' ');
    }
}
