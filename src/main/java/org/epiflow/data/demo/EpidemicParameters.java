package org.epiflow.data.demo;

/**
 * Parameters of the demo's hidden epidemic (a stochastic metapopulation SEIR; see {@link Epidemic}).
 *
 * @param seedRegion         code of the region where the epidemic starts
 * @param initialExposed     exposed (infected, not yet infectious) people there on the first day
 * @param initialInfectious  infectious people there on the first day
 * @param r0                 basic reproduction number before any restriction
 * @param latentDays         mean latent period 1/σ (days, at least 1)
 * @param infectiousDays     mean infectious period 1/γ (days, at least 1)
 * @param contactFactor      transmission multiplier reached {@code contactRampDays} after the restrictions start
 *                           (distancing, masks, closures; 1 = no change)
 * @param contactRampDays    days over which transmission falls linearly to {@code contactFactor}
 * @param ascertainment      fraction of infections that are ever reported as cases
 * @param reportDelayMean    mean delay from infection to report (days; discretised gamma)
 * @param reportDelaySd      standard deviation of that delay (days)
 * @param reportDelayMax     longest delay considered (days)
 */
public record EpidemicParameters(String seedRegion, int initialExposed, int initialInfectious, double r0,
                                 double latentDays, double infectiousDays, double contactFactor,
                                 int contactRampDays, double ascertainment, double reportDelayMean,
                                 double reportDelaySd, int reportDelayMax) {

    /** Wuhan (420100): a large, central, well-connected city that is also a festival hub. */
    public static final String DEFAULT_SEED_REGION = "420100";

    public EpidemicParameters {
        if (initialExposed < 0 || initialInfectious < 0 || initialExposed + initialInfectious == 0) {
            throw new IllegalArgumentException("the epidemic needs at least one initial infection");
        }
        if (!(r0 > 0) || !(latentDays >= 1) || !(infectiousDays >= 1) || !(reportDelayMean > 0)
                || !(reportDelaySd > 0) || reportDelayMax < 1 || contactRampDays < 1) {
            throw new IllegalArgumentException("rates, periods and delays must be positive");
        }
        if (contactFactor < 0 || contactFactor > 1 || ascertainment < 0 || ascertainment > 1) {
            throw new IllegalArgumentException("contactFactor and ascertainment must be between 0 and 1");
        }
    }

    /** The demo's defaults. */
    public static EpidemicParameters defaults() {
        return new EpidemicParameters(DEFAULT_SEED_REGION, 400, 150, 2.6, 4.0, 5.0, 0.25, 7, 0.25, 10.0, 4.0, 30);
    }

    /** Transmission rate β = R0 · γ. */
    public double beta() {
        return r0 / infectiousDays;
    }

    /**
     * The reporting-delay distribution: P(delay = d) for d = 0 … {@code reportDelayMax} (0 for d = 0), the density of
     * a gamma with the given mean and standard deviation taken at whole days and renormalised.
     */
    public double[] reportDelayPmf() {
        double shape = (reportDelayMean / reportDelaySd) * (reportDelayMean / reportDelaySd);
        double scale = reportDelaySd * reportDelaySd / reportDelayMean;
        double[] p = new double[reportDelayMax + 1];
        double sum = 0;
        for (int d = 1; d <= reportDelayMax; d++) {
            double x = d;
            p[d] = StrictMath.exp((shape - 1) * StrictMath.log(x) - x / scale);
            sum += p[d];
        }
        for (int d = 0; d < p.length; d++) {
            p[d] /= sum;
        }
        return p;
    }
}
