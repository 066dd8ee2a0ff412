package org.epiflow.ui.risk;

import java.util.List;

/**
 * Validated, fully resolved settings of one run (defaults filled in, days as bundle day indexes). With the bundle's
 * fingerprint it is the cache key, so fields a model does not use are kept at their defaults.
 *
 * @param casesKey identifies the case data used ("" for none): file name, daily/cumulative and a content hash
 */
public record RiskSettings(RiskModelKind model, int fromDay, int asOfDay, boolean bothDirections, int infectiousWindow,
                           double ascertainment, List<String> sources, List<String> seeds, double r0,
                           double latentDays, double infectiousDays, double travelReduction,
                           double contactReduction, int horizonDays, int runs, long seed, boolean fitR0,
                           double level, String casesKey) {
    public RiskSettings {
        sources = List.copyOf(sources);
        seeds = List.copyOf(seeds);
    }
}
