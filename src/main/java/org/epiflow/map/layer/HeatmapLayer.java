package org.epiflow.map.layer;

import org.epiflow.map.BasemapGeometry;
import org.epiflow.map.ChoroplethLayer;
import org.epiflow.map.MapPainter;
import org.epiflow.map.MapPath;
import org.epiflow.map.MapScene;
import org.epiflow.map.geo.LevelOfDetail;

import java.util.List;

/**
 * The choropleth ("heatmap"): the scene's {@link ChoroplethLayer} as classified region polygons, and the selected
 * region's outline over it (the highlight fill of the basemap is hidden under the colours).
 */
public final class HeatmapLayer implements SceneLayer {
    @Override
    public String name() {
        return "heatmap";
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
        return h != null && h.surface() == null;
    }

    @Override
    public void paint(MapScene scene, MapPainter p) {
        scene.heatmap().paint(scene, p);
        outlineSelection(scene, p);
    }

    /** Outlines the selected regions (prefecture or province) in two strokes, readable over any colour. */
    static void outlineSelection(MapScene scene, MapPainter p) {
        BasemapGeometry basemap = scene.basemap();
        if (basemap == null || scene.selected().isEmpty()) {
            return;
        }
        LevelOfDetail lod = scene.levelOfDetail();
        MapPath path = new MapPath();
        for (List<BasemapGeometry.Shape> shapes : List.of(basemap.prefectures(lod), basemap.provinces(lod))) {
            for (BasemapGeometry.Shape s : shapes) {
                if (scene.selected().contains(s.code())) {
                    BasemapGeometry.toPath(s, scene.viewport(), BasemapLayer.STEP, path);
                }
            }
        }
        if (!path.isEmpty()) {
            p.beginLayer("heatmap-selection");
            p.stroke(path, scene.style().selectedFill() | 0xFF000000, 3);
            p.stroke(path, 0xFF202020, 1);
            p.endLayer();
        }
    }
}
