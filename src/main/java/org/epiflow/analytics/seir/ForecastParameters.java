package org.epiflow.analytics.seir;

import org.epiflow.analytics.ModelParameters;
import org.epiflow.analytics.ParameterSpec;
import org.epiflow.analytics.RiskModel;
import org.epiflow.analytics.cases.ReportingDelay;
import org.epiflow.analytics.importation.ImportationParameters;

import java.time.LocalDate;

/**
 * Settings of a SEIR forecast as a person gives them (dates, not day indexes).
 *
 * @param r0               basic reproduction number (the starting value when {@code fitR0})
 * @param latentDays       mean latent period, days
 * @param infectiousDays   mean infectious period, days
 * @param travelReduction  share of trips removed from {@code reductionFrom} on
 * @param contactReduction share of transmission removed from {@code reductionFrom} on
 * @param reductionFrom    first day of the reductions, or null for none
 * @param rampDays         days over which the reductions reach full strength (0 = at once)
 * @param rates            how R0 and the periods become daily steps
 * @param start            first simulated day, or null for the bundle's first day
 * @param horizonDays      days forecast after the as-of day
 * @param runs             stochastic runs (0 = deterministic only)
 * @param seed             random seed of the ensemble
 * @param fitR0            fit R0 jointly with the start (with a 95 % interval)
 * @param ascertainment    share of infections reported (calibration)
 * @param delay            days from infection to report (calibration)
 */
public record ForecastParameters(double r0, double latentDays, double infectiousDays, double travelReduction,
                                 double contactReduction, LocalDate reductionFrom, int rampDays,
                                 SeirParameters.Rates rates, LocalDate start, int horizonDays, int runs, long seed,
                                 boolean fitR0, double ascertainment, ReportingDelay delay)
        implements ModelParameters {
    public static final ParameterSpec HORIZON = ParameterSpec.whole("horizonDays", 0, 365, 60);
    public static final ParameterSpec RUNS = ParameterSpec.whole("runs", 0, 2000, 200);
    public static final ParameterSpec SEED = ParameterSpec.whole("seed", 0, 1e15, 1);

    /** The defaults. */
    public static final ForecastParameters DEFAULTS = new ForecastParameters(SeirParameters.R0.defaultValue(),
            SeirParameters.LATENT.defaultValue(), SeirParameters.INFECTIOUS.defaultValue(), 0, 0, null, 0,
            SeirParameters.Rates.ODE, null, (int) HORIZON.defaultValue(), (int) RUNS.defaultValue(),
            (long) SEED.defaultValue(), false, ImportationParameters.ASCERTAINMENT.defaultValue(),
            ReportingDelay.NONE);

    public ForecastParameters {
        rates = rates == null ? SeirParameters.Rates.ODE : rates;
        delay = delay == null ? ReportingDelay.NONE : delay;
    }

    @Override
    public RiskModel model() {
        return RiskModel.SEIR;
    }

    /** The model parameters with the reductions from bundle day {@code reductionFromDay}. */
    public SeirParameters model(int reductionFromDay) {
        return new SeirParameters(r0, latentDays, infectiousDays, travelReduction, contactReduction,
                reductionFromDay, rampDays, rates);
    }
}
