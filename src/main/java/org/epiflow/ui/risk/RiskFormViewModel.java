package org.epiflow.ui.risk;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.epiflow.analytics.ModelParameters;
import org.epiflow.analytics.ParameterSpec;
import org.epiflow.analytics.RiskModel;
import org.epiflow.analytics.RiskRequest;
import org.epiflow.analytics.cases.ReportingDelay;
import org.epiflow.analytics.distance.DistanceParameters;
import org.epiflow.analytics.importation.ImportationParameters;
import org.epiflow.analytics.observed.ObservedParameters;
import org.epiflow.analytics.seir.ForecastParameters;
import org.epiflow.analytics.seir.SeirParameters;
import org.epiflow.text.Message;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the analyst typed in the risk panel: the model and its parameters as text, each field starting at the
 * parameter's declared default. {@link #parameters(List)} parses them (with the declared ranges) into the model's
 * parameter record; the window, sources and seeds go into the {@link RiskRequest} as they are.
 */
public final class RiskFormViewModel {
    private final ObjectProperty<RiskModel> model = new SimpleObjectProperty<>(RiskModel.IMPORTATION);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final StringProperty window = text(ImportationParameters.WINDOW);
    private final StringProperty ascertainment = text(ImportationParameters.ASCERTAINMENT);
    private final StringProperty reportDelay = text(ReportingDelay.MEAN);
    private final StringProperty reportDelaySd = text(ReportingDelay.SD);
    private final BooleanProperty bothDirections = new SimpleBooleanProperty();
    private final StringProperty sources = new SimpleStringProperty("");
    private final StringProperty seeds = new SimpleStringProperty("");
    private final StringProperty r0 = text(SeirParameters.R0);
    private final StringProperty latentDays = text(SeirParameters.LATENT);
    private final StringProperty infectiousDays = text(SeirParameters.INFECTIOUS);
    private final StringProperty travelReduction = text(SeirParameters.TRAVEL_REDUCTION);
    private final StringProperty contactReduction = text(SeirParameters.CONTACT_REDUCTION);
    private final ObjectProperty<LocalDate> reductionFrom = new SimpleObjectProperty<>();
    private final StringProperty rampDays = text(SeirParameters.RAMP);
    private final ObjectProperty<SeirParameters.Rates> rates = new SimpleObjectProperty<>(SeirParameters.Rates.ODE);
    private final StringProperty horizon = text(ForecastParameters.HORIZON);
    private final StringProperty runs = text(ForecastParameters.RUNS);
    private final StringProperty seed = text(ForecastParameters.SEED);
    private final BooleanProperty fitR0 = new SimpleBooleanProperty();
    private final StringProperty level = text(ObservedParameters.LEVEL);

    private static StringProperty text(ParameterSpec s) {
        return new SimpleStringProperty(s.defaultText());
    }

    /** Empties the dates (a new bundle has another period). */
    public void clearDates() {
        from.set(null);
        to.set(null);
        asOf.set(null);
        reductionFrom.set(null);
    }

    /** The chosen model's parameters, or the defaults with {@code problems} filled when a field is wrong. */
    public ModelParameters parameters(List<Message> problems) {
        RiskModel k = model.get();
        return switch (k) {
            case IMPORTATION -> new ImportationParameters(bothDirections.get(),
                    (int) ImportationParameters.WINDOW.parse(window.get(), problems),
                    ImportationParameters.ASCERTAINMENT.parse(ascertainment.get(), problems), delay(problems));
            case EFFECTIVE_DISTANCE -> DistanceParameters.DEFAULTS;
            case OBSERVED_EXPECTED -> new ObservedParameters(ObservedParameters.LEVEL.parse(level.get(), problems));
            case SEIR -> new ForecastParameters(SeirParameters.R0.parse(r0.get(), problems),
                    SeirParameters.LATENT.parse(latentDays.get(), problems),
                    SeirParameters.INFECTIOUS.parse(infectiousDays.get(), problems),
                    SeirParameters.TRAVEL_REDUCTION.parse(travelReduction.get(), problems),
                    SeirParameters.CONTACT_REDUCTION.parse(contactReduction.get(), problems),
                    reductionFrom.get(), (int) SeirParameters.RAMP.parse(rampDays.get(), problems), rates.get(),
                    null, (int) ForecastParameters.HORIZON.parse(horizon.get(), problems),
                    (int) ForecastParameters.RUNS.parse(runs.get(), problems),
                    (long) ForecastParameters.SEED.parse(seed.get(), problems), fitR0.get(),
                    ImportationParameters.ASCERTAINMENT.parse(ascertainment.get(), problems), delay(problems));
        };
    }

    private ReportingDelay delay(List<Message> problems) {
        return new ReportingDelay(ReportingDelay.MEAN.parse(reportDelay.get(), problems),
                ReportingDelay.SD.parse(reportDelaySd.get(), problems));
    }

    private final ObjectProperty<List<org.epiflow.data.RegionGroup>> groups =
            new javafx.beans.property.SimpleObjectProperty<>(List.of());

