package org.epiflow.ui.map;

import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.util.Duration;

import java.nio.IntBuffer;
import java.util.List;

/**
 * Shows the frames drawn by the mapmodel rasteriser through a {@link PixelBuffer} (no copy into a JavaFX image:
 * one {@code System.arraycopy} into the buffer, then {@code updateBuffer}), and turns mouse gestures into
 * view-model calls: drag pans, the wheel zooms about the pointer, hovering outlines a place and shows its figures,
 * a click selects it.
 */
public final class MapCanvas extends Region {
    private static final double WHEEL_STEP = 1.25;
    private final MapViewModel vm;
    private final ImageView view = new ImageView();
    private final Path outline = new Path();
    private final Label hoverCard = new Label();
    private PixelBuffer<IntBuffer> buffer;
    private int[] pixels;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;

    public MapCanvas(MapViewModel vm) {
        this.vm = vm;
        setId("mapCanvas");
        getStyleClass().add("map-canvas");
        setFocusTraversable(true);
        setMinSize(100, 100);
        outline.getStyleClass().add("hover-outline");
        outline.setMouseTransparent(true);
        hoverCard.setId("hoverCard");
        hoverCard.getStyleClass().add("hover-card");
        hoverCard.setMouseTransparent(true);
        hoverCard.setManaged(false);
        hoverCard.textProperty().bind(vm.hoverTextProperty());
        hoverCard.visibleProperty().bind(vm.hoverTextProperty().isNotEmpty());
        getChildren().addAll(view, outline, hoverCard);
        vm.frameProperty().addListener((o, a, f) -> show(f));
        show(vm.frameProperty().get());   // a window built again (new language) shows the last frame at once

        PauseTransition resize = new PauseTransition(Duration.millis(80));
        resize.setOnFinished(e -> vm.resize((int) getWidth(), (int) getHeight()));
        widthProperty().addListener((o, a, b) -> resize.playFromStart());
        heightProperty().addListener((o, a, b) -> resize.playFromStart());
        PauseTransition settle = new PauseTransition(Duration.millis(180));
        settle.setOnFinished(e -> vm.settle());

        setOnMousePressed(e -> {
            requestFocus();
            pressX = lastX = e.getX();
            pressY = lastY = e.getY();
            dragged = false;
        });
        setOnMouseDragged(e -> {
            if (Math.abs(e.getX() - pressX) + Math.abs(e.getY() - pressY) > 3) {
                dragged = true;
            }
            if (dragged) {
                vm.pan(e.getX() - lastX, e.getY() - lastY);
                lastX = e.getX();
                lastY = e.getY();
            }
        });
        setOnMouseReleased(e -> {
            if (dragged) {
                vm.settle();
            } else {
                vm.click(e.getX(), e.getY(), e.isShortcutDown() || e.isControlDown());
            }
        });
        setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                vm.zoom(e.getDeltaY() > 0 ? WHEEL_STEP : 1 / WHEEL_STEP, e.getX(), e.getY());
                settle.playFromStart();
            }
        });
        setOnMouseMoved(e -> {
            vm.hover(e.getX(), e.getY());
            updateOutline();
            hoverCard.relocate(Math.min(e.getX() + 16, Math.max(0, getWidth() - hoverCard.prefWidth(-1) - 4)),
                    Math.min(e.getY() + 16, Math.max(0, getHeight() - hoverCard.prefHeight(-1) - 4)));
            hoverCard.resize(hoverCard.prefWidth(-1), hoverCard.prefHeight(-1));
        });
        setOnMouseExited(e -> {
            vm.hoveredProperty().set("");
            vm.hoverTextProperty().set("");
            outline.getElements().clear();
        });
        vm.viewportProperty().addListener((o, a, b) -> updateOutline());
        vm.hoveredProperty().addListener((o, a, b) -> updateOutline());
    }

    private void updateOutline() {
        List<double[]> rings = vm.hoverOutline();
        outline.getElements().clear();
        for (double[] r : rings) {
            outline.getElements().add(new MoveTo(r[0], r[1]));
            for (int i = 2; i < r.length; i += 2) {
                outline.getElements().add(new LineTo(r[i], r[i + 1]));
            }
            outline.getElements().add(new ClosePath());
        }
    }

    private void show(RenderedFrame f) {
        if (f == null) {
            return;
        }
        int w = f.width(), h = f.height();
        if (buffer == null || buffer.getWidth() != w || buffer.getHeight() != h) {
            pixels = new int[w * h];
            buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            view.setImage(new WritableImage(buffer));
        }
        buffer.updateBuffer(b -> {
            System.arraycopy(f.pixels(), 0, pixels, 0, w * h);
            return null;
        });
    }

    @Override
    protected void layoutChildren() {
        view.relocate(0, 0);
    }
}
