/**
 * Metapopulation SEIR forecast coupled by the bundle's trips (in the spirit of GLEAM / Chinazzi et al., Science
 * 2020): a deterministic run ({@link org.epiflow.analytics.seir.MetapopulationSeir#deterministic}), a stochastic
 * ensemble of binomial chains ({@link org.epiflow.analytics.seir.SeirEnsemble}), calibration of the start to
 * observed cases ({@link org.epiflow.analytics.seir.SeirCalibration}) and the risk table
 * ({@link org.epiflow.analytics.seir.SeirForecast}). See docs/risk-models.md.
 */
package org.epiflow.analytics.seir;
