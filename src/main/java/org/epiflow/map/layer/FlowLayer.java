package org.epiflow.map.layer;

import org.epiflow.map.FlowGeometry;
import org.epiflow.map.MapLayer;
import org.epiflow.map.MapPainter;
import org.epiflow.map.MapScene;

/**
 * The flow arcs (the scene's {@link FlowGeometry}: tapered curves, smallest volume first), drawn over the circles so
 * no circle hides a flow.
 */
public final class FlowLayer implements SceneLayer {
    @Override
    public String name() {
        return "flows";
    }

    @Override
    public Kind kind() {
        return Kind.OVERLAY;
    }

    @Override
    public boolean followsFlows() {
        return true;
    }

    @Override
    public boolean shows(MapScene scene) {
        return scene.flows() != null && scene.shows(MapLayer.FLOWS);
    }

    @Override
    public void paint(MapScene scene, MapPainter p) {
        FlowGeometry g = scene.flowGeometry();
        if (g.arcCount() == 0) {
            return;
        }
        p.beginLayer(name());
        p.arcs(g);
        p.endLayer();
    }
}
