package org.epiflow.model;

import java.util.Objects;

/**
 * One region of a bundle's geography (a row of {@code regions.csv}).
 *
 * @param code       the region code (for China, a GB/T 2260 administrative code such as {@code 110100})
 * @param name       the name in the local language (Chinese for China)
 * @param nameEn     the English name
 * @param level      the administrative level, e.g. {@code prefecture} or {@code province}
 * @param parent     the code of the enclosing region, or the empty string at the top level
 * @param lat        latitude of the region's seat, WGS 84 degrees
 * @param lon        longitude of the region's seat, WGS 84 degrees
 * @param population resident population used as a denominator (0 when unknown)
 */
public record Region(String code, String name, String nameEn, String level, String parent,
                     double lat, double lon, long population) {
    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(parent, "parent");
        if (population < 0) {
            throw new IllegalArgumentException("population must not be negative: " + population);
        }
    }
}
