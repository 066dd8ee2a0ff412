package org.epiflow.map;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

/**
 * The screen renderer's {@link MapPainter}: draws into the frame's premultiplied ARGB pixels. The bulk calls are
 * fast paths — {@link #arcs} and {@link #circles} run {@link FlowRasterizer} on the renderer's threads by row bands,
 * {@link #text} blends a cached sprite of the text — and everything else goes through Java2D on the same pixels,
 * so any layer draws correctly, the standard ones quickly. One per frame; not thread-safe.
 */
final class RasterPainter implements MapPainter {
    /** Runs one task per band on the renderer's threads and waits for all. */
    interface Bands {
        int count();

        void run(Band b);
    }

    interface Band {
        void run(int band);
    }

    /** A text drawn once (halo included), blended at an offset from its baseline origin. */
    record Sprite(int[] px, int w, int h, int dx, int dy) {
    }

    /** Sprites by text and style, kept by the renderer between frames. */
    static final class Sprites {
        private final Map<String, Sprite> cache = new HashMap<>();
        private final Java2DPainter metrics;

        Sprites(Java2DPainter metrics) {
            this.metrics = metrics;
        }

        Sprite of(String text, TextStyle style) {
            String key = text + '\u0000' + style;
            Sprite s = cache.get(key);
            if (s == null) {
                if (cache.size() > 4096) {
                    cache.clear();
                }
                double tw = metrics.width(text, style), th = metrics.height(style);
                int pad = (int) Math.ceil(style.haloWidth()) + 2;
                int w = (int) Math.ceil(tw) + 2 * pad, h = (int) Math.ceil(th) + 2 * pad;
                int[] px = new int[w * h];
                BufferedImage img = FastMapRenderer.wrap(px, w, h);
                Graphics2D g = img.createGraphics();
                int dy = pad + (int) Math.round(metrics.ascent(style));
                try {
                    new Java2DPainter(g).text(text, pad, dy, style);
                } finally {
                    g.dispose();
                }
                s = new Sprite(px, w, h, pad, dy);
                cache.put(key, s);
            }
            return s;
        }
    }

    private final int[] px;
    private final int width;
    private final int height;
    private final Bands bands;
    private final Sprites sprites;
    private final TextMetrics metrics;
    private Graphics2D g2;
    private Java2DPainter java2d;

    RasterPainter(int[] px, int width, int height, Bands bands, Sprites sprites, TextMetrics metrics) {
        this.px = px;
        this.width = width;
        this.height = height;
        this.bands = bands;
        this.sprites = sprites;
        this.metrics = metrics;
    }

    private Java2DPainter java2d() {
        if (java2d == null) {
            g2 = FastMapRenderer.wrap(px, width, height).createGraphics();
            java2d = new Java2DPainter(g2);
        }
        return java2d;
    }

    @Override
    public void arcs(FlowGeometry g) {
        int n = bands.count();
        bands.run(band -> FlowRasterizer.drawArcs(g, px, width, height, band, n));
    }

    @Override
    public void circles(double[] xyr, int fill, int outline, double outlineWidth) {
        int n = bands.count();
        bands.run(band -> {
            for (int i = 0; i + 2 < xyr.length; i += 3) {
                FlowRasterizer.disc(px, width, height, band, n, xyr[i], xyr[i + 1], xyr[i + 2], fill, outline,
                        outlineWidth);
            }
        });
    }

    @Override
    public void text(String text, double x, double y, TextStyle style) {
        Sprite s = sprites.of(text, style);
        FlowRasterizer.sprite(px, width, height, 0, 1, s.px(), s.w(), s.h(), (int) Math.round(x) - s.dx(),
                (int) Math.round(y) - s.dy());
    }

    @Override
    public TextMetrics textMetrics() {
        return metrics;
    }

    @Override
    public void fill(MapPath path, int argb) {
        java2d().fill(path, argb);
    }

    @Override
    public void stroke(MapPath path, int argb, double width) {
        java2d().stroke(path, argb, width);
    }

    @Override
    public void fillCircle(double cx, double cy, double r, int argb) {
        FlowRasterizer.disc(px, width, height, 0, 1, cx, cy, r, argb, 0, 0);
    }

    @Override
    public void strokeCircle(double cx, double cy, double r, int argb, double w) {
        FlowRasterizer.disc(px, width, height, 0, 1, cx, cy, r, 0, argb, w);
    }

    @Override
    public void end() {
        if (g2 != null) {
            g2.dispose();
            g2 = null;
            java2d = null;
        }
    }
}
