package org.epiflow.analytics;

import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.model.AggregateDataset;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything one run of a model needs, as a person gives it; {@link RiskModels#run} checks and runs it. The CLI and
 * the app only parse their input into a request and show the result.
 *
 * @param data       the bundle's aggregates
 * @param cases      reported cases, or null
 * @param sources    source region codes (empty: the region(s) with the earliest case up to the as-of day)
 * @param seeds      infected people typed by hand, {@code CODE=N} or {@code CODE=P%} (importation, SEIR)
 * @param from       first day of the travel (exposure) window, or null for the bundle's first day
 * @param to         last day of the travel (exposure) window, or null for the as-of day
 * @param asOf       last day of case reports used, or null for the last reported day (else the bundle's last)
 * @param parameters the model's own parameters; its {@link ModelParameters#model()} is the model run
 */
public record RiskRequest(AggregateDataset data, CaseTable cases, List<String> sources, List<String> seeds,
                          LocalDate from, LocalDate to, LocalDate asOf, ModelParameters parameters) {
    public RiskRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(parameters, "parameters");
        sources = List.copyOf(sources == null ? List.of() : sources);
        seeds = List.copyOf(seeds == null ? List.of() : seeds);
    }

    /** A request with the model's defaults, no cases, no sources, no window. */
    public static RiskRequest of(RiskModel model, AggregateDataset data) {
        return new RiskRequest(data, null, List.of(), List.of(), null, null, null, model.defaults());
    }

    public RiskModel model() {
        return parameters.model();
    }

    public RiskRequest withCases(CaseTable c) {
        return new RiskRequest(data, c, sources, seeds, from, to, asOf, parameters);
    }

    public RiskRequest withSources(List<String> s) {
        return new RiskRequest(data, cases, s, seeds, from, to, asOf, parameters);
    }

    public RiskRequest withSeeds(List<String> s) {
        return new RiskRequest(data, cases, sources, s, from, to, asOf, parameters);
    }

    public RiskRequest withWindow(LocalDate f, LocalDate t, LocalDate a) {
        return new RiskRequest(data, cases, sources, seeds, f, t, a, parameters);
    }

    public RiskRequest withParameters(ModelParameters p) {
        return new RiskRequest(data, cases, sources, seeds, from, to, asOf, p);
    }
}
