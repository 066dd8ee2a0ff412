package org.epiflow.map.layer;

import org.epiflow.map.MapPainter;
import org.epiflow.map.MapScene;

/**
 * One layer of a map picture. A {@link MapScene} paints its layers in order, back to front, through any
 * {@link MapPainter} (screen, PNG, SVG, PDF, PPTX), so every backend draws the same picture. A layer is stateless: what
 * it draws comes from the scene (viewport, style, flows, heatmap, selection, language).
 *
 * <p>To add a layer: implement this interface, put an instance in {@link SceneLayers#standard()} at its place in the
 * drawing order, and (if the user can switch it) give it a {@link org.epiflow.map.MapLayer} toggle.
 */
public interface SceneLayer {
    /** What a layer is to the user. */
    enum Kind {
        /** Reference geography under the data (sea, land, borders); always drawn. */
        BASEMAP,
        /** Data drawn over the basemap (heatmap, flows, circles, labels); can be switched off. */
        OVERLAY
    }

    /** A stable lower-case name, also the group name the layer opens on the painter ("flows", "heatmap", …). */
    String name();

    Kind kind();

    /**
     * Whether the layer's picture changes with the flows shown (date, filters). The screen caches the layers below
     * the first one that does with the basemap and redraws only the rest on a time-slider step.
     */
    boolean followsFlows();

    /** Whether the layer draws anything in this scene (switched on, and its data present). */
    boolean shows(MapScene scene);

    /** Draws the layer (only called when {@link #shows} is true); groups what it draws under {@link #name()}. */
    void paint(MapScene scene, MapPainter painter);
}
