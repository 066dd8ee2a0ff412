package org.epiflow.map;

import org.epiflow.map.layer.LabelLayer;
import org.epiflow.map.layer.SceneLayer;

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
 *   <li>The scene's leading layers that do not follow the flows (sea, land, heatmap, province borders:
 *   {@link SceneLayer#followsFlows()} false) are drawn with Java2D on two threads (two clipped halves of the same
 *   image) and <b>cached</b>; they are redrawn only when the viewport, style, layers, selection or heatmap
 *   change.</li>
 *   <li>Each frame copies the cached basemap, then has the remaining layers (circles, flows over them, labels) paint
 *   through a {@link RasterPainter}: arcs and circles are rasterised with {@link FlowRasterizer} on two threads
 *   (interleaved row bands), labels are cached sprites (text drawn once per text and style with Java2D).</li>
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
    private final RasterPainter.Sprites sprites;
    private final Java2DPainter metricsPainter;
    private final TextMetrics metrics;
    private int[] front;
    private int[] back;

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
        this.sprites = new RasterPainter.Sprites(metricsPainter);
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
        long labelsNs = 0;
        RasterPainter painter = new RasterPainter(target, w, h, bands, sprites, metrics);
        try {
            for (SceneLayer l : frameLayers(scene)) {
                if (l.shows(scene)) {
                    long s = System.nanoTime();
                    l.paint(scene, painter);
                    if (l instanceof LabelLayer) {
                        labelsNs += System.nanoTime() - s;
                    }
                }
            }
        } finally {
            painter.end();
        }
        long t3 = System.nanoTime();
        return new FrameStats((t1 - t0) / 1e6, (t3 - t1 - labelsNs) / 1e6, labelsNs / 1e6, (t3 - t0) / 1e6,
                scene.flowGeometry().arcCount(), redrawn, resampled);
    }

    /** The leading layers that do not follow the flows: drawn once into the cached basemap. */
    static List<SceneLayer> cachedLayers(MapScene scene) {
        List<SceneLayer> all = scene.sceneLayers();
        int i = 0;
        while (i < all.size() && !all.get(i).followsFlows()) {
            i++;
        }
        return all.subList(0, i);
    }

    /** The layers drawn every frame, over the cached basemap. */
    static List<SceneLayer> frameLayers(MapScene scene) {
        List<SceneLayer> all = scene.sceneLayers();
        return all.subList(cachedLayers(scene).size(), all.size());
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
            Java2DPainter p = new Java2DPainter(g);
            for (SceneLayer l : cachedLayers(scene)) {
                if (l.shows(scene)) {
                    l.paint(scene, p);
                }
            }
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

    private final RasterPainter.Bands bands = new RasterPainter.Bands() {
        @Override
        public int count() {
            return threads;
        }

        @Override
        public void run(RasterPainter.Band b) {
            parallel(b);
        }
    };

    private void parallel(RasterPainter.Band b) {
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
