package org.epiflow.map.layer;

import java.util.List;
import java.util.Optional;

/**
 * The registry of map layers and their drawing order, shared by the screen and every export: sea and land, the
 * heatmap or density surface, province borders, location circles, flow arcs over them, labels on top.
 */
public final class SceneLayers {
    private static final List<SceneLayer> STANDARD = List.of(new BasemapLayer(), new HeatmapLayer(),
            new DensityLayer(), new BordersLayer(), new SymbolLayer(), new FlowLayer(), new LabelLayer());

    private SceneLayers() {
    }

    /** Every layer, back to front. */
    public static List<SceneLayer> standard() {
        return STANDARD;
    }

    /** The layer of that {@link SceneLayer#name()}, if there is one. */
    public static Optional<SceneLayer> byName(String name) {
        return STANDARD.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
