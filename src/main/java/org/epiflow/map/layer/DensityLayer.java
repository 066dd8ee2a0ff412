package org.epiflow.map.layer;

import org.epiflow.map.ChoroplethLayer;
import org.epiflow.map.MapPainter;
import org.epiflow.map.MapScene;

/**
 * A point-like result drawn as a kernel-density surface around the regions' seats (the scene's heatmap when it
 * carries a {@link org.epiflow.map.DensitySurface}), with the selected region's outline over it.
 */
public final class DensityLayer implements SceneLayer {
    @Override
    public String name() {
        return "density";
    }

    @Override
    public Kind kind() {
        return Kind.OVERLAY;
    }

    @Override
    public boolean followsFlows() {
        return false;
    }

    @Override
    public boolean shows(MapScene scene) {
        ChoroplethLayer h = scene.heatmap();
        return h != null && h.surface() != null;
    }

    @Override
    public void paint(MapScene scene, MapPainter p) {
        scene.heatmap().paint(scene, p);
        HeatmapLayer.outlineSelection(scene, p);
    }
}
