package org.epiflow.analytics;

import org.epiflow.analytics.distance.DistanceParameters;
import org.epiflow.analytics.distance.EffectiveDistance;
import org.epiflow.analytics.importation.ImportationParameters;
import org.epiflow.analytics.importation.ImportationRisk;
import org.epiflow.analytics.observed.ObservedExpected;
import org.epiflow.analytics.observed.ObservedParameters;
import org.epiflow.analytics.seir.ForecastParameters;
import org.epiflow.analytics.seir.SeirForecast;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The spread-risk models, each declared once: its id (the CLI's {@code --model} name, the workspace's record, the
 * result's {@code model}), its name on screen, its columns and which of them a heatmap shows first, what it needs
 * and its default parameters. {@link RiskModels#run} runs any of them. See docs/risk-models.md.
 */
public enum RiskModel {
    /** Du et al. 2020. */
    IMPORTATION("importation", () -> ImportationRisk.COLUMNS, "expected_imported", Needs.CASES_OR_SEEDS,
            () -> ImportationParameters.DEFAULTS),
    /** Brockmann &amp; Helbing 2013. */
    EFFECTIVE_DISTANCE("effective-distance", () -> EffectiveDistance.COLUMNS, "effective_distance",
            Needs.SOURCES_OR_CASES, () -> DistanceParameters.DEFAULTS),
    /** Metapopulation SEIR forecast. */
    SEIR("seir", () -> SeirForecast.COLUMNS, "expected_infections", Needs.CASES_OR_SEEDS,
            () -> ForecastParameters.DEFAULTS),
    /** Jia et al. 2020. */
    OBSERVED_EXPECTED("observed-expected", () -> ObservedExpected.COLUMNS, "risk_index", Needs.CASES,
            () -> ObservedParameters.DEFAULTS);

    /** What a model needs besides a bundle. */
    public enum Needs {
        /** Case data, or infected people typed by hand. */
        CASES_OR_SEEDS,
        /** Source regions, or case data (the regions with the earliest case are the sources). */
        SOURCES_OR_CASES,
        /** Case data. */
        CASES
    }

    private final String id;
    private final Supplier<List<Column>> columns;
    private final String defaultColumn;
    private final Needs needs;
    private final Supplier<ModelParameters> defaults;

    RiskModel(String id, Supplier<List<Column>> columns, String defaultColumn, Needs needs,
              Supplier<ModelParameters> defaults) {
        this.id = id;
        this.columns = columns;
        this.defaultColumn = defaultColumn;
        this.needs = needs;
        this.defaults = defaults;
    }

    /** The id: {@code importation}, {@code effective-distance}, {@code seir}, {@code observed-expected}. */
    public String id() {
        return id;
    }

    /** Message key of the model's name on screen, {@code analytics.model.<id>}. */
    public String messageKey() {
        return "analytics.model." + id;
    }

    /** The figures of every row of its results, in order. */
    public List<Column> columns() {
        return columns.get();
    }

    /** The column called {@code name}. */
    public Optional<Column> column(String name) {
        return columns().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The column a heatmap of the model shows first. */
    public Column defaultColumn() {
        return column(defaultColumn).orElseThrow();
    }

    public Needs needs() {
        return needs;
    }

    /** True when the model reads case data or typed seeds as its infected people. */
    public boolean takesSeeds() {
        return needs == Needs.CASES_OR_SEEDS;
    }

    /** The default parameters. */
    public ModelParameters defaults() {
        return defaults.get();
    }

    /** The model with this id (case-insensitive). */
    public static Optional<RiskModel> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equalsIgnoreCase(id == null ? "" : id.trim()))
                .findFirst();
    }

    /** Every id, for usage texts: {@code importation, effective-distance, seir, observed-expected}. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(RiskModel::id).toList());
    }

    @Override
    public String toString() {
        return id.toUpperCase(Locale.ROOT);
    }
}
