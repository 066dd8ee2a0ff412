package org.epiflow.analytics.distance;

import org.epiflow.analytics.ModelParameters;
import org.epiflow.analytics.RiskModel;

/** Settings of the effective-distance model: none beyond the request's sources and travel window. */
public record DistanceParameters() implements ModelParameters {
    public static final DistanceParameters DEFAULTS = new DistanceParameters();

    @Override
    public RiskModel model() {
        return RiskModel.EFFECTIVE_DISTANCE;
    }
}
