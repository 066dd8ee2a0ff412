package org.epiflow.ui.risk;

import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.seir.SeirForecast;
import org.epiflow.model.AggregateDataset;

/**
 * One finished run: what it was run on and with, and what came out.
 *
 * @param fingerprint the bundle's fingerprint
 * @param settings    the settings
 * @param result      the risk table
 * @param forecast    the SEIR forecast behind the table (runs, ensemble), or null for other models
 * @param cases       the case data used, or null
 * @param data        the bundle's aggregates (held while the bundle is open)
 */
public record RiskRun(String fingerprint, RiskSettings settings, RiskResult result, SeirForecast.Outcome forecast,
                      CaseTable cases, AggregateDataset data) {
}
