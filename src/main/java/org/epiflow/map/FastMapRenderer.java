package org.epiflow.map;

import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The screen renderer: draws a {@link MapScene} into an {@code int[]} of premultiplied ARGB pixels that the JavaFX
 * view shows through {@code PixelBuffer<IntBuffer>} with {@code PixelFormat.getIntArgbPreInstance()} (a heap
 * {@code IntBuffer.wrap(pixels)} works; no copy).
 *
 * <ul>
 *   <li>The basemap (background, countries, prefectures, provinces) is drawn with Java2D on two threads (two clipped
 *   halves of the same image) and <b>cached</b>; it is redrawn only when the viewport, style, layers or selection
 *   change.</li>
 *   <li>Each frame copies the cached basemap, then rasterises flows and symbols with {@link FlowRasterizer} on two
 *   threads (interleaved row bands), then blends cached label sprites (text drawn once per text and style with
 *   Java2D).</li>
 *   <li>{@link Quality#INTERACTIVE} (during a drag or wheel gesture): when the basemap cache does not match the
 *   viewport, the old cached image is shifted/scaled (nearest pixel) instead of redrawn; render once more with
 *   {@link Quality#FULL} when the gesture ends.</li>
 * </ul>
 * One instance per view; not thread-safe (call from one render thread). {@link #close()} stops its helper thread.
 */
public final class FastMapRenderer implements AutoCloseable {
    /** Render quality. */
    public enum Quality { FULL, INTERACTIVE }

    /** Times of one frame, in milliseconds, and the arcs drawn. */
    public record FrameStats(double basemapMs, double flowsMs, double labelsMs, double totalMs, int arcs,
                             boolean basemapRedrawn, boolean basemapResampled) {
    }

    private final ExecutorService helper;
    private final int threads;
    private int[] basemap;
    private MapViewport basemapViewport;
    private Object basemapKey;
    private int[] scratch;
    private final Map<String, Sprite> sprites = new HashMap<>();
    private final Java2DPainter metricsPainter;
    private final TextMetrics metrics;
    private int[] front;
    private int[] back;

    private record Sprite(int[] px, int w, int h, int dx, int dy) {
    }

    /** A renderer using 2 threads (the calling thread and one helper). */
    public FastMapRenderer() {
        this(2);
    }

    public FastMapRenderer(int threads) {
        this.threads = Math.max(1, threads);
        this.helper = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, "epiflow-map-raster");
            t.setDaemon(true);
            return t;
        });
        BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB_PRE);
        this.metricsPainter = new Java2DPainter(one.createGraphics());
        Map<String, Double> widths = new HashMap<>();
        double[] heights = new double[2];
        this.metrics = new TextMetrics() {
            @Override
            public double width(String text, TextStyle style) {
                if (widths.size() > 8192) {
                    widths.clear();
                }
                return widths.computeIfAbsent(text + '\u0000' + style, k -> metricsPainter.width(text, style));
            }

            @Override
            public double height(TextStyle style) {
                return metricsPainter.height(style);
            }

            @Override
            public double ascent(TextStyle style) {
                return metricsPainter.ascent(style);
            }
        };
    }

    /** Text metrics matching what this renderer draws (for label placement). */
    public TextMetrics metrics() {
        return metrics;
    }

    /**
     * Renders into a buffer owned by the renderer and returns it. Two buffers alternate, so the one returned by the
     * previous call stays intact (the screen may still be showing it) while the next frame is drawn.
     */
    public int[] render(MapScene scene, Quality quality) {
        int n = scene.viewport().width() * scene.viewport().height();
        if (back == null || back.length != n) {
            back = new int[n];
            front = new int[n];
        }
        int[] target = back;
        back = front;
        front = target;
        renderInto(scene, target, quality);
        return target;
    }

    /** Renders into {@code target} ({@code width × height} premultiplied ARGB). */
    public FrameStats renderInto(MapScene scene, int[] target, Quality quality) {
        MapViewport v = scene.viewport();
        int w = v.width(), h = v.height();
        if (target.length < w * h) {
            throw new IllegalArgumentException("target has " + target.length + " pixels, need " + w * h);
        }
        long t0 = System.nanoTime();
        boolean redrawn = false, resampled = false;
        Object key = scene.basemapKey();
        if (!Objects.equals(key, basemapKey)) {
            if (quality == Quality.INTERACTIVE && basemap != null && sameExceptViewport(scene)) {
                resample(basemap, basemapViewport, target, v, scene.style().background());
                resampled = true;
            } else {
                drawBasemap(scene);
                redrawn = true;
            }
        }
        if (!resampled) {
            copy(basemap, target, w * h);
        }
        long t1 = System.nanoTime();
        FlowGeometry g = scene.flowGeometry();
        double[] symbols = scene.symbols();
        MapStyle style = scene.style();
        parallel(band -> {
            FlowRasterizer.drawArcs(g, target, w, h, band, threads);
            for (int i = 0; i < symbols.length; i += 3) {
                FlowRasterizer.disc(target, w, h, band, threads, symbols[i], symbols[i + 1], symbols[i + 2],
                        style.symbolFill(), style.symbolOutline(), 1);
            }
        });
        long t2 = System.nanoTime();
        List<LabelPlacer.Placed> labels = scene.labels(metrics);
        if (!labels.isEmpty()) {
            List<Object[]> placed = new ArrayList<>(labels.size());
            for (LabelPlacer.Placed l : labels) {
                Sprite s = sprite(l.text(), l.style());
                placed.add(new Object[] {s, (int) Math.round(l.x()) - s.dx, (int) Math.round(l.baseline()) - s.dy});
            }
            parallel(band -> {
                for (Object[] o : placed) {
                    Sprite s = (Sprite) o[0];
                    FlowRasterizer.sprite(target, w, h, band, threads, s.px, s.w, s.h, (int) o[1], (int) o[2]);
                }
            });
        }
        long t3 = System.nanoTime();
        return new FrameStats((t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t3 - t0) / 1e6, g.arcCount(),
                redrawn, resampled);
    }

    /** Forgets the cached basemap (e.g. after the basemap itself changed). */
    public void invalidate() {
        basemapKey = null;
    }

    private boolean sameExceptViewport(MapScene scene) {
        MapScene probe = scene.withViewport(basemapViewport);
        return Objects.equals(probe.basemapKey(), basemapKey);
    }

    private void drawBasemap(MapScene scene) {
        MapViewport v = scene.viewport();
        int w = v.width(), h = v.height();
        if (basemap == null || basemap.length != w * h) {
            basemap = new int[w * h];
        }
        BufferedImage img = wrap(basemap, w, h);
        int split = threads == 1 ? h : h / 2;
        List<Runnable> parts = new ArrayList<>();
        parts.add(() -> paintBasemap(scene, img, 0, split));
        if (split < h) {
            parts.add(() -> paintBasemap(scene, img, split, h));
        }
        runAll(parts);
        basemapKey = scene.basemapKey();
        basemapViewport = v;
    }

    private static void paintBasemap(MapScene scene, BufferedImage img, int y0, int y1) {
        Graphics2D g = img.createGraphics();
        try {
            g.clipRect(0, y0, img.getWidth(), y1 - y0);
            scene.paintBasemap(new Java2DPainter(g));
        } finally {
            g.dispose();
        }
    }

    /** A {@code TYPE_INT_ARGB_PRE} image drawing straight into {@code pixels}. */
    public static BufferedImage wrap(int[] pixels, int w, int h) {
        DirectColorModel cm = new DirectColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), 32, 0x00FF0000,
                0x0000FF00, 0x000000FF, 0xFF000000, true, DataBuffer.TYPE_INT);
        DataBufferInt db = new DataBufferInt(pixels, w * h);
        WritableRaster r = Raster.createWritableRaster(
                new SinglePixelPackedSampleModel(DataBuffer.TYPE_INT, w, h, cm.getMasks()), db, null);
        return new BufferedImage(cm, r, true, null);
    }

    private void copy(int[] src, int[] dst, int n) {
        if (threads == 1) {
            System.arraycopy(src, 0, dst, 0, n);
            return;
        }
        int half = n / 2;
        runAll(List.of(() -> System.arraycopy(src, 0, dst, 0, half),
                () -> System.arraycopy(src, half, dst, half, n - half)));
    }

    /** Nearest-pixel resampling of the cached basemap drawn for {@code from} onto viewport {@code to}. */
    private void resample(int[] src, MapViewport from, int[] dst, MapViewport to, int background) {
        int bg = Argb.premultiply(background);
        int sw = from.width(), sh = from.height(), w = to.width(), h = to.height();
        double s = to.metresPerPixel() / from.metresPerPixel();
        double ox = from.toScreenX(to.toWorldX(0.5)) , oy = from.toScreenY(to.toWorldY(0.5));
        parallel(band -> {
            for (int j = 0; j < h; j++) {
                if ((j / FlowRasterizer.BAND_ROWS) % threads != band) {
                    continue;
                }
                int sy = (int) Math.floor(oy + j * s);
                int row = j * w;
                if (sy < 0 || sy >= sh) {
                    java.util.Arrays.fill(dst, row, row + w, bg);
                    continue;
                }
                int srow = sy * sw;
                if (s == 1.0) {
                    int sx0 = (int) Math.floor(ox);
                    for (int i = 0; i < w; i++) {
                        int sx = sx0 + i;
                        dst[row + i] = sx < 0 || sx >= sw ? bg : src[srow + sx];
                    }
                } else {
                    for (int i = 0; i < w; i++) {
                        int sx = (int) Math.floor(ox + i * s);
                        dst[row + i] = sx < 0 || sx >= sw ? bg : src[srow + sx];
                    }
                }
            }
        });
    }

    private Sprite sprite(String text, TextStyle style) {
        String key = text + '\u0000' + style;
        Sprite s = sprites.get(key);
        if (s == null) {
            if (sprites.size() > 4096) {
                sprites.clear();
            }
            double tw = metricsPainter.width(text, style), th = metricsPainter.height(style);
            int pad = (int) Math.ceil(style.haloWidth()) + 2;
            int w = (int) Math.ceil(tw) + 2 * pad, h = (int) Math.ceil(th) + 2 * pad;
            int[] px = new int[w * h];
            BufferedImage img = wrap(px, w, h);
            Graphics2D g = img.createGraphics();
            int dy = pad + (int) Math.round(metricsPainter.ascent(style));
            try {
                new Java2DPainter(g).text(text, pad, dy, style);
            } finally {
                g.dispose();
            }
            s = new Sprite(px, w, h, pad, dy);
            sprites.put(key, s);
        }
        return s;
    }

    private interface Band {
        void run(int band);
    }

    private void parallel(Band b) {
        if (threads == 1) {
            b.run(0);
            return;
        }
        List<Runnable> parts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int band = i;
            parts.add(() -> b.run(band));
        }
        runAll(parts);
    }

    private void runAll(List<Runnable> parts) {
        if (parts.size() == 1 || helper == null) {
            parts.forEach(Runnable::run);
            return;
        }
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) {
            fs.add(helper.submit(parts.get(i)));
        }
        parts.get(0).run();
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rendering", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("rendering failed", e.getCause());
            }
        }
    }

    @Override
    public void close() {
        if (helper != null) {
            helper.shutdownNow();
        }
    }
}
