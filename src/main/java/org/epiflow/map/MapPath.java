package org.epiflow.map;

import java.util.Arrays;

/**
 * A path in screen coordinates: subpaths of straight and quadratic segments. Filled with the even-odd rule (so
 * polygon holes work). Mutable and reusable ({@link #reset()}); backends must not keep a reference after a call.
 */
public final class MapPath {
    public static final byte MOVE = 0, LINE = 1, QUAD = 2, CLOSE = 3;

    private byte[] ops = new byte[64];
    private double[] coords = new double[256];
    private int opCount;
    private int coordCount;

    public MapPath reset() {
        opCount = 0;
        coordCount = 0;
        return this;
    }

    public MapPath moveTo(double x, double y) {
        op(MOVE, 2);
        coords[coordCount++] = x;
        coords[coordCount++] = y;
        return this;
    }

    public MapPath lineTo(double x, double y) {
        op(LINE, 2);
        coords[coordCount++] = x;
        coords[coordCount++] = y;
        return this;
    }

    public MapPath quadTo(double cx, double cy, double x, double y) {
        op(QUAD, 4);
        coords[coordCount++] = cx;
        coords[coordCount++] = cy;
        coords[coordCount++] = x;
        coords[coordCount++] = y;
        return this;
    }

    public MapPath close() {
        op(CLOSE, 0);
        return this;
    }

    private void op(byte op, int c) {
        if (opCount == ops.length) {
            ops = Arrays.copyOf(ops, ops.length * 2);
        }
        if (coordCount + c > coords.length) {
            coords = Arrays.copyOf(coords, Math.max(coords.length * 2, coordCount + c));
        }
        ops[opCount++] = op;
    }

    public int opCount() {
        return opCount;
    }

    public byte op(int i) {
        return ops[i];
    }

    /** The coordinates, consumed in order by the ops (MOVE/LINE 2, QUAD 4, CLOSE 0). */
    public double[] coords() {
        return coords;
    }

    public boolean isEmpty() {
        return opCount == 0;
    }

    /** Visits the path. */
    public void forEach(Visitor v) {
        int c = 0;
        for (int i = 0; i < opCount; i++) {
            switch (ops[i]) {
                case MOVE -> {
                    v.moveTo(coords[c], coords[c + 1]);
                    c += 2;
                }
                case LINE -> {
                    v.lineTo(coords[c], coords[c + 1]);
                    c += 2;
                }
                case QUAD -> {
                    v.quadTo(coords[c], coords[c + 1], coords[c + 2], coords[c + 3]);
                    c += 4;
                }
                default -> v.close();
            }
        }
    }

    /** Receives path segments. */
    public interface Visitor {
        void moveTo(double x, double y);

        void lineTo(double x, double y);

        void quadTo(double cx, double cy, double x, double y);

        void close();
    }
}
