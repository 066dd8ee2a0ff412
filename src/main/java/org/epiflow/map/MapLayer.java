package org.epiflow.map;

/** The layers of a {@link MapScene}, in drawing order. */
public enum MapLayer {
    /** Neighbouring countries and coastline. */
    COUNTRIES,
    /** Prefecture polygons (fill and borders). */
    PREFECTURES,
    /** Province borders. */
    PROVINCES,
    /** Flow arcs. */
    FLOWS,
    /** Location-total circles. */
    SYMBOLS,
    /** Place and region names. */
    LABELS;

    /** Whether this layer belongs to the (cached) basemap. */
    public boolean isBasemap() {
        return this == COUNTRIES || this == PREFECTURES || this == PROVINCES;
    }
}
