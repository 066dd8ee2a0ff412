package org.epiflow.map.geo;

import java.util.OptionalLong;

/**
 * The seat (government location) of a prefecture-level unit, from {@code maps/china_prefecture_seats.csv}.
 *
 * @param code         GB/T 2260 code of the unit, e.g. {@code "440300"}
 * @param nameZh       Chinese name
 * @param nameEn       English name
 * @param level        {@code prefecture}, {@code municipality}, {@code county-level under province}, {@code SAR}
 *                     or {@code province(TW)}
 * @param provinceCode code of the province, e.g. {@code "440000"}
 * @param lon          longitude (degrees; inside the unit's polygon, see maps/README.md)
 * @param lat          latitude (degrees)
 * @param population   city population from SimpleMaps (illustrative only, not a health denominator), if known
 */
public record Seat(String code, String nameZh, String nameEn, String level, String provinceCode, double lon,
                   double lat, OptionalLong population) {
}