    /** The officer's region groups, offered as sources. */
    public ObjectProperty<List<org.epiflow.data.RegionGroup>> groupsProperty() {
        return groups;
    }

    /** Adds every region of a group to the sources (those already there are kept once). */
    public void addSourceGroup(org.epiflow.data.RegionGroup g) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(sourceCodes());
        all.addAll(g.codes());
        sources.set(String.join(", ", all));
    }

    /** Source codes typed (commas, semicolons or spaces between them). */
    public List<String> sourceCodes() {
        return split(sources.get());
    }

    /** Seeds typed, {@code CODE=N} items; none for models that take no seeds. */
    public List<String> seedItems() {
        return model.get().takesSeeds() ? split(seeds.get()) : List.of();
    }

    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String c : (text == null ? "" : text).trim().split("[,;\\s]+")) {
            if (!c.isBlank()) {
                out.add(c.trim());
            }
        }
        return out;
    }

    public ObjectProperty<RiskModel> modelProperty() {
        return model;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public StringProperty windowProperty() {
        return window;
    }

    public StringProperty ascertainmentProperty() {
        return ascertainment;
    }

    public StringProperty reportDelayProperty() {
        return reportDelay;
    }

    public StringProperty reportDelaySdProperty() {
        return reportDelaySd;
    }

    public BooleanProperty bothDirectionsProperty() {
        return bothDirections;
    }

    public StringProperty sourcesProperty() {
        return sources;
    }

    public StringProperty seedsProperty() {
        return seeds;
    }

    public StringProperty r0Property() {
        return r0;
    }

    public StringProperty latentDaysProperty() {
        return latentDays;
    }

    public StringProperty infectiousDaysProperty() {
        return infectiousDays;
    }

    public StringProperty travelReductionProperty() {
        return travelReduction;
    }

    public StringProperty contactReductionProperty() {
        return contactReduction;
    }

    public ObjectProperty<LocalDate> reductionFromProperty() {
        return reductionFrom;
    }

    public StringProperty rampDaysProperty() {
        return rampDays;
    }

    public ObjectProperty<SeirParameters.Rates> ratesProperty() {
        return rates;
    }

    public StringProperty horizonProperty() {
        return horizon;
    }

    public StringProperty runsProperty() {
        return runs;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public BooleanProperty fitR0Property() {
        return fitR0;
    }

    public StringProperty levelProperty() {
        return level;
    }

    // ---- the form as text, for the session document (carry) ------------------------------------------------------

    /** Every field as typed, by name (dates ISO, the model by id); for returning to the form after a lock. */
    public java.util.Map<String, String> snapshot() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("model", model.get().id());
        putDate(m, "from", from.get());
        putDate(m, "to", to.get());
        putDate(m, "asOf", asOf.get());
        putDate(m, "reductionFrom", reductionFrom.get());
        texts().forEach((k, p) -> m.put(k, p.get()));
        m.put("bothDirections", Boolean.toString(bothDirections.get()));
        m.put("fitR0", Boolean.toString(fitR0.get()));
        m.put("rates", rates.get().name());
        return m;
    }

    /**
     * Puts back what {@link #snapshot()} gave; fields absent or unreadable keep what they have (a text field takes
     * any text: it is checked when the model runs, as if typed).
     */
    public void restore(java.util.Map<String, String> m) {
        if (m == null) {
            return;
        }
        RiskModel.byId(at(m, "model")).ifPresent(model::set);
        from.set(date(at(m, "from")));
        to.set(date(at(m, "to")));
        asOf.set(date(at(m, "asOf")));
        reductionFrom.set(date(at(m, "reductionFrom")));
        texts().forEach((k, p) -> {
            String v = m.get(k);
            if (v != null && v.length() <= 10_000) {
                p.set(v);
            }
        });
        bothDirections.set(Boolean.parseBoolean(at(m, "bothDirections")));
        fitR0.set(Boolean.parseBoolean(at(m, "fitR0")));
        for (SeirParameters.Rates r : SeirParameters.Rates.values()) {
            if (r.name().equals(at(m, "rates"))) {
                rates.set(r);
            }
        }
    }

    private java.util.Map<String, StringProperty> texts() {
        java.util.Map<String, StringProperty> t = new java.util.LinkedHashMap<>();
        t.put("window", window);
        t.put("ascertainment", ascertainment);
        t.put("reportDelay", reportDelay);
        t.put("reportDelaySd", reportDelaySd);
        t.put("sources", sources);
        t.put("seeds", seeds);
        t.put("r0", r0);
        t.put("latentDays", latentDays);
        t.put("infectiousDays", infectiousDays);
        t.put("travelReduction", travelReduction);
        t.put("contactReduction", contactReduction);
        t.put("rampDays", rampDays);
        t.put("horizon", horizon);
        t.put("runs", runs);
        t.put("seed", seed);
        t.put("level", level);
        return t;
    }

    private static void putDate(java.util.Map<String, String> m, String k, LocalDate d) {
        if (d != null) {
            m.put(k, d.toString());
        }
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The value of {@code key} in a snapshot (null: absent). */
    private static String at(java.util.Map<String, String> map, String key) {
        return map.get(key);
    }
}
