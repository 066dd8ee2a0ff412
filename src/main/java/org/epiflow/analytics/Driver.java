package org.epiflow.analytics;

/**
 * A source region behind another region's risk.
 *
 * @param region index of the source region in the bundle's region table
 * @param code   its code
 * @param share  its share of the risk, 0..1
 */
public record Driver(int region, String code, double share) {
}
