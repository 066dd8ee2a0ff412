package org.epiflow.analytics;

import org.epiflow.analytics.seir.SeirForecast;

/**
 * A finished run: what was asked, how it was resolved, and what came out.
 *
 * @param request  the request
 * @param window   the days used (travel window and as-of day)
 * @param sources  the source regions used (indexes; empty when none)
 * @param result   the risk table
 * @param forecast the SEIR forecast behind the table (runs, ensemble, fit), or null for other models
 */
public record RiskOutcome(RiskRequest request, DayWindow window, int[] sources, RiskResult result,
                          SeirForecast.Outcome forecast) {
    public RiskOutcome {
        sources = sources.clone();
    }

    @Override
    public int[] sources() {
        return sources.clone();
    }

    public RiskModel model() {
        return request.model();
    }
}
