package org.epiflow.ui.risk;

/** The spread-risk models the panel offers (docs/risk-models.md). */
public enum RiskModelKind {
    IMPORTATION,
    EFFECTIVE_DISTANCE,
    SEIR,
    OBSERVED_EXPECTED;

    /** Message key of the model's name. */
    public String key() {
        return "risk.model." + name();
    }
}
