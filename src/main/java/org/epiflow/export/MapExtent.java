package org.epiflow.export;

import org.epiflow.map.MapViewport;
import org.locationtech.jts.geom.Envelope;

/**
 * What part of the map an export shows, in projected map coordinates (Albers equal-area for China, metres): the
 * rectangle of a screen ({@link #of(MapViewport)}: what the analyst sees, fitted exactly into the map frame) or a
 * lon/lat box ({@link #lonLat}: fitted with a small margin). When the frame's shape differs from the rectangle's, the
 * frame shows the whole rectangle and more on one side, never less.
 *
 * @param minX    west edge
 * @param minY    south edge
 * @param maxX    east edge
 * @param maxY    north edge
 * @param padding pixels of margin kept around the rectangle in the frame
 */
public record MapExtent(double minX, double minY, double maxX, double maxY, double padding) {
    public MapExtent {
        if (!(minX < maxX && minY < maxY) || !Double.isFinite(minX + minY + maxX + maxY)) {
            throw new IllegalArgumentException("bad extent: " + minX + ", " + minY + ", " + maxX + ", " + maxY);
        }
        if (!(padding >= 0)) {
            throw new IllegalArgumentException("bad padding " + padding);
        }
    }

    /** Exactly what a screen viewport shows. */
    public static MapExtent of(MapViewport screen) {
        Envelope e = screen.visibleWorld();
        return new MapExtent(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), 0);
    }

    /** The projected envelope of a lon/lat box (WGS 84 degrees), fitted with an 8-pixel margin. */
    public static MapExtent lonLat(double west, double south, double east, double north) {
        if (!(west < east && south < north) || west < -180 || east > 180 || south < -90 || north > 90) {
            throw new IllegalArgumentException("bad extent: west < east and south < north, in degrees");
        }
        Envelope e = MapViewport.projectLonLatBox(new Envelope(west, east, south, north));
        return new MapExtent(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), 8);
    }

    /**
     * The extent of a saved screen: its centre and scale on a window of {@code width × height} pixels (a window of
     * unknown size keeps the centre and scale at 1280 × 800).
     */
    public static MapExtent ofScreen(double centerX, double centerY, double metresPerPixel, int width, int height) {
        int w = width > 0 ? width : 1280, h = height > 0 ? height : 800;
        return of(new MapViewport(w, h, centerX, centerY, metresPerPixel));
    }

    /** The viewport of a map frame of {@code width × height} showing this extent. */
    public MapViewport viewport(int width, int height) {
        return MapViewport.fit(width, height, new Envelope(minX, maxX, minY, maxY), padding);
    }
}
