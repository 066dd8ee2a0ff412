package org.epiflow.map.geo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable set of regions with unique codes, indexed for hit-testing (an STR-tree of envelopes, then an
 * indexed point-in-polygon test). Thread-safe after construction.
 */
public final class RegionLayer {

    private final String name;
    private final List<Region> regions;
    private final Map<String, Region> byCode;
    private final STRtree index = new STRtree();
    private final Envelope bounds = new Envelope();

    /**
     * @throws IllegalArgumentException if two regions share a code
     */
    public RegionLayer(String name, List<Region> regions) {
        this.name = name;
        this.regions = List.copyOf(regions);
        Map<String, Region> m = new LinkedHashMap<>();
        for (Region r : this.regions) {
            if (m.put(r.code(), r) != null) {
                throw new IllegalArgumentException(name + ": duplicate region code " + r.code());
            }
            index.insert(r.geometry().getEnvelopeInternal(), new Entry(r));
            bounds.expandToInclude(r.geometry().getEnvelopeInternal());
        }
        this.byCode = Collections.unmodifiableMap(m);
        index.build();
    }

    public String name() {
        return name;
    }

    public List<Region> regions() {
        return regions;
    }

    public int size() {
        return regions.size();
    }

    /** Bounding box of all regions (lon/lat). */
    public Envelope bounds() {
        return new Envelope(bounds);
    }

    public Optional<Region> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code.trim()));
    }

    public boolean contains(String code) {
        return code != null && byCode.containsKey(code.trim());
    }

    /** The region whose polygon contains (or touches) the point, or empty (sea, abroad, gap). */
    public Optional<Region> regionAt(double lon, double lat) {
        Coordinate c = new Coordinate(lon, lat);
        List<?> hits = index.query(new Envelope(c));
        for (Object o : hits) {
            Entry e = (Entry) o;
            if (e.locator().locate(c) != Location.EXTERIOR) {
                return Optional.of(e.region);
            }
        }
        return Optional.empty();
    }

    /** All regions whose envelope intersects the given lon/lat box (for viewport culling). */
    public List<Region> query(Envelope lonLatBox) {
        List<Region> out = new ArrayList<>();
        for (Object o : index.query(lonLatBox)) {
            out.add(((Entry) o).region);
        }
        return out;
    }

    @Override
    public String toString() {
        return "RegionLayer[" + name + ", " + regions.size() + " regions]";
    }

    /** Region plus a lazily built point-in-area index (built on the first hit-test of that region). */
    private static final class Entry {
        final Region region;
        private volatile IndexedPointInAreaLocator locator;

        Entry(Region region) {
            this.region = region;
        }

        IndexedPointInAreaLocator locator() {
            IndexedPointInAreaLocator l = locator;
            if (l == null) {
                l = new IndexedPointInAreaLocator(region.geometry());
                locator = l;
            }
            return l;
        }
    }
}
