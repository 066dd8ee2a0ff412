package org.epiflow.map.layer;

import org.epiflow.map.BasemapGeometry;
import org.epiflow.map.MapLayer;
import org.epiflow.map.MapPainter;
import org.epiflow.map.MapPath;
import org.epiflow.map.MapScene;
import org.epiflow.map.MapStyle;
import org.epiflow.map.MapViewport;
import org.epiflow.map.geo.LevelOfDetail;

/**
 * The reference map: sea (background), neighbouring countries, the Chinese prefectures (land, the selected region
 * highlighted, prefecture borders). Province borders are {@link BordersLayer}, drawn over the heatmap.
 */
public final class BasemapLayer implements SceneLayer {
    /** Vertices closer than this (pixels) to the previous one are dropped when building screen paths. */
    static final double STEP = 0.7;

    @Override
    public String name() {
        return "basemap";
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
        return true;
    }

    @Override
    public void paint(MapScene scene, MapPainter p) {
        MapViewport v = scene.viewport();
        MapStyle style = scene.style();
        MapPath path = new MapPath();
        p.beginLayer("background");
        p.fill(path.reset().moveTo(0, 0).lineTo(v.width(), 0).lineTo(v.width(), v.height())
                .lineTo(0, v.height()).close(), style.background());
        p.endLayer();
        BasemapGeometry basemap = scene.basemap();
        if (basemap == null) {
            return;
        }
        LevelOfDetail lod = scene.levelOfDetail();
        if (scene.shows(MapLayer.COUNTRIES)) {
            p.beginLayer("countries");
            path.reset();
            for (BasemapGeometry.Shape s : basemap.countries()) {
                BasemapGeometry.toPath(s, v, STEP, path);
            }
            if (!path.isEmpty()) {
                p.fill(path, style.countryFill());
                p.stroke(path, style.countryBorder(), 0.6);
            }
            p.endLayer();
        }
        if (scene.shows(MapLayer.PREFECTURES)) {
            p.beginLayer("prefectures");
            path.reset();
            MapPath sel = new MapPath();
            for (BasemapGeometry.Shape s : basemap.prefectures(lod)) {
                BasemapGeometry.toPath(s, v, STEP, scene.selected().contains(s.code()) ? sel : path);
            }
            if (!path.isEmpty()) {
                p.fill(path, style.landFill());
            }
            if (!sel.isEmpty()) {
                p.fill(sel, style.selectedFill());
            }
            path.reset();
            for (BasemapGeometry.Shape s : basemap.prefectures(lod)) {
                BasemapGeometry.toPath(s, v, STEP, path);
            }
            if (!path.isEmpty()) {
                p.stroke(path, style.prefectureBorder(), style.prefectureBorderWidth());
            }
            p.endLayer();
        } else if (scene.shows(MapLayer.PROVINCES)) {
            p.beginLayer("land");
            path.reset();
            for (BasemapGeometry.Shape s : basemap.provinces(lod)) {
                BasemapGeometry.toPath(s, v, STEP, path);
            }
            if (!path.isEmpty()) {
                p.fill(path, style.landFill());
            }
            p.endLayer();
        }
    }
}
