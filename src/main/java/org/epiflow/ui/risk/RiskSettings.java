package org.epiflow.ui.risk;

import org.epiflow.analytics.ModelParameters;
import org.epiflow.analytics.RiskModel;

import java.time.LocalDate;
import java.util.List;

/**
 * Validated settings of one run, as the request was made (dates as typed, null for the defaults). With the bundle's
 * fingerprint it is the cache key, so fields a model does not use are kept at their defaults.
 *
 * @param casesKey identifies the case data used ("" for none): file name, daily/cumulative and a content hash
 */
public record RiskSettings(RiskModel model, ModelParameters parameters, List<String> sources, List<String> seeds,
                           LocalDate from, LocalDate to, LocalDate asOf, String casesKey) {
    public RiskSettings {
        sources = List.copyOf(sources);
        seeds = List.copyOf(seeds);
    }
}
