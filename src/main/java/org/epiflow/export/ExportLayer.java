package org.epiflow.export;

import org.epiflow.map.MapLayer;
import org.epiflow.map.layer.SceneLayer;
import org.epiflow.map.layer.SceneLayers;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The layers an export can switch ({@code --layers flows,heatmap,symbols,labels}): the overlays of the map's layer
 * registry ({@link SceneLayers}), under the names the command line and saved views use. The basemap layers are
 * always drawn; an export draws the registry's layers in the registry's order, so it paints what the screen paints.
 */
public enum ExportLayer {
    /** Flow arcs. */
    FLOWS(MapLayer.FLOWS, "flows"),
    /** The heatmap: the one on screen or a risk model's (else trips per region), as polygons or a density surface. */
    HEATMAP(null, "heatmap", "density"),
    /** Location-total circles. */
    SYMBOLS(MapLayer.SYMBOLS, "symbols"),
    /** Place and region names. */
    LABELS(MapLayer.LABELS, "labels");

    public static final Set<ExportLayer> DEFAULT = EnumSet.of(FLOWS, SYMBOLS, LABELS);

    private final MapLayer toggle;
    private final List<String> sceneLayers;

    ExportLayer(MapLayer toggle, String... sceneLayers) {
        this.toggle = toggle;
        this.sceneLayers = List.of(sceneLayers);
    }

    /** The names of the registry's layers this export layer switches. */
    public List<String> sceneLayerNames() {
        return sceneLayers;
    }

    /** The export layer that switches a registry layer (by its name), or null for a basemap layer. */
    public static ExportLayer of(SceneLayer layer) {
        for (ExportLayer e : values()) {
            if (e.sceneLayers.contains(layer.name())) {
                return e;
            }
        }
        return null;
    }

    public static ExportLayer parse(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        if (t.equals("CHOROPLETH")) {
            return HEATMAP;
        }
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown layer '" + s + "' (flows, heatmap, symbols, labels)");
        }
    }

    /** Parses a comma-separated list. */
    public static Set<ExportLayer> parseList(String csv) {
        Set<ExportLayer> out = new LinkedHashSet<>();
        for (String p : csv.split(",")) {
            if (!p.isBlank()) {
                out.add(parse(p));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no layers given");
        }
        return EnumSet.copyOf(out);
    }

    /** The registry's layers an export of {@code layers} draws: every basemap layer and the overlays chosen. */
    public static List<SceneLayer> sceneLayers(Set<ExportLayer> layers) {
        List<SceneLayer> out = new ArrayList<>();
        for (SceneLayer l : SceneLayers.standard()) {
            ExportLayer e = of(l);
            if (l.kind() == SceneLayer.Kind.BASEMAP || (e != null && layers.contains(e))) {
                out.add(l);
            }
        }
        return out;
    }

    /** The scene's layer toggles (basemap layers always on). */
    public static Set<MapLayer> mapLayers(Set<ExportLayer> layers) {
        Set<MapLayer> m = EnumSet.noneOf(MapLayer.class);
        for (MapLayer l : MapLayer.values()) {
            if (l.isBasemap()) {
                m.add(l);
            }
        }
        for (ExportLayer e : layers) {
            if (e.toggle != null) {
                m.add(e.toggle);
            }
        }
        return m;
    }
}
