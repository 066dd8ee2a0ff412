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
import org.epiflow.ui.map.RegionSelection;

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

    public DetailViewModel(Messages messages, RegionSelection selection) {
        this.messages = messages;
        this.selection = selection;
        selection.codeProperty().addListener((o, a, b) -> refresh());
        selection.datasetProperty().addListener((o, a, b) -> refresh());
        days.addListener((o, a, b) -> refresh());
        weekly.addListener((o, a, b) -> refresh());
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
        if (regions.length == 1) {
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
