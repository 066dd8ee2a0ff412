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
 * <p>One registry: {@link org.epiflow.analytics.RiskModel} declares every model (id, name key, columns with their
 * roll-up rule and reading, needs, defaults), {@link org.epiflow.analytics.RiskRequest} carries a run's inputs with
 * the model's own parameter record (ranges and defaults as {@link org.epiflow.analytics.ParameterSpec}s), and
 * {@link org.epiflow.analytics.RiskModels#run} checks and runs it; {@link org.epiflow.analytics.ProvinceRollUp}
 * combines a column over provinces by its rule. The CLI and the app only parse into a request and show the result.
 *
 * <p>Models: {@code importation} (Du et al. 2020), {@code distance} (Brockmann &amp; Helbing 2013), {@code seir}
 * (metapopulation SEIR, deterministic and stochastic, joint likelihood fit), {@code observed} (Jia et al. 2020).
 * Case data, reporting delay and nowcast: {@code cases}. Heat-map classification: {@code classify}. See
 * docs/risk-models.md.
 */
package org.epiflow.analytics;
