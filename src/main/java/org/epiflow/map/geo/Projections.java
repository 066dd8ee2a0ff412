package org.epiflow.map.geo;

import org.epiflow.text.Message;
import java.util.Locale;

/** The PROJECTION / PARAMETER / UNIT part of a WKT PROJCS as proj4 parameters (used by {@link CrsResolver}). */
final class Projections {

    private Projections() {
    }

    static String proj4(Wkt projcs, String what) throws BoundaryImportException {
        Wkt proj = CrsResolver.first(projcs, "PROJECTION", "METHOD");
        if (proj == null) {
            Wkt conv = CrsResolver.first(projcs, "CONVERSION");
            proj = conv == null ? null : CrsResolver.first(conv, "METHOD");
            if (conv != null) {
                projcs = conv;
            }
        }
        if (proj == null) {
            throw new BoundaryImportException(Message.of("boundary.crs.noProjection", what));
        }
        String p = Wkt.squash(proj.name());
        StringBuilder sb = new StringBuilder();
        switch (p) {
            case "transversemercator", "gausskruger", "gaussboaga", "transversemercatorsouthorientated" -> {
                sb.append("+proj=tmerc");
                put(sb, "lat_0", param(projcs, 0, "latitudeoforigin", "latitudeofnaturalorigin"));
                put(sb, "lon_0", param(projcs, 0, "centralmeridian", "longitudeofnaturalorigin",
                        "longitudeofcenter"));
                put(sb, "k", param(projcs, 1, "scalefactor", "scalefactoratnaturalorigin"));
            }
            case "mercatorauxiliarysphere", "popularvisualisationpseudomercator" -> {
                return "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m "
                        + "+nadgrids=@null +wktext";
            }
            case "mercator", "mercator1sp", "mercator2sp", "mercatorvarianta", "mercatorvariantb" -> {
                sb.append("+proj=merc");
                put(sb, "lon_0", param(projcs, 0, "centralmeridian", "longitudeofnaturalorigin"));
                double lts = param(projcs, Double.NaN, "standardparallel1", "latitudeof1ststandardparallel");
                if (!Double.isNaN(lts)) {
                    put(sb, "lat_ts", lts);
                } else {
                    put(sb, "k", param(projcs, 1, "scalefactor", "scalefactoratnaturalorigin"));
                }
            }
            case "albers", "albersconicequalarea", "albersequalarea" -> {
                sb.append("+proj=aea");
                conic(sb, projcs);
            }
            case "lambertconformalconic", "lambertconformalconic2sp", "lambertconformalconic1sp" -> {
                sb.append("+proj=lcc");
                conic(sb, projcs);
                double k = param(projcs, Double.NaN, "scalefactor");
                if (!Double.isNaN(k)) {
                    put(sb, "k_0", k);
                }
            }
            default -> throw new BoundaryImportException(Message.of("boundary.crs.projection", what, proj.name()));
        }
        put(sb, "x_0", param(projcs, 0, "falseeasting", "eastingatfalseorigin"));
        put(sb, "y_0", param(projcs, 0, "falsenorthing", "northingatfalseorigin"));
        Wkt unit = CrsResolver.first(projcs, "UNIT", "LENGTHUNIT");
        double toMeter = unit == null || Double.isNaN(unit.number(1)) ? 1 : unit.number(1);
        sb.append(toMeter == 1 ? " +units=m" : String.format(Locale.ROOT, " +to_meter=%s", toMeter));
        return sb.toString();
    }

    private static void conic(StringBuilder sb, Wkt projcs) {
        double lat1 = param(projcs, Double.NaN, "standardparallel1", "latitudeof1ststandardparallel");
        double lat2 = param(projcs, lat1, "standardparallel2", "latitudeof2ndstandardparallel");
        double lat0 = param(projcs, Double.NaN, "latitudeoforigin", "latitudeofcenter", "latitudeoffalseorigin");
        put(sb, "lat_1", Double.isNaN(lat1) ? lat0 : lat1);
        put(sb, "lat_2", Double.isNaN(lat2) ? lat0 : lat2);
        put(sb, "lat_0", Double.isNaN(lat0) ? 0 : lat0);
        put(sb, "lon_0", param(projcs, 0, "centralmeridian", "longitudeofcenter", "longitudeoffalseorigin"));
    }

    private static void put(StringBuilder sb, String key, double v) {
        sb.append(String.format(Locale.ROOT, " +%s=%s", key, v));
    }

    /** A PARAMETER value by (squashed) name, or the default. */
    private static double param(Wkt projcs, double dflt, String... names) {
        for (Wkt p : projcs.children("PARAMETER")) {
            String n = Wkt.squash(p.name());
            for (String want : names) {
                if (n.equals(want)) {
                    return p.number(1);
                }
            }
        }
        return dflt;
    }
}
