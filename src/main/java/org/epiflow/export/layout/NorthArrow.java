package org.epiflow.export.layout;

import org.epiflow.map.MapViewport;

/**
 * Where north points at the map centre. In the Albers conic meridians converge, so north is up only on the central
 * meridian (105°E); elsewhere the arrow is turned by the meridian's angle on screen.
 */
public final class NorthArrow {
    private NorthArrow() {
    }

    /** The angle of north at the viewport centre, radians clockwise from screen up. */
    public static double angle(MapViewport v) {
        double[] c = v.screenToLonLat(v.width() / 2.0, v.height() / 2.0);
        double lat = Math.min(c[1], 89);
        double[] a = v.lonLatToScreen(c[0], lat), b = v.lonLatToScreen(c[0], lat + 0.5);
        return Math.atan2(b[0] - a[0], -(b[1] - a[1]));
    }
}
