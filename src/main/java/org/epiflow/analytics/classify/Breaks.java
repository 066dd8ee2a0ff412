package org.epiflow.analytics.classify;

import java.util.Arrays;

/**
 * Class edges {@code e_0 < … < e_k}: class c holds values in [e_c, e_{c+1}) and the last class also holds e_k.
 * Values below e_0 fall in class 0 and above e_k in the last class; NaN has no class (-1).
 */
public final class Breaks {
    private final double[] edges;
    private final ClassificationMethod method;

    public Breaks(double[] edges, ClassificationMethod method) {
        if (edges.length < 2) {
            throw new IllegalArgumentException("need at least two edges (one class)");
        }
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1]))) {
                throw new IllegalArgumentException("edges must be finite and strictly increasing: "
                        + Arrays.toString(edges));
            }
        }
        this.edges = edges.clone();
        this.method = method;
    }

    public ClassificationMethod method() {
        return method;
    }

    /** Number of classes. */
    public int classes() {
        return edges.length - 1;
    }

    public double[] edges() {
        return edges.clone();
    }

    public double lower(int c) {
        return edges[c];
    }

    public double upper(int c) {
        return edges[c + 1];
    }

    /** The class of {@code v}, or -1 for NaN. */
    public int classOf(double v) {
        if (Double.isNaN(v)) {
            return -1;
        }
        int i = Arrays.binarySearch(edges, v);
        int c = i >= 0 ? i : -i - 2;
        return Math.max(0, Math.min(classes() - 1, c));
    }

    @Override
    public String toString() {
        return method + Arrays.toString(edges);
    }
}
