package org.epiflow.map;

import java.util.Map;
import java.util.Objects;

/**
 * A kernel-density surface for point-like results: each region's value is placed at its seat and spread with a
 * Gaussian kernel of the given bandwidth, then drawn as a translucent raster of small cells coloured by the layer's
 * ramp (low → high, relative to the densest cell in view). Drawn through {@link MapPainter} as one path per colour
 * level, so it appears on screen and in every export alike.
 *
 * @param positions   lon/lat ({@code [lon, lat]}) of each region code's seat
 * @param bandwidthKm Gaussian kernel standard deviation, kilometres (on the ground, so it scales with zoom)
 */
public record DensitySurface(Map<String, double[]> positions, double bandwidthKm) {
    /** Cell size of the raster, screen pixels. */
    static final int CELL = 4;
    /** Colour levels (one path each). */
    static final int LEVELS = 24;

    public DensitySurface {
        positions = Map.copyOf(positions);
        if (!(bandwidthKm > 0)) {
            throw new IllegalArgumentException("bandwidth must be positive: " + bandwidthKm);
        }
    }

    /** Paints the surface of {@code values} (per region code) with {@code ramp} (low to high ARGB colours). */
    void paint(MapScene scene, Map<String, Double> values, int[] ramp, MapPainter p) {
        MapViewport v = scene.viewport();
        int gw = (v.width() + CELL - 1) / CELL;
        int gh = (v.height() + CELL - 1) / CELL;
        float[] grid = density(v, values, gw, gh);
        float max = 0;
        for (float f : grid) {
            max = Math.max(max, f);
        }
        if (max <= 0) {
            return;
        }
        MapPath[] byLevel = new MapPath[LEVELS];
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                double t = grid[y * gw + x] / max;
                if (t < 0.03) {
                    continue;
                }
                int level = Math.min(LEVELS - 1, (int) (t * LEVELS));
                if (byLevel[level] == null) {
                    byLevel[level] = new MapPath();
                }
                byLevel[level].moveTo(x * CELL, y * CELL).lineTo((x + 1) * CELL, y * CELL)
                        .lineTo((x + 1) * CELL, (y + 1) * CELL).lineTo(x * CELL, (y + 1) * CELL).close();
            }
        }
        p.beginLayer("density");
        for (int level = 0; level < LEVELS; level++) {
            if (byLevel[level] != null) {
                double t = (level + 0.5) / LEVELS;
                p.fill(byLevel[level], Argb.withAlpha(colorAt(ramp, t), 0.25 + 0.6 * t));
            }
        }
        p.endLayer();
    }

    /** Splats each value into its cell, then blurs with a separable Gaussian of the bandwidth (in cells). */
    float[] density(MapViewport v, Map<String, Double> values, int gw, int gh) {
        float[] grid = new float[gw * gh];
        double sigma = bandwidthKm * 1000 / v.metresPerPixel() / CELL;
        int radius = (int) Math.ceil(3 * sigma);
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double[] ll = positions.get(e.getKey());
            Double value = e.getValue();
            if (ll == null || value == null || !(value > 0)) {
                continue;
            }
            double[] s = v.lonLatToScreen(ll[0], ll[1]);
            int cx = (int) Math.floor(s[0] / CELL);
            int cy = (int) Math.floor(s[1] / CELL);
            if (cx < -radius || cy < -radius || cx >= gw + radius || cy >= gh + radius) {
                continue;
            }
            grid[clamp(cy, gh) * gw + clamp(cx, gw)] += value.floatValue();
        }
        if (sigma < 0.5) {
            return grid;
        }
        float[] kernel = new float[2 * radius + 1];
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) Math.exp(-0.5 * i * i / (sigma * sigma));
        }
        float[] tmp = new float[grid.length];
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = x + k;
                    if (xx >= 0 && xx < gw) {
                        sum += grid[y * gw + xx] * kernel[k + radius];
                    }
                }
                tmp[y * gw + x] = sum;
            }
        }
        for (int x = 0; x < gw; x++) {
            for (int y = 0; y < gh; y++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    int yy = y + k;
                    if (yy >= 0 && yy < gh) {
                        sum += tmp[yy * gw + x] * kernel[k + radius];
                    }
                }
                grid[y * gw + x] = sum;
            }
        }
        return grid;
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }

    /** Interpolates the ramp at {@code t} in 0..1. */
    static int colorAt(int[] ramp, double t) {
        Objects.requireNonNull(ramp, "ramp");
        if (ramp.length == 1) {
            return ramp[0];
        }
        double x = Math.max(0, Math.min(1, t)) * (ramp.length - 1);
        int a = (int) Math.floor(x);
        int b = Math.min(ramp.length - 1, a + 1);
        return Argb.withAlpha(Argb.lerp(ramp[a], ramp[b], x - a), 1.0);
    }
}
