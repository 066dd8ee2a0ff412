package org.epiflow.ui.detail;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.epiflow.data.DayRange;
import org.epiflow.data.RegionSeries;
import org.epiflow.data.Suppressed;
import org.epiflow.data.TopPartners;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Region;
import org.epiflow.text.Typography;
import org.epiflow.ui.i18n.Figures;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.BaselineRequest;
import org.epiflow.ui.map.RegionSelection;
import org.epiflow.data.FlowNodes;
import org.epiflow.data.RegionGroup;
import org.epiflow.data.compare.ComparedPartners;
import org.epiflow.data.compare.Comparison;
import org.epiflow.data.compare.ComparisonException;

import java.time.format.DateTimeFormatter;

/**
 * The selected place in figures: inflow and outflow over the whole period (daily or weekly), totals and net flow over
 * the days shown, and its top partners. Derived figures below k show as "&lt; k". Cheap enough (one pass over the
 * rows) to compute on the UI thread when the selection or the days change.
 */
public final class DetailViewModel {
    /** Partners listed. */
    public static final int PARTNERS = 20;
    private static final DateTimeFormatter AXIS = DateTimeFormatter.ofPattern("MM-dd");

    private final Messages messages;
    private final RegionSelection selection;
    private final ObjectProperty<DayRange> days = new SimpleObjectProperty<>();
    private final BooleanProperty weekly = new SimpleBooleanProperty();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty inflow = new SimpleStringProperty("");
    private final StringProperty outflow = new SimpleStringProperty("");
    private final StringProperty net = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final BooleanProperty hasSelection = new SimpleBooleanProperty();
    private final ObservableList<SeriesPoint> series = FXCollections.observableArrayList();
    private final ObservableList<PartnerRow> partners = FXCollections.observableArrayList();
    private final ObjectProperty<java.util.List<String>> marker = new SimpleObjectProperty<>(java.util.List.of());
    private final ObjectProperty<BaselineRequest> baseline = new SimpleObjectProperty<>();
    private final BooleanProperty comparing = new SimpleBooleanProperty();
    private final BooleanProperty perCapita = new SimpleBooleanProperty();
    private final StringProperty partnersNote = new SimpleStringProperty("");

    public DetailViewModel(Messages messages, RegionSelection selection) {
        this.messages = messages;
        this.selection = selection;
        selection.codeProperty().addListener((o, a, b) -> refresh());
        selection.datasetProperty().addListener((o, a, b) -> refresh());
        days.addListener((o, a, b) -> refresh());
        weekly.addListener((o, a, b) -> refresh());
        baseline.addListener((o, a, b) -> refresh());
        selection.groupsProperty().addListener((o, a, b) -> refresh());
        messages.localeProperty().addListener(o -> refresh());   // names and notes in the new language
        refresh();
    }

    /** Recomputes everything from the selection, dataset and days. */
    public void refresh() {
        AggregateDataset d = selection.datasetProperty().get();
        int[] regions = selection.regionIndexes();
        DayRange range = days.get();
        boolean any = d != null && regions.length > 0 && range != null;
        hasSelection.set(any);
        if (!any) {
            title.set(messages.get("detail.none"));
            inflow.set("");
            outflow.set("");
            net.set("");
            note.set(d == null ? "" : messages.get("detail.hint"));
            series.clear();
            partners.clear();
            comparing.set(false);
            perCapita.set(false);
            partnersNote.set("");
            marker.set(java.util.List.of());
            return;
        }
        int k = d.info().k();
        var loc = messages.locale();
        title.set(messages.get("detail.title", selection.name(selection.code(), messages.chinese()),
                selection.code()));
        RegionSeries s = RegionSeries.of(d, regions);
        long in = 0, out = 0;
        for (int day = range.first(); day <= range.last(); day++) {
            in += s.inflow(day);
            out += s.outflow(day);
        }
        inflow.set(Figures.count(in, k, loc));
        outflow.set(Figures.count(out, k, loc));
        net.set(Figures.net(Suppressed.derived(in - out, k), loc));
        note.set(messages.get("detail.kNote", k));
        if (weekly.get()) {
            series.setAll(s.weekly().stream().map(w -> new SeriesPoint(w.monday().format(AXIS), w.inflow(),
                    w.outflow())).toList());
            marker.set(java.util.List.of(s.date(range.first()).with(java.time.DayOfWeek.MONDAY).format(AXIS),
                    s.date(range.last()).with(java.time.DayOfWeek.MONDAY).format(AXIS)));
        } else {
            marker.set(java.util.List.of(s.date(range.first()).format(AXIS), s.date(range.last()).format(AXIS)));
            java.util.List<SeriesPoint> pts = new java.util.ArrayList<>();
            for (int day = 0; day < s.days(); day++) {
                pts.add(new SeriesPoint(s.date(day).format(AXIS), s.inflow(day), s.outflow(day)));
            }
            series.setAll(pts);
        }
        BaselineRequest b = baseline.get();
        java.util.List<RegionGroup> groups = selection.groupsProperty().get();
        boolean compared = (b != null && b.active()) || !groups.isEmpty();
        comparing.set(compared && b != null && b.baseline() != null);
        perCapita.set(compared && b != null && b.perCapita());
        partnersNote.set("");
        if (compared) {
            comparedPartners(d, range, b, groups);
        } else if (regions.length == 1) {
            partners.setAll(TopPartners.of(d, regions[0], range, PARTNERS).stream().map(p -> {
                Region r = d.regions().get(p.partner());
                return new PartnerRow(Typography.forDisplay(messages.chinese() ? r.name() : r.nameEn()), r.code(),
                        p.in(), p.out(), p.total(), p.net());
            }).toList());
        } else {
            partners.clear();
        }
    }

