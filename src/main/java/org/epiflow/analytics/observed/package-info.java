/**
 * Observed versus expected cases (Jia et al., Nature 582:389, 2020, the "risk source model"): cases in each
 * destination regressed on the trips it received from the source region(s), with prediction intervals that flag
 * likely local transmission or under-reporting. See docs/risk-models.md.
 */
package org.epiflow.analytics.observed;
