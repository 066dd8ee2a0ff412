package org.epiflow.analytics.seir;

import org.epiflow.analytics.ParameterSpec;

/**
 * Parameters of the metapopulation SEIR, simulated in whole-day steps.
 *
 * <p>{@link Rates#ODE} (the default) converts the continuous-time parameters a paper reports into daily steps
 * that grow at the rate of the ODE {@code E' = βSI/N − σE, I' = σE − γI} (σ = 1/latent, γ = 1/infectious, β = R0·γ):
 * the daily step probabilities are {@code 1 − exp(−σ)} and {@code 1 − exp(−γ)}, and the step's transmission rate
 * is chosen so that the linearised daily model's growth factor equals {@code exp(r)}, r the ODE's growth rate,
 * {@code (r + σ)(r + γ) = R0·σ·γ}; see {@link #stepBeta(double)}. {@link Rates#DAILY} takes the parameters as
 * daily probabilities {@code 1/latent}, {@code 1/infectious} and β = R0/infectious (a chain-binomial model with
 * geometric stays, like the demo's simulation): the same R0 then grows more slowly than the ODE (0.128 against
 * 0.136 a day for R0 2.6, latent 4, infectious 5).
 *
 * @param r0               basic reproduction number
 * @param latentDays       mean latent period (days, ≥ 1)
 * @param infectiousDays   mean infectious period (days, ≥ 1)
 * @param travelReduction  share of trips removed from {@code reductionFromDay} on (0 = none, 1 = all)
 * @param contactReduction share of transmission removed from {@code reductionFromDay} on (distancing; 0 = none)
 * @param reductionFromDay first day (index into the bundle's period) the reductions apply;
 *                         {@link Integer#MAX_VALUE} for never
 * @param rampDays         days over which the reductions grow linearly to full strength (0 = at once): on day
 *                         {@code reductionFromDay + k} they are {@code min(1, k / rampDays)} of full
 * @param rates            how the periods and R0 become daily steps
 */
public record SeirParameters(double r0, double latentDays, double infectiousDays, double travelReduction,
                             double contactReduction, int reductionFromDay, int rampDays, Rates rates) {
    /** How continuous-time parameters become daily steps. */
    public enum Rates {
        /** Daily steps that grow like the ODE with the same R0 and mean periods. */
        ODE,
        /** The parameters taken as daily probabilities (chain-binomial, geometric stays). */
        DAILY
    }

    public static final ParameterSpec R0 = ParameterSpec.number("r0", 0.1, 20, 2.5);
    public static final ParameterSpec LATENT = ParameterSpec.number("latentDays", 1, 60, 4);
    public static final ParameterSpec INFECTIOUS = ParameterSpec.number("infectiousDays", 1, 60, 5);
    public static final ParameterSpec TRAVEL_REDUCTION = ParameterSpec.number("travelReduction", 0, 1, 0);
    public static final ParameterSpec CONTACT_REDUCTION = ParameterSpec.number("contactReduction", 0, 1, 0);
    public static final ParameterSpec RAMP = ParameterSpec.whole("reductionRampDays", 0, 60, 0);

    /** Defaults: R0 2.5, latent 4 days, infectious 5 days, no reduction, ODE-consistent rates. */
    public static final SeirParameters DEFAULTS = new SeirParameters(R0.defaultValue(), LATENT.defaultValue(),
            INFECTIOUS.defaultValue(), 0, 0, Integer.MAX_VALUE, 0, Rates.ODE);

    public SeirParameters {
        if (!(r0 >= 0) || Double.isInfinite(r0)) {
            throw new IllegalArgumentException("R0 must be a non-negative number: " + r0);
        }
        if (!LATENT.accepts(latentDays) || !INFECTIOUS.accepts(infectiousDays)) {
            throw new IllegalArgumentException("latent and infectious periods must be 1 to 60 days");
        }
        if (!TRAVEL_REDUCTION.accepts(travelReduction) || !CONTACT_REDUCTION.accepts(contactReduction)) {
            throw new IllegalArgumentException("reductions are shares between 0 and 1");
        }
        if (rampDays < 0) {
            throw new IllegalArgumentException("the ramp cannot be negative");
        }
        rates = rates == null ? Rates.ODE : rates;
    }

    /** Old form: reductions at once, ODE-consistent rates. */
    public SeirParameters(double r0, double latentDays, double infectiousDays, double travelReduction,
                          double contactReduction, int reductionFromDay) {
        this(r0, latentDays, infectiousDays, travelReduction, contactReduction, reductionFromDay, 0, Rates.ODE);
    }

    /** Transmission rate β per day of the continuous model, R0 / infectious. */
    public double beta() {
        return r0 / infectiousDays;
    }

    /** Daily probability that an exposed person becomes infectious. */
    public double progression() {
        return rates == Rates.ODE ? -Math.expm1(-1 / latentDays) : 1 / latentDays;
    }

    /** Daily probability that an infectious person recovers. */
    public double recovery() {
        return rates == Rates.ODE ? -Math.expm1(-1 / infectiousDays) : 1 / infectiousDays;
    }

    /** The ODE's exponential growth rate per day for reproduction number {@code r}. */
    public double odeGrowthRate(double r) {
        double s = 1 / latentDays;
        double g = 1 / infectiousDays;
        return (-(s + g) + Math.sqrt((s - g) * (s - g) + 4 * r * s * g)) / 2;
    }

    /**
     * The daily step's transmission rate when transmission is multiplied by {@code contact}. For ODE rates the
     * daily model's growth factor λ then equals exp(r) of the ODE with R0·contact: the linearised step
     * {@code E' = (1−pE)E + βI, I' = pE·E + (1−pR)I} has λ with {@code (λ − 1 + pE)(λ − 1 + pR) = β·pE}.
     */
    public double stepBeta(double contact) {
        if (rates == Rates.DAILY) {
            return beta() * contact;
        }
        double r = r0 * contact;
        if (!(r > 0)) {
            return 0;
        }
        double lambda = Math.exp(odeGrowthRate(r));
        double pE = progression();
        double pR = recovery();
        return Math.max(0, (lambda - 1 + pE) * (lambda - 1 + pR) / pE);
    }

    /** The same parameters with another R0. */
    public SeirParameters withR0(double value) {
        return new SeirParameters(value, latentDays, infectiousDays, travelReduction, contactReduction,
                reductionFromDay, rampDays, rates);
    }

    /** Share of the reductions in force on bundle day {@code day}. */
    public double strength(int day) {
        if (day < reductionFromDay) {
            return 0;
        }
        return rampDays == 0 ? 1 : Math.min(1, (double) (day - reductionFromDay) / rampDays);
    }

    /** Travel multiplier on bundle day {@code day}. */
    public double travelFactor(int day) {
        return 1 - strength(day) * travelReduction;
    }

    /** Transmission multiplier on bundle day {@code day}. */
    public double contactFactor(int day) {
        return 1 - strength(day) * contactReduction;
    }
}
