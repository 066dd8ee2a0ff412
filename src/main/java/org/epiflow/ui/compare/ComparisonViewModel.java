package org.epiflow.ui.compare;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.data.DayRange;
import org.epiflow.data.compare.Alignment;
import org.epiflow.data.compare.BaselinePeriod;
import org.epiflow.data.compare.Comparison;
import org.epiflow.data.compare.ComparisonException;
import org.epiflow.map.FlowMeasure;
import org.epiflow.model.Period;
import org.epiflow.text.Message;
import org.epiflow.ui.i18n.LocalText;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.BaselineRequest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The comparison panel's state: the period is the timeline's days; the baseline is as many days starting
 * {@link #offsetDaysProperty()} days from the period's first (so it moves with the period during playback), read
 * from the bundle shown or another open bundle of the same geography ({@link #baselineBundleProperty()}), lined up
 * by date, weekday or days from the Lunar New Year. {@link #requestProperty()} is what the map draws; when the
 * baseline cannot be used, {@link #problemProperty()} says why (in the user's language) and the map shows the period
 * alone.
 */
public final class ComparisonViewModel {
    private final Messages messages;
    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private final ObjectProperty<OpenedBundle> current = new SimpleObjectProperty<>();
    private final ObservableList<OpenedBundle> bundles = FXCollections.observableArrayList();
    private final ObjectProperty<OpenedBundle> baselineBundle = new SimpleObjectProperty<>();
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>();
    private final ObjectProperty<DayRange> days = new SimpleObjectProperty<>();
    private final IntegerProperty offsetDays = new SimpleIntegerProperty(-7);
    private final ObjectProperty<Alignment> alignment = new SimpleObjectProperty<>(Alignment.DATE);
    private final ObjectProperty<FlowMeasure> measure = new SimpleObjectProperty<>(FlowMeasure.CHANGE);
    private final BooleanProperty perCapita = new SimpleBooleanProperty();
    private final BooleanProperty split = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<BaselinePeriod> aligned = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BaselineRequest> request = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BaselineRequest> mapRequest = new ReadOnlyObjectWrapper<>();
    private final LocalText problem;
    private final LocalText description;
    private boolean offsetChosen;

    public ComparisonViewModel(Messages messages) {
        this.messages = messages;
        this.problem = messages.text();
        this.description = messages.text();
        for (var p : new javafx.beans.Observable[] {enabled, current, baselineBundle, period, days, offsetDays,
                alignment, measure, perCapita, split}) {
            p.addListener(o -> update());
        }
        enabled.addListener((o, a, on) -> {
            if (on && !offsetChosen) {
                justBefore();
            }
        });
        current.addListener((o, a, b) -> {
            if (baselineBundle.get() == a) {
                baselineBundle.set(null);
            }
        });
        bundles.addListener((javafx.collections.ListChangeListener<OpenedBundle>) c -> {
            if (baselineBundle.get() != null && !bundles.contains(baselineBundle.get())) {
                baselineBundle.set(null);
            }
        });
    }

    /** The days looked at, as dates (null without a bundle). */
    public Period shownPeriod() {
        Period p = period.get();
        DayRange d = days.get();
        return p == null || d == null || d.last() >= p.days() ? null : new Period(p.day(d.first()), p.day(d.last()));
    }

    /** The baseline as asked (before alignment), or null. */
    public Period requestedBaseline() {
        Period p = shownPeriod();
        return p == null ? null : new Period(p.start().plusDays(offsetDays.get()), p.end().plusDays(offsetDays.get()));
    }

    /** Starts the baseline on this day (as long as the period). */
    public void setBaselineStart(LocalDate start) {
        Period p = shownPeriod();
        if (p != null && start != null) {
            offsetChosen = true;
            offsetDays.set((int) ChronoUnit.DAYS.between(p.start(), start));
        }
    }

    /** The baseline is the days just before the period (as many as it has). */
    public void justBefore() {
        Period p = shownPeriod();
        offsetDays.set(p == null ? -7 : -p.days());
    }

    /** The same days one week earlier. */
    public void weekBefore() {
        offsetChosen = true;
        offsetDays.set(-7);
    }

    /** The same days a year earlier, lined up by days from the Lunar New Year (Spring Festival against Spring Festival). */
    public void yearBefore() {
        Period p = shownPeriod();
        offsetChosen = true;
        if (p != null) {
            offsetDays.set((int) ChronoUnit.DAYS.between(p.start(), p.start().minusYears(1)));
        }
        alignment.set(Alignment.LUNAR_NEW_YEAR);
    }

    private void update() {
        BaselinePeriod b = null;
        Message why = null;
        Period shown = shownPeriod();
        OpenedBundle cur = current.get();
        OpenedBundle base = baselineBundle.get() == null ? cur : baselineBundle.get();
        DayRange baseDays = null;
        if (enabled.get() && shown != null && cur != null && base != null) {
            try {
                if (base != cur && !base.data().info().geographyLevel().equals(cur.data().info().geographyLevel())) {
                    throw new ComparisonException(Message.of("data.compare.otherGeography",
                            cur.data().info().geographyLevel(), base.data().info().geographyLevel()));
                }
                b = BaselinePeriod.align(shown, requestedBaseline(), alignment.get());
                baseDays = Comparison.range(base.data().info().period(), b.baseline());
            } catch (ComparisonException e) {
                why = e.message();
                b = null;
            }
        }
        aligned.set(b);
        if (why != null) {
            problem.show(why);
        } else {
            problem.clear();
        }
        if (b != null) {
            Message d = Message.of("compare.baseline.describe", b.baseline().start(), b.baseline().end(),
                    Message.of(b.alignment().messageKey()), b.baseline().days());
            description.show(b.moved() ? Message.of("compare.baseline.moved", d, b.requested().start(),
                    b.requested().end()) : d);
        } else {
            description.clear();
        }
        FlowMeasure m = b == null ? FlowMeasure.TRIPS : measure.get();
        BaselineRequest r = b == null && !perCapita.get() ? null
                : new BaselineRequest(b == null ? null : base.data(), b, baseDays, m, perCapita.get(),
                b == null || base == cur ? null : base);
        request.set(r);
        // side by side, each map shows its own trips: the period's map no difference
        mapRequest.set(split.get() && b != null ? (perCapita.get() ? SplitViewModel.perCapitaOnly(r) : null) : r);
    }

    /** What the period's map draws: {@link #requestProperty()}, or its own trips alone in the split view. */
    public ReadOnlyObjectProperty<BaselineRequest> mapRequestProperty() {
        return mapRequest.getReadOnlyProperty();
    }

    /** The baseline's bundle as the map and split view need it (the bundle shown when none was chosen). */
    public OpenedBundle effectiveBaselineBundle() {
        return baselineBundle.get() == null ? current.get() : baselineBundle.get();
    }

    /** Comparison shown (the panel's switch). */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** The bundle shown (bound to the open bundles' current one). */
    public ObjectProperty<OpenedBundle> currentProperty() {
        return current;
    }

    /** The open bundles (a baseline may come from any of them of the same geography). */
    public ObservableList<OpenedBundle> bundles() {
        return bundles;
    }

    /** The bundle the baseline is read from; null: the bundle shown. */
    public ObjectProperty<OpenedBundle> baselineBundleProperty() {
        return baselineBundle;
    }

    /** The bundle's period (bound to the timeline's). */
    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    /** The days shown (bound to the timeline's). */
    public ObjectProperty<DayRange> daysProperty() {
        return days;
    }

    /** Days from the period's first day to the baseline's first day, as asked (negative: earlier). */
    public IntegerProperty offsetDaysProperty() {
        return offsetDays;
    }

    public ObjectProperty<Alignment> alignmentProperty() {
        return alignment;
    }

    /** What arcs, circles and the heatmap column show: the baseline, the change or the change in percent. */
    public ObjectProperty<FlowMeasure> measureProperty() {
        return measure;
    }

    /** Trips per 1,000 residents (with or without a baseline). */
    public BooleanProperty perCapitaProperty() {
        return perCapita;
    }

    /** Period and baseline side by side. */
    public BooleanProperty splitProperty() {
        return split;
    }

    /** The aligned baseline in use, or null (off, or it cannot be used: see {@link #problemProperty()}). */
    public ReadOnlyObjectProperty<BaselinePeriod> alignedProperty() {
        return aligned.getReadOnlyProperty();
    }

    /** What the map draws besides the plain flows, or null. */
    public ReadOnlyObjectProperty<BaselineRequest> requestProperty() {
        return request.getReadOnlyProperty();
    }

    /** Why the baseline cannot be used, or empty. */
    public StringProperty problemProperty() {
        return problem;
    }

    /** The baseline in use, in words ("17 Jan – 23 Jan 2020, by date, 7 days"), or empty. */
    public StringProperty descriptionProperty() {
        return description;
    }

    public Messages messages() {
        return messages;
    }
}