    /**
     * The partners of the selected place (a region or a group; a region of a group stands for its group) in the
     * comparison of the map: groups as one partner, the baseline's trips, the change and per-capita as the map has.
     */
    private void comparedPartners(AggregateDataset d, DayRange range, BaselineRequest b,
                                  java.util.List<RegionGroup> groups) {
        Comparison c;
        try {
            c = Comparison.of(d, range, b == null ? null : b.baselineData(), b == null ? null : b.baseline(), groups,
                    false, b != null && b.perCapita());
        } catch (ComparisonException e) {
            partners.clear();
            partnersNote.set(messages.format(e.message()));
            return;
        }
        int focus = ComparedPartners.node(c, selection.code());
        if (focus < 0 || (selection.regionIndexes().length > 1 && c.nodes().indexOf(selection.code()) < 0)) {
            partners.clear();
            return;
        }
        FlowNodes n = c.nodes();
        boolean zh = messages.chinese();
        boolean base = c.difference() != null;
        partners.setAll(ComparedPartners.of(c, focus, PARTNERS).stream().map(p -> {
            String name = zh ? n.nameZh(p.node()) : n.nameEn(p.node());
            long in = p.inDays() > 0 ? p.in() : 0, out = p.outDays() > 0 ? p.out() : 0;
            return new PartnerRow(Typography.forDisplay(name == null || name.isBlank() ? n.code(p.node()) : name),
                    n.code(p.node()), in, out, p.published() ? p.trips() : 0, p.net(),
                    base && p.baselinePublished() ? p.baselineTrips() : 0, base ? p.change() : null,
                    p.changePercent(), base && p.includesUnpublished(),
                    c.perCapita() == null ? java.util.OptionalDouble.empty()
                            : c.perCapita().per1000(p.node(), p.trips()));
        }).toList());
        if (base) {
            partnersNote.set(messages.get("detail.partners.marked", c.difference().k()));
        }
    }

    /** Whether the partners table has the baseline's columns (baseline, change, change %). */
    public BooleanProperty comparingProperty() {
        return comparing;
    }

    /** Whether the partners table has trips per 1,000 residents. */
    public BooleanProperty perCapitaProperty() {
        return perCapita;
    }

    /** What the partners table's marks mean, or why the comparison cannot be shown; "" for nothing. */
    public StringProperty partnersNoteProperty() {
        return partnersNote;
    }

    /** The map's comparison (baseline, per-capita), which the partners table follows; null or inactive: none. */
    public ObjectProperty<BaselineRequest> baselineProperty() {
        return baseline;
    }

    /**
     * The chart's categories of the first and last of the days shown (the same for one day; Mondays when weekly), for
     * the current-day marker; empty without a selection.
     */
    public ObjectProperty<java.util.List<String>> markerProperty() {
        return marker;
    }

    public ObjectProperty<DayRange> daysProperty() {
        return days;
    }

    public BooleanProperty weeklyProperty() {
        return weekly;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty inflowProperty() {
        return inflow;
    }

    public StringProperty outflowProperty() {
        return outflow;
    }

    public StringProperty netProperty() {
        return net;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public BooleanProperty hasSelectionProperty() {
        return hasSelection;
    }

    public ObservableList<SeriesPoint> series() {
        return series;
    }

    public ObservableList<PartnerRow> partners() {
        return partners;
    }

    /** The k of the dataset shown (for the table's "&lt; k"), 1 without one. */
    public int k() {
        AggregateDataset d = selection.datasetProperty().get();
        return d == null ? 1 : d.info().k();
    }
}
