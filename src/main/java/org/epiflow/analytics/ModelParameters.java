package org.epiflow.analytics;

/** The parameters of one model in a {@link RiskRequest}: each model's own record, with its ranges and defaults. */
public interface ModelParameters {
    /** The model these parameters are for. */
    RiskModel model();
}
