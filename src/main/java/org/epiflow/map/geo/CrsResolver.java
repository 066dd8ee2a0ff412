package org.epiflow.map.geo;

import org.epiflow.text.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * Maps the CRS of a boundary file — a Shapefile {@code .prj} (WKT1, OGC or Esri flavour) or a GeoJSON legacy
 * {@code crs} name — to a proj4j CRS. Supported: geographic WGS84 / CGCS2000 / other GRS80-like datums (EPSG:4326,
 * 4490), Beijing 1954 (approximate 3-parameter shift) and Xian 1980 (no shift, warned), Web Mercator (EPSG:3857),
 * Transverse Mercator (UTM zones, Gauss–Krüger 3° and 6° zones with or without zone prefix), Mercator, Albers and
 * Lambert conformal conic; an {@code AUTHORITY["EPSG",n]} known to proj4j is used directly.
 */
final class CrsResolver {

    /**
     * @param crs         the source CRS
     * @param description human-readable name (the PROJCS/GEOGCS name or the EPSG code)
     * @param lonLat      true if the CRS is geographic and needs no datum shift (coordinates used as they are)
     * @param warnings    caveats to show the user (approximate datum shifts)
     */
    record Resolved(CoordinateReferenceSystem crs, String description, boolean lonLat, List<Message> warnings) {
    }

    private static final CRSFactory FACTORY = new CRSFactory();
    private static final Pattern EPSG = Pattern.compile("EPSG[:/]+(?:[\\d.]*[:/]+)?(\\d+)$",
            Pattern.CASE_INSENSITIVE);

    private CrsResolver() {
    }

    static Resolved wgs84() {
        return new Resolved(FACTORY.createFromName("EPSG:4326"), "WGS 84 (EPSG:4326)", true, List.of());
    }

    /** Resolves a GeoJSON legacy crs name such as {@code urn:ogc:def:crs:EPSG::3857} or {@code EPSG:4490}. */
    static Resolved fromName(String name) throws BoundaryImportException {
        String n = name.trim();
        if (n.toUpperCase(Locale.ROOT).endsWith("CRS84") || n.toUpperCase(Locale.ROOT).endsWith("CRS:84")) {
            return wgs84();
        }
        Matcher m = EPSG.matcher(n);
        if (!m.find()) {
            throw new BoundaryImportException(Message.of("boundary.crs.unsupportedName", name));
        }
        return epsg(Integer.parseInt(m.group(1)), name);
    }

    static Resolved epsg(int code, String quoted) throws BoundaryImportException {
        if (code == 4326 || code == 4490 || code == 4019 || code == 4979) {
            return new Resolved(wgs84().crs(), quoted + " (EPSG:" + code + ")", true, List.of());
        }
        CoordinateReferenceSystem crs;
        try {
            crs = FACTORY.createFromName("EPSG:" + code);
        } catch (RuntimeException e) {
            throw new BoundaryImportException(Message.of("boundary.crs.notInDatabase", quoted, String.valueOf(code)),
                    e);
        }
        if (crs == null) {
            throw new BoundaryImportException(Message.of("boundary.crs.unknownEpsg", quoted, String.valueOf(code)));
        }
        return new Resolved(crs, quoted + " (EPSG:" + code + ")", false, List.of());
    }

    /** Resolves the WKT of a {@code .prj} file. */
    static Resolved fromWkt(String wktText) throws BoundaryImportException {
        Wkt root;
        try {
            root = Wkt.parse(wktText);
        } catch (RuntimeException e) {
            throw new BoundaryImportException(Message.of("boundary.crs.badWkt", String.valueOf(e.getMessage()),
                    abbreviate(wktText)));
        }
        String kw = root.keyword().toUpperCase(Locale.ROOT);
        boolean projected = kw.equals("PROJCS") || kw.equals("PROJCRS") || kw.equals("PROJECTEDCRS");
        boolean geographic = kw.equals("GEOGCS") || kw.equals("GEOGCRS") || kw.equals("GEOGRAPHICCRS");
        String what = (projected ? "PROJCS" : "GEOGCS") + " '" + root.name() + "'";
        if (!projected && !geographic) {
            throw new BoundaryImportException(Message.of("boundary.crs.badRoot", root.keyword(), root.name()));
        }
        Integer authority = epsgAuthority(root);
        if (authority != null) {
            try {
                return renamed(epsg(authority, what), what + " (EPSG:" + authority + ")");
            } catch (BoundaryImportException e) {
                // fall back to the parameters below
            }
        }
        String squashed = Wkt.squash(root.name());
        if (projected && (squashed.contains("webmercator") || squashed.contains("pseudomercator")
                || squashed.contains("popularvisualisation"))) {
            return new Resolved(FACTORY.createFromName("EPSG:3857"), what + " (Web Mercator)", false, List.of());
        }
        Wkt geogcs = projected ? first(root, "GEOGCS", "GEOGCRS", "BASEGEOGCRS", "BASEGEODCRS") : root;
        if (geogcs == null) {
            throw new BoundaryImportException(Message.of("boundary.crs.noGeogcs", what));
        }
        List<Message> warnings = new ArrayList<>();
        String ellps = Datums.proj4(geogcs, warnings);
        if (!projected) {
            boolean plain = !ellps.contains("towgs84");
            return new Resolved(FACTORY.createFromParameters(null, "+proj=longlat " + ellps + " +no_defs"),
                    what, plain, warnings);
        }
        String params = Projections.proj4(root, what) + " " + ellps + " +no_defs";
        try {
            return new Resolved(FACTORY.createFromParameters(null, params), what, false, warnings);
        } catch (RuntimeException e) {
            throw new BoundaryImportException(Message.of("boundary.crs.rejected", what, params,
                    String.valueOf(e.getMessage())), e);
        }
    }

    private static Resolved renamed(Resolved r, String description) {
        return new Resolved(r.crs(), description, r.lonLat(), r.warnings());
    }

    /** The EPSG code of the top-level AUTHORITY (WKT1) or ID (WKT2), or null. */
    private static Integer epsgAuthority(Wkt root) {
        Wkt a = first(root, "AUTHORITY", "ID");
        if (a != null && a.name().equalsIgnoreCase("EPSG") && a.args().size() > 1) {
            Object v = a.args().get(1);
            try {
                return v instanceof Double d ? (Integer) d.intValue() : Integer.valueOf(v.toString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Wkt first(Wkt node, String... keywords) {
        for (String k : keywords) {
            Wkt c = node.child(k);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    static String abbreviate(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 120 ? t.substring(0, 117) + "…" : t;
    }
}
