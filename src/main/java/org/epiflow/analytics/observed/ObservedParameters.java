package org.epiflow.analytics.observed;

import org.epiflow.analytics.ModelParameters;
import org.epiflow.analytics.ParameterSpec;
import org.epiflow.analytics.RiskModel;

/**
 * Settings of the observed-versus-expected model (the exposure window comes with the request).
 *
 * @param level prediction-interval level; a region outside it is flagged (Jia et al. use 90 %)
 */
public record ObservedParameters(double level) implements ModelParameters {
    /** {@code --level}. */
    public static final ParameterSpec LEVEL = ParameterSpec.number("level", 0.5, 0.999, 0.90);
    public static final ObservedParameters DEFAULTS = new ObservedParameters(LEVEL.defaultValue());

    public ObservedParameters {
        if (!LEVEL.accepts(level)) {
            throw new IllegalArgumentException("the interval level must be between 0.5 and 0.999: " + level);
        }
    }

    @Override
    public RiskModel model() {
        return RiskModel.OBSERVED_EXPECTED;
    }
}
