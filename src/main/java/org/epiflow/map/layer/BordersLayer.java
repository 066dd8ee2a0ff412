package org.epiflow.map.layer;

import org.epiflow.map.BasemapGeometry;
import org.epiflow.map.MapLayer;
import org.epiflow.map.MapPainter;
import org.epiflow.map.MapPath;
import org.epiflow.map.MapScene;

/** Province borders, drawn over the heatmap so regions stay readable under it. */
public final class BordersLayer implements SceneLayer {
    @Override
    public String name() {
        return "provinces";
    }

    @Override
    public Kind kind() {
        return Kind.BASEMAP;
    }

    @Override
    public boolean followsFlows() {
        return false;
    }

    @Override
    public boolean shows(MapScene scene) {
        return scene.basemap() != null && scene.shows(MapLayer.PROVINCES);
    }

    @Override
    public void paint(MapScene scene, MapPainter p) {
        MapPath path = new MapPath();
        for (BasemapGeometry.Shape s : scene.basemap().provinces(scene.levelOfDetail())) {
            BasemapGeometry.toPath(s, scene.viewport(), BasemapLayer.STEP, path);
        }
        if (!path.isEmpty()) {
            p.beginLayer(name());
            p.stroke(path, scene.style().provinceBorder(), scene.style().provinceBorderWidth());
            p.endLayer();
        }
    }
}
