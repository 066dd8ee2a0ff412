/**
 * Spread-risk models computed from a bundle's flows and a bureau's case counts. No JavaFX.
 *
 * <p>Common pieces: {@link org.epiflow.analytics.SparseFlows} (trips of one day or summed over a window, by origin),
 * {@link org.epiflow.analytics.Populations} (denominators), and the result every model returns,
 * {@link org.epiflow.analytics.RiskResult}: one {@link org.epiflow.analytics.RiskRow} per region with the model's
 * figures, sorted most exposed first, with the {@link org.epiflow.analytics.Driver}s of each region's risk.
 * {@link org.epiflow.analytics.RiskResult#writeCsv} and {@link org.epiflow.analytics.RiskResult#writeJson} publish
 * it, never showing a flow-derived figure between 0 and the bundle's k.
 *
 * <p>Models: {@code importation} (Du et al. 2020), {@code distance} (Brockmann &amp; Helbing 2013), {@code seir}
 * (metapopulation SEIR, deterministic and stochastic), {@code observed} (Jia et al. 2020). Case data:
 * {@code cases}. Heat-map classification: {@code classify}. See docs/risk-models.md.
 */
package org.epiflow.analytics;
