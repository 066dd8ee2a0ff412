package org.epiflow.map.geo;

import org.epiflow.text.Message;
import java.util.List;
import java.util.Locale;

/** The datum / ellipsoid part of a WKT GEOGCS as proj4 parameters (used by {@link CrsResolver}). */
final class Datums {

    private Datums() {
    }

    /**
     * Returns {@code +a=.. +b=..} (proj4j 1.4 ignores {@code +rf}) plus {@code +towgs84=..} where a published
     * shift exists; adds a warning where positions are approximate.
     */
    static String proj4(Wkt geogcs, List<Message> warnings) throws BoundaryImportException {
        String gname = geogcs.name();
        Wkt datum = CrsResolver.first(geogcs, "DATUM");
        Wkt sph = datum == null ? null : CrsResolver.first(datum, "SPHEROID", "ELLIPSOID");
        if (sph == null || Double.isNaN(sph.number(1))) {
            throw new BoundaryImportException(Message.of("boundary.crs.noSpheroid", gname));
        }
        Wkt unit = CrsResolver.first(geogcs, "UNIT", "ANGLEUNIT");
        if (unit != null && !Double.isNaN(unit.number(1)) && Math.abs(unit.number(1) - Math.PI / 180) > 1e-9) {
            throw new BoundaryImportException(Message.of("boundary.crs.angularUnit", gname, unit.name()));
        }
        Wkt pm = CrsResolver.first(geogcs, "PRIMEM");
        if (pm != null && !Double.isNaN(pm.number(1)) && pm.number(1) != 0) {
            throw new BoundaryImportException(Message.of("boundary.crs.primeMeridian", gname, pm.name()));
        }
        double a = sph.number(1), rf = sph.number(2);
        double b = rf == 0 || Double.isNaN(rf) ? a : a * (1 - 1 / rf);
        String ellps = String.format(Locale.ROOT, "+a=%s +b=%s", a, b);
        String d = Wkt.squash(datum.name() + " " + gname);
        if (d.contains("beijing1954") || d.contains("beijing54")) {
            warnings.add(Message.of("boundary.datum.beijing54"));
            return ellps + " +towgs84=15.8,-154.4,-82.3";
        }
        if (d.contains("xian1980") || d.contains("xian80")) {
            warnings.add(Message.of("boundary.datum.xian80"));
            return ellps;
        }
        boolean known = d.contains("wgs1984") || d.contains("wgs84") || d.contains("china2000")
                || d.contains("cgcs2000") || d.contains("chinageodetic") || d.contains("itrf") || d.contains("grs1980")
                || d.contains("grs80");
        if (!known && Math.abs(a - 6378137) > 0.5) {
            warnings.add(Message.of("boundary.datum.unknown", datum.name()));
        }
        return ellps;
    }
}
