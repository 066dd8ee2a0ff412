package org.epiflow.map;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The straightforward way to draw the map on screen, timed by the map benchmark next to {@link FastMapRenderer} so
 * the gain is measured, not claimed. The JavaFX Canvas implementation lives in {@code org.epiflow.map.fx} and is
 * found with {@link java.util.ServiceLoader}, so the command line needs no compile-time JavaFX dependency.
 */
public interface NaiveScreenBaseline {
    /** What is measured, e.g. "JavaFX Canvas, software pipeline". */
    String name();

    /**
     * Draws each scene's flows, symbols and labels over the ready basemap image, one draw call per shape, and waits
     * until the pixels exist; returns the milliseconds each scene took.
     *
     * @throws Exception when the toolkit cannot start (no display)
     */
    List<Double> time(BufferedImage basemap, List<MapScene> scenes, TextMetrics metrics) throws Exception;
}
