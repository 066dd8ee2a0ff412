package org.epiflow.map.geo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Joins the region codes of a data bundle to polygons. Codes found in one of the layers (searched in order, e.g.
 * a bureau's imported boundaries first, then the basemap prefectures, then provinces) are matched to their
 * polygon; the others must still be drawn as points at the bundle's own coordinates and reported in a warning.
 */
public final class RegionJoin {

    /**
     * A region as the data bundle describes it.
     *
     * @param code region code, e.g. {@code "110100"}
     * @param lon  longitude from the bundle (degrees)
     * @param lat  latitude from the bundle (degrees)
     */
    public record RegionRef(String code, double lon, double lat) {
    }

    /**
     * The join.
     *
     * @param matched   code → polygon, in input order
     * @param unmatched bundle regions without a polygon, in input order (draw as points at lon/lat)
     */
    public record Result(Map<String, Region> matched, List<RegionRef> unmatched) {

        public Result {
            matched = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(matched));
            unmatched = List.copyOf(unmatched);
        }

        public List<String> unmatchedCodes() {
            return unmatched.stream().map(RegionRef::code).toList();
        }

        public boolean complete() {
            return unmatched.isEmpty();
        }

        /** A one-line warning for the user, or empty when every code matched. */
        public Optional<String> warning() {
            if (unmatched.isEmpty()) {
                return Optional.empty();
            }
            String list = unmatched.stream().limit(20).map(RegionRef::code).collect(Collectors.joining(", "));
            return Optional.of(unmatched.size() + " region code(s) have no boundary and are drawn as points: " + list
                    + (unmatched.size() > 20 ? ", …" : ""));
        }
    }

    private RegionJoin() {
    }

    /**
     * Joins bundle regions to the first layer that has their code. Codes are compared after trimming; a code
     * listed twice in the bundle is joined once (first occurrence wins).
     */
    public static Result join(Collection<RegionRef> refs, RegionLayer... layers) {
        return join(refs, List.of(layers));
    }

    public static Result join(Collection<RegionRef> refs, List<RegionLayer> layers) {
        Map<String, Region> matched = new LinkedHashMap<>();
        Map<String, RegionRef> unmatched = new LinkedHashMap<>();
        for (RegionRef ref : refs) {
            String code = Basemap.normalize(ref.code());
            if (code == null || matched.containsKey(code) || unmatched.containsKey(code)) {
                continue;
            }
            Region hit = null;
            for (RegionLayer l : layers) {
                hit = l.byCode(code).orElse(null);
                if (hit != null) {
                    break;
                }
            }
            if (hit != null) {
                matched.put(code, hit);
            } else {
                unmatched.put(code, new RegionRef(code, ref.lon(), ref.lat()));
            }
        }
        return new Result(matched, new ArrayList<>(unmatched.values()));
    }
}
