package org.epiflow.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The regions of a bundle in table order; flow and resident tables refer to regions by their index here.
 * At most {@link #MAX_REGIONS} regions, so an index fits in a {@code short}.
 */
public final class RegionTable {
    /** Largest number of regions a table may hold. */
    public static final int MAX_REGIONS = Short.MAX_VALUE;

    private final List<Region> regions;
    private final Map<String, Integer> indexByCode;

    public RegionTable(List<Region> regions) {
        if (regions.size() > MAX_REGIONS) {
            throw new IllegalArgumentException("at most " + MAX_REGIONS + " regions, got " + regions.size());
        }
        this.regions = List.copyOf(regions);
        this.indexByCode = new HashMap<>(regions.size() * 2);
        for (int i = 0; i < this.regions.size(); i++) {
            if (indexByCode.putIfAbsent(this.regions.get(i).code(), i) != null) {
                throw new IllegalArgumentException("duplicate region code " + this.regions.get(i).code());
            }
        }
    }

    public int size() {
        return regions.size();
    }

    public Region get(int index) {
        return regions.get(index);
    }

    public List<Region> all() {
        return regions;
    }

    /** The index of the region with this code, or -1. */
    public int indexOf(String code) {
        Integer i = indexByCode.get(code);
        return i == null ? -1 : i;
    }

    public Optional<Region> byCode(String code) {
        int i = indexOf(code);
        return i < 0 ? Optional.empty() : Optional.of(regions.get(i));
    }
}
