package org.epiflow.export;

import org.epiflow.map.MapLayer;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The layers an export can show ({@code --layers flows,heatmap,symbols,labels}); the basemap is always drawn. */
public enum ExportLayer {
    /** Flow arcs. */
    FLOWS,
    /** Choropleth of trips per region (total of in, out and internal). */
    HEATMAP,
    /** Location-total circles. */
    SYMBOLS,
    /** Place and region names. */
    LABELS;

    public static final Set<ExportLayer> DEFAULT = EnumSet.of(FLOWS, SYMBOLS, LABELS);

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

    /** The map layers of the scene (basemap layers always on). */
    public static Set<MapLayer> mapLayers(Set<ExportLayer> layers) {
        Set<MapLayer> m = EnumSet.of(MapLayer.COUNTRIES, MapLayer.PREFECTURES, MapLayer.PROVINCES);
        if (layers.contains(FLOWS)) {
            m.add(MapLayer.FLOWS);
        }
        if (layers.contains(SYMBOLS)) {
            m.add(MapLayer.SYMBOLS);
        }
        if (layers.contains(LABELS)) {
            m.add(MapLayer.LABELS);
        }
        return m;
    }
}
