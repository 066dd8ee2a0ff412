package org.epiflow.map.layer;

import org.epiflow.data.LocationTotals;
import org.epiflow.map.BasemapGeometry;
import org.epiflow.map.LabelPlacer;
import org.epiflow.map.MapLayer;
import org.epiflow.map.MapPainter;
import org.epiflow.map.MapScene;
import org.epiflow.map.MapViewport;
import org.epiflow.map.geo.LevelOfDetail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Place and region names, placed without overlaps ({@link LabelPlacer}) with the painter's own text metrics, on top
 * of everything else.
 */
public final class LabelLayer implements SceneLayer {
    /** At most this many places (largest totals) are offered as label candidates. */
    public static final int MAX_PLACE_LABELS = 60;
    /** Region names are offered only for regions covering at least this many square pixels. */
    static final double MIN_REGION_PIXELS = 2500;

    @Override
    public String name() {
        return "labels";
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
        return scene.shows(MapLayer.LABELS);
    }

    @Override
    public void paint(MapScene scene, MapPainter p) {
        List<LabelPlacer.Placed> l = scene.labels(p.textMetrics());
        if (l.isEmpty()) {
            return;
        }
        p.beginLayer(name());
        for (LabelPlacer.Placed x : l) {
            p.text(x.text(), x.x(), x.baseline(), x.style());
        }
        p.endLayer();
    }

    /** Label candidates: places with the largest totals first, then region names by area. */
    public static List<LabelPlacer.Candidate> candidates(MapScene scene) {
        List<LabelPlacer.Candidate> out = new ArrayList<>();
        MapViewport v = scene.viewport();
        if (scene.flows() != null) {
            LocationTotals t = scene.flows().totals();
            long max = Math.max(1, scene.symbolMax());
            long floor = nthLargest(scene, t, MAX_PLACE_LABELS);
            for (int i = 0; i < t.size(); i++) {
                long value = scene.symbolMeasure().of(t, i);
                if (value < floor || value <= 0) {
                    continue;
                }
                double x = v.toScreenX(scene.positions().x(i)), y = v.toScreenY(scene.positions().y(i));
                if (x < 0 || y < 0 || x > v.width() || y > v.height()) {
                    continue;
                }
                double r = scene.shows(MapLayer.SYMBOLS) ? SymbolLayer.radius(scene, value) : 2;
                out.add(new LabelPlacer.Candidate(scene.positions().name(i, scene.language()), x, y, r,
                        1e6 + (double) value / max * 1e6, scene.style().placeLabel(), false,
                        scene.positions().nodes().code(i)));
            }
        }
        BasemapGeometry basemap = scene.basemap();
        if (basemap != null) {
            LevelOfDetail lod = scene.levelOfDetail();
            List<BasemapGeometry.Shape> shapes = lod == LevelOfDetail.NATIONAL ? basemap.provinces(lod)
                    : basemap.prefectures(lod);
            double mpp2 = v.metresPerPixel() * v.metresPerPixel();
            for (BasemapGeometry.Shape s : shapes) {
                double x = v.toScreenX(s.labelX()), y = v.toScreenY(s.labelY());
                double px = s.area() / mpp2;
                if (px < MIN_REGION_PIXELS || x < 0 || y < 0 || x > v.width() || y > v.height()) {
                    continue;
                }
                out.add(new LabelPlacer.Candidate(scene.language().pick(s.nameZh(), s.nameEn(), s.code()), x, y, 0,
                        Math.min(1e6 - 1, px / 1000), scene.style().regionLabel(), true, s.code()));
            }
        }
        return out;
    }

    private static long nthLargest(MapScene scene, LocationTotals t, int n) {
        long[] v = new long[t.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = scene.symbolMeasure().of(t, i);
        }
        Arrays.sort(v);
        return v.length <= n ? Long.MIN_VALUE : Math.max(1, v[v.length - n]);
    }
}
