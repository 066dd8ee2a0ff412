package org.epiflow.analytics.importation;

import org.epiflow.analytics.ModelParameters;
import org.epiflow.analytics.ParameterSpec;
import org.epiflow.analytics.RiskModel;
import org.epiflow.analytics.cases.ReportingDelay;

/**
 * Settings of the importation-risk model (the travel window comes with the request).
 *
 * @param bothDirections   also count residents of j who travel to an infected region i and come back (trips j→i)
 * @param infectiousWindow days an infection counts as carried by a traveller (I_i(t) = infections of the last so
 *                         many days)
 * @param ascertainment    share of infections that are reported (infections = reports / a), 0 &lt; a ≤ 1
 * @param delay            days from infection to report, for the nowcast of recent infections
 */
public record ImportationParameters(boolean bothDirections, int infectiousWindow, double ascertainment,
                                    ReportingDelay delay) implements ModelParameters {
    /** {@code --infectious-window}. */
    public static final ParameterSpec WINDOW = ParameterSpec.whole("infectiousWindow", 1, 60, 7);
    /** {@code --ascertainment}: share of infections reported. */
    public static final ParameterSpec ASCERTAINMENT = ParameterSpec.number("ascertainment", 0.001, 1, 1);
    /** Default infectious window, days. */
    public static final int DEFAULT_WINDOW = (int) WINDOW.defaultValue();
    /** The defaults: one direction, 7 days, every infection reported, no delay. */
    public static final ImportationParameters DEFAULTS = new ImportationParameters(false, DEFAULT_WINDOW,
            ASCERTAINMENT.defaultValue(), ReportingDelay.NONE);

    public ImportationParameters {
        if (!WINDOW.accepts(infectiousWindow)) {
            throw new IllegalArgumentException("the infectious window must be 1 to 60 days: " + infectiousWindow);
        }
        if (!ASCERTAINMENT.accepts(ascertainment)) {
            throw new IllegalArgumentException("ascertainment must be in [0.001, 1]: " + ascertainment);
        }
        delay = delay == null ? ReportingDelay.NONE : delay;
    }

    @Override
    public RiskModel model() {
        return RiskModel.IMPORTATION;
    }
}
