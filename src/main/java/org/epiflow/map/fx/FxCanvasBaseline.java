package org.epiflow.map.fx;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import org.epiflow.map.MapScene;
import org.epiflow.map.NaiveScreenBaseline;
import org.epiflow.map.TextMetrics;
import org.epiflow.map.layer.SceneLayer;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The naive screen path: a JavaFX {@link Canvas}, antialiased, one draw call per arc, symbol and label, over the
 * basemap drawn as an image. The Canvas only records commands; a {@code snapshot} makes Prism rasterise them, so
 * each timing includes the rasterisation (and the snapshot's read-back, a few milliseconds).
 */
public final class FxCanvasBaseline implements NaiveScreenBaseline {
    @Override
    public String name() {
        return "JavaFX Canvas (" + System.getProperty("prism.order", "default") + " pipeline)";
    }

    @Override
    public List<Double> time(BufferedImage basemap, List<MapScene> scenes, TextMetrics metrics) throws Exception {
        startToolkit();
        CompletableFuture<List<Double>> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Canvas canvas = new Canvas(basemap.getWidth(), basemap.getHeight());
                WritableImage base = SwingFXUtils.toFXImage(basemap, null);
                GraphicsContext g = canvas.getGraphicsContext2D();
                List<Double> out = new ArrayList<>();
                WritableImage snap = new WritableImage(basemap.getWidth(), basemap.getHeight());
                for (MapScene scene : scenes) {
                    long s = System.nanoTime();
                    g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
                    g.drawImage(base, 0, 0);
                    FxCanvasPainter p = new FxCanvasPainter(g, metrics);
                    for (SceneLayer l : scene.sceneLayers()) {
                        if (l.followsFlows() && l.shows(scene)) {
                            l.paint(scene, p);
                        }
                    }
                    canvas.snapshot(null, snap);
                    out.add((System.nanoTime() - s) / 1e6);
                }
                result.complete(out);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.MINUTES);
    }

    private static void startToolkit() throws InterruptedException {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
            Platform.setImplicitExit(false);
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        try {
            started.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the JavaFX toolkit did not start", e);
        }
    }
}
