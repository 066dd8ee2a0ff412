package org.epiflow.ui.risk;

import org.epiflow.analytics.DayWindow;
import org.epiflow.analytics.RiskOutcome;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.seir.SeirForecast;
import org.epiflow.model.AggregateDataset;

/**
 * One finished run: what it was run on and with, and what came out.
 *
 * @param fingerprint the bundle's fingerprint
 * @param settings    the settings
 * @param outcome     what the model registry returned
 * @param cases       the case data used, or null
 * @param data        the bundle's aggregates (held while the bundle is open)
 */
public record RiskRun(String fingerprint, RiskSettings settings, RiskOutcome outcome, CaseTable cases,
                      AggregateDataset data) {
    /** The risk table. */
    public RiskResult result() {
        return outcome.result();
    }

    /** The SEIR forecast behind the table, or null for other models. */
    public SeirForecast.Outcome forecast() {
        return outcome.forecast();
    }

    /** The days used. */
    public DayWindow window() {
        return outcome.window();
    }

    /** First simulated day of a forecast (bundle day index), else the travel window's first day. */
    public int startDay() {
        return forecast() != null ? forecast().deterministic().startDay() : window().fromDay();
    }
}
