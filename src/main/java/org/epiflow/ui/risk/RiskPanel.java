package org.epiflow.ui.risk;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.epiflow.analytics.classify.ClassificationMethod;
import org.epiflow.analytics.classify.ColorScheme;
import org.epiflow.analytics.RiskModel;
import org.epiflow.analytics.seir.SeirParameters;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.MapViewModel;

import java.util.function.Function;

/** The risk side panel: model and parameters, case data, run/cancel, heatmap settings, ranking, forecast chart. */
public final class RiskPanel extends ScrollPane {
    private final RiskViewModel vm;
    private final Messages m;
    private final TableView<RankingRow> table = new TableView<>();
    private boolean syncing;

    public RiskPanel(RiskViewModel vm, MapViewModel map) {
        this.vm = vm;
        this.m = vm.messages();
        setId("riskPanel");
        setFitToWidth(true);
        VBox box = new VBox(8);
        box.setPadding(new Insets(10));
        Label heading = new Label(m.get("risk.heading"));
        heading.getStyleClass().add("panel-title");
        box.getChildren().addAll(heading, model(), parameters(), cases(), runBar(), heatmapControls(map), ranking(),
                forecast());
        setContent(box);
    }

    private Node model() {
        ComboBox<RiskModel> c = new ComboBox<>(FXCollections.observableArrayList(RiskModel.values()));
        c.setId("riskModel");
        c.setConverter(converter(k -> m.get(k.messageKey())));
        c.valueProperty().bindBidirectional(vm.modelProperty());
        c.setMaxWidth(Double.MAX_VALUE);
        return labelled("risk.model", c);
    }

    private Node parameters() {
        RiskFormViewModel f = vm.form();
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        var k = f.modelProperty();
        ObservableBooleanValue imp = k.isEqualTo(RiskModel.IMPORTATION);
        ObservableBooleanValue seir = k.isEqualTo(RiskModel.SEIR);
        ObservableBooleanValue oe = k.isEqualTo(RiskModel.OBSERVED_EXPECTED);
        ObservableBooleanValue impOrSeir = Bindings.or(imp, seir);
        ObservableBooleanValue notSeir = Bindings.not(seir);
        int[] row = {0};
        DatePicker from = DateText.picker("riskFrom", f.fromProperty());
        DatePicker to = DateText.picker("riskTo", f.toProperty());
        DatePicker asOf = DateText.picker("riskAsOf", f.asOfProperty());
        add(g, row, "risk.from", from, null);
        add(g, row, "risk.to", to, notSeir);
        add(g, row, "risk.asOf", asOf, null);
        add(g, row, "analytics.param.infectiousWindow", field(f.windowProperty(), "riskWindow"), imp);
        add(g, row, "analytics.param.ascertainment", field(f.ascertainmentProperty(), "riskAscertainment"),
                impOrSeir);
        add(g, row, "analytics.param.reportDelay", field(f.reportDelayProperty(), "riskReportDelay"), impOrSeir);
        add(g, row, "analytics.param.reportDelaySd", field(f.reportDelaySdProperty(), "riskReportDelaySd"),
                impOrSeir);
        add(g, row, "risk.bothDirections", check(f.bothDirectionsProperty()), imp);
        TextField src = field(f.sourcesProperty(), "riskSources");
        src.setPromptText(m.get("risk.sources.prompt"));
        javafx.scene.control.MenuButton fromGroup = new javafx.scene.control.MenuButton(m.get("risk.sources.group"));
        fromGroup.setId("riskSourceGroup");
        fromGroup.setTooltip(new Tooltip(m.get("risk.sources.group.tip")));
        Runnable fillGroups = () -> {
            fromGroup.getItems().clear();
            for (org.epiflow.data.RegionGroup grp : f.groupsProperty().get()) {
                javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(
                        m.get("compare.groups.item", grp.name(), grp.codes().size()));
                item.setMnemonicParsing(false);
                item.setOnAction(e -> f.addSourceGroup(grp));
                fromGroup.getItems().add(item);
            }
            fromGroup.setDisable(fromGroup.getItems().isEmpty());
        };
        fillGroups.run();
        f.groupsProperty().addListener((o, a, b) -> fillGroups.run());
        javafx.scene.layout.HBox.setHgrow(src, javafx.scene.layout.Priority.ALWAYS);
        add(g, row, "risk.sources", new javafx.scene.layout.HBox(4, src, fromGroup), null);
        TextField seeds = field(f.seedsProperty(), "riskSeeds");
        seeds.setPromptText(m.get("risk.seeds.prompt"));
        seeds.setTooltip(new Tooltip(m.get("risk.seeds.tip")));
        add(g, row, "risk.seeds", seeds, impOrSeir);
        add(g, row, "analytics.param.r0", field(f.r0Property(), "riskR0"), seir);
        add(g, row, "risk.fitR0", check(f.fitR0Property()), seir);
        add(g, row, "analytics.param.latentDays", field(f.latentDaysProperty(), "riskLatent"), seir);
        add(g, row, "analytics.param.infectiousDays", field(f.infectiousDaysProperty(), "riskInfectious"), seir);
        ComboBox<SeirParameters.Rates> rates = new ComboBox<>(FXCollections.observableArrayList(
                SeirParameters.Rates.values()));
        rates.setId("riskRates");
        rates.setConverter(converter(x -> m.get("risk.rates." + x.name())));
        rates.valueProperty().bindBidirectional(f.ratesProperty());
        rates.setTooltip(new Tooltip(m.get("risk.rates.tip")));
        add(g, row, "risk.rates", rates, seir);
        add(g, row, "analytics.param.travelReduction", field(f.travelReductionProperty(), "riskTravelReduction"),
                seir);
        add(g, row, "analytics.param.contactReduction", field(f.contactReductionProperty(),
                "riskContactReduction"), seir);
        DatePicker reductionFrom = DateText.picker("riskReductionFrom", f.reductionFromProperty());
        add(g, row, "risk.reductionFrom", reductionFrom, seir);
        add(g, row, "analytics.param.reductionRampDays", field(f.rampDaysProperty(), "riskRamp"), seir);
        add(g, row, "analytics.param.horizonDays", field(f.horizonProperty(), null), seir);
        add(g, row, "analytics.param.runs", field(f.runsProperty(), "riskRuns"), seir);
        add(g, row, "analytics.param.seed", field(f.seedProperty(), null), seir);
        add(g, row, "analytics.param.level", field(f.levelProperty(), null), oe);
        return g;
    }

    private void add(GridPane g, int[] row, String key, Node control, ObservableBooleanValue visible) {
        Label l = new Label(m.get(key));
        l.setMinWidth(110);
        l.setWrapText(true);
        g.add(l, 0, row[0]);
        g.add(control, 1, row[0]);
        if (visible != null) {
            for (Node n : new Node[] {l, control}) {
                n.visibleProperty().bind(visible);
                n.managedProperty().bind(visible);
            }
        }
        row[0]++;
    }

    private TextField field(StringProperty p, String id) {
        TextField t = new TextField();
        t.textProperty().bindBidirectional(p);
        t.setPrefColumnCount(10);
        if (id != null) {
            t.setId(id);
        }
        return t;
    }

    private CheckBox check(BooleanProperty p) {
        CheckBox c = new CheckBox();
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    private Node cases() {
        Button imp = new Button(m.get("risk.cases.import"));
        imp.setId("importCasesButton");
        imp.setOnAction(e -> vm.chooseCases());
        imp.disableProperty().bind(vm.bundleProperty().isNull());
        Button clear = new Button(m.get("risk.cases.clear"));
        clear.setOnAction(e -> vm.clearCases());
        clear.disableProperty().bind(vm.casesProperty().isNull());
        CheckBox cum = new CheckBox(m.get("risk.cases.cumulative"));
        cum.selectedProperty().bindBidirectional(vm.cumulativeProperty());
        cum.setWrapText(true);
        Label summary = new Label();
        summary.setId("casesSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.casesSummaryProperty());
        ListView<String> problems = new ListView<>(vm.caseProblems());
        problems.setId("caseProblems");
        problems.setPrefHeight(110);
        problems.visibleProperty().bind(Bindings.isNotEmpty(vm.caseProblems()));
        problems.managedProperty().bind(problems.visibleProperty());
        Label heading = new Label(m.get("risk.cases.heading"));
        heading.getStyleClass().add("section-title");
        return new VBox(4, heading, new HBox(6, imp, clear), cum, summary, problems);
    }

    private Node runBar() {
        Button run = new Button(m.get("risk.run"));
        run.setId("runRiskButton");
        run.setDefaultButton(false);
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.runningProperty().or(vm.bundleProperty().isNull()));
        Button cancel = new Button(m.get("risk.cancel"));
        cancel.setId("cancelRiskButton");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        ProgressIndicator p = new ProgressIndicator();
        p.setPrefSize(22, 22);
        p.progressProperty().bind(vm.progressProperty());
        p.visibleProperty().bind(vm.runningProperty());
        Label status = new Label();
        status.setId("riskStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label errors = new Label();
        errors.setId("riskErrors");
        errors.setWrapText(true);
        errors.getStyleClass().add("error-text");
        errors.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", vm.errors()), vm.errors()));
        HBox bar = new HBox(6, run, cancel, p);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label inputs = new Label();
        inputs.setId("riskInputs");
        inputs.setWrapText(true);
        inputs.getStyleClass().add("legend-note");
        inputs.textProperty().bind(vm.inputsProperty());
        inputs.visibleProperty().bind(vm.inputsProperty().isNotEmpty());
        inputs.managedProperty().bind(inputs.visibleProperty());
        return new VBox(4, bar, status, errors, inputs);
    }

    private Node heatmapControls(MapViewModel map) {
        HeatmapViewModel h = vm.heatmap();
        Label heading = new Label(m.get("risk.heatmap.heading"));
        heading.getStyleClass().add("section-title");
        CheckBox show = new CheckBox(m.get("risk.heatmap.show"));
        show.setId("showHeatmap");
        show.selectedProperty().bindBidirectional(h.visibleProperty());
        CheckBox flows = new CheckBox(m.get("risk.heatmap.flows"));
        flows.setId("showFlows");
        flows.selectedProperty().bindBidirectional(map.flowsVisibleProperty());
        ComboBox<HeatmapMeasure> measure = new ComboBox<>(h.measures());
        measure.setId("heatmapMeasure");
        measure.setConverter(converter(h::label));
        measure.valueProperty().bindBidirectional(h.measureProperty());
        measure.setMaxWidth(Double.MAX_VALUE);
        ComboBox<ClassificationMethod> method = new ComboBox<>(FXCollections.observableArrayList(
                ClassificationMethod.values()));
        method.setId("heatmapMethod");
        method.setConverter(converter(x -> m.get("risk.method." + x.name())));
        method.valueProperty().bindBidirectional(h.methodProperty());
        ComboBox<Integer> classes = new ComboBox<>(FXCollections.observableArrayList(3, 4, 5, 6, 7, 8, 9));
        classes.setValue(h.classesProperty().get());
        classes.valueProperty().addListener((o, a, b) -> h.classesProperty().set(b == null ? 5 : b));
        ComboBox<ColorScheme> scheme = new ComboBox<>(FXCollections.observableArrayList(ColorScheme.values()));
        scheme.setConverter(converter(x -> m.get("risk.scheme." + x.name())));
        scheme.valueProperty().bindBidirectional(h.schemeProperty());
        CheckBox reversed = new CheckBox(m.get("risk.heatmap.reversed"));
        reversed.selectedProperty().bindBidirectional(h.reversedProperty());
        TextField custom = new TextField();
        custom.setPromptText(m.get("risk.heatmap.custom.prompt"));
        custom.textProperty().bindBidirectional(h.customBreaksProperty());
        custom.visibleProperty().bind(h.methodProperty().isEqualTo(ClassificationMethod.CUSTOM));
        custom.managedProperty().bind(custom.visibleProperty());
        CheckBox density = new CheckBox(m.get("risk.heatmap.surface"));
        density.setId("densitySurface");
        density.selectedProperty().bindBidirectional(h.surfaceProperty());
        density.setTooltip(new javafx.scene.control.Tooltip(m.get("risk.heatmap.surface.tip")));
        javafx.scene.control.Spinner<Double> bandwidth = new javafx.scene.control.Spinner<>(10.0, 500.0,
                h.bandwidthKmProperty().get(), 10.0);
        bandwidth.setEditable(true);
        bandwidth.setPrefWidth(90);
        bandwidth.valueProperty().addListener((o, a, b) -> h.bandwidthKmProperty().set(b));
        bandwidth.disableProperty().bind(density.selectedProperty().not());
        HBox densityBox = new HBox(8, density, bandwidth, new javafx.scene.control.Label(m.get("risk.heatmap.km")));
        densityBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        CheckBox lock = new CheckBox(m.get("risk.heatmap.lock"));
        lock.setId("lockBreaks");
        lock.setTooltip(new Tooltip(m.get("risk.heatmap.lock.tip")));
        lock.selectedProperty().bindBidirectional(h.lockBreaksProperty());
        Slider day = new Slider();
        day.setId("forecastDay");
        day.maxProperty().bind(Bindings.max(0, h.forecastDaysProperty().subtract(1)));
        day.setBlockIncrement(1);
        day.setMajorTickUnit(7);
        day.setSnapToTicks(false);
        day.valueProperty().addListener((o, a, b) -> h.forecastDayProperty().set((int) Math.round(b.doubleValue())));
        h.forecastDayProperty().addListener((o, a, b) -> day.setValue(b.intValue()));
        Label date = new Label();
        date.textProperty().bind(h.forecastDateProperty());
        VBox dateBox = new VBox(2, new Label(m.get("risk.heatmap.date")), day, date);
        dateBox.visibleProperty().bind(Bindings.createBooleanBinding(() -> h.measureProperty().get() != null
                && h.measureProperty().get().isForecast(), h.measureProperty()));
        dateBox.managedProperty().bind(dateBox.visibleProperty());
        Label error = new Label();
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.textProperty().bind(h.errorProperty());
        density.disableProperty().bind(h.comparedProperty().isNotNull());
        lock.disableProperty().bind(h.comparedProperty().isNotNull());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        int[] row = {0};
        add(g, row, "risk.heatmap.measure", measure, null);
        add(g, row, "risk.heatmap.method", method, null);
        add(g, row, "risk.heatmap.classes", classes, null);
        add(g, row, "risk.heatmap.scheme", scheme, null);
        VBox box = new VBox(4, heading, new HBox(10, show, flows), g, comparison(h), custom, reversed, densityBox,
                lock, dateBox, error);
        box.disableProperty().bind(vm.runProperty().isNull());
        return box;
    }

    /**
     * Issue 15: what a compared column shows (the Compare panel's own switch: baseline, change, change in percent),
     * per 1,000 residents, and the heatmap's baseline in words, or why it cannot be compared.
     */
    private Node comparison(HeatmapViewModel h) {
        HeatmapComparisonRun b = vm.heatmapBaseline();
        ComboBox<org.epiflow.map.FlowMeasure> shows = new ComboBox<>(FXCollections.observableArrayList(
                org.epiflow.map.FlowMeasure.BASELINE, org.epiflow.map.FlowMeasure.CHANGE,
                org.epiflow.map.FlowMeasure.CHANGE_PERCENT));
        shows.setId("heatmapShows");
        shows.setConverter(converter(x -> m.get("risk.heatmap.shows." + x.name())));
        shows.valueProperty().bindBidirectional(h.showsProperty());
        shows.setMaxWidth(Double.MAX_VALUE);
        Label showsLabel = new Label(m.get("risk.heatmap.shows"));
        showsLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox showsBox = new HBox(8, showsLabel, shows);
        showsBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(shows, javafx.scene.layout.Priority.ALWAYS);
        showsBox.visibleProperty().bind(h.baselineProperty().isNotNull());
        showsBox.managedProperty().bind(showsBox.visibleProperty());
        CheckBox perCapita = new CheckBox(m.get("compare.perCapita"));
        perCapita.setId("heatmapPerCapita");
        perCapita.selectedProperty().bindBidirectional(h.perCapitaProperty());
        perCapita.setTooltip(new Tooltip(m.get("risk.heatmap.perCapita.tip")));
        Label state = new Label();
        state.setId("heatmapBaseline");
        state.setWrapText(true);
        state.getStyleClass().add("legend-note");
        state.textProperty().bind(Bindings.createStringBinding(() -> b.runningProperty().get()
                        ? m.get("risk.compare.running") : !b.problemProperty().get().isEmpty()
                        ? b.problemProperty().get() : h.refusalProperty().get().isEmpty()
                        ? b.descriptionProperty().get() : h.refusalProperty().get(),
                b.runningProperty(), b.problemProperty(), b.descriptionProperty(), h.refusalProperty()));
        state.visibleProperty().bind(state.textProperty().isNotEmpty());
        state.managedProperty().bind(state.visibleProperty());
        return new VBox(4, showsBox, perCapita, state);
    }

    private Node ranking() {
        Label heading = new Label(m.get("risk.ranking.heading"));
        heading.getStyleClass().add("section-title");
        table.setId("rankingTable");
        table.setItems(vm.ranking());
        table.setPrefHeight(260);
        table.setPlaceholder(new Label(m.get("risk.ranking.empty")));
        table.getColumns().add(column("risk.ranking.rank", r -> r.source() ? "—" : Integer.toString(r.rank()), 40));
        table.getColumns().add(column("risk.ranking.region", RankingRow::name, 110));
        TableColumn<RankingRow, String> value = column("risk.ranking.value", RankingRow::value, 110);
        value.textProperty().bind(Bindings.createStringBinding(() -> vm.heatmap().shownLabel(),
                vm.heatmap().measureProperty(), vm.heatmap().comparedProperty()));
        // the measure's name is the header ("Expected imported infections"): wide enough to be read, not cut short
        value.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(110,
                headerWidth(value.getText())), value.textProperty()));
        value.setId("rankingValue");
        table.getColumns().add(value);
        TableColumn<RankingRow, String> interval = column("risk.ranking.interval", RankingRow::interval, 120);
        interval.setId("rankingInterval");
        table.getColumns().add(interval);
        table.getColumns().add(column("risk.ranking.drivers", RankingRow::drivers, 220));
        table.getColumns().add(column("risk.ranking.flag", RankingRow::flag, 120));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (!syncing && r != null && org.epiflow.ui.util.Shown.isShown(table)) {
                vm.selectRow(r);
            }
        });
        vm.selectedRowProperty().addListener((o, a, r) -> {
            syncing = true;
            try {
                if (r == null) {
                    table.getSelectionModel().clearSelection();
                } else if (table.getSelectionModel().getSelectedItem() != r) {
                    table.getSelectionModel().select(r);
                    table.scrollTo(Math.max(0, table.getItems().indexOf(r) - 2));
                }
            } finally {
                syncing = false;
            }
        });
        return new VBox(4, heading, table);
    }

    /** The width a column header needs for {@code text} in the table's font, with the header's padding. */
    private static double headerWidth(String text) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text == null ? "" : text);
        t.setFont(javafx.scene.text.Font.getDefault());
        return Math.ceil(t.getLayoutBounds().getWidth() * 1.1) + 24;
    }

    private TableColumn<RankingRow, String> column(String key, Function<RankingRow, String> f, double width) {
        TableColumn<RankingRow, String> c = new TableColumn<>(m.get(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private Node forecast() {
        ForecastChart chart = new ForecastChart(m);
        Label title = new Label();
        title.setId("forecastTitle");
        title.setWrapText(true);
        CheckBox logScale = new CheckBox(m.get("risk.forecast.log"));
        logScale.setId("forecastLog");
        logScale.selectedProperty().addListener((o, a, on) -> chart.setLogScale(on));
        Label key = new Label(m.get("risk.forecast.key"));
        key.setWrapText(true);
        key.getStyleClass().add("legend-note");
        vm.forecastProperty().addListener((o, a, s) -> {
            chart.show(s);
            title.setText(s == null ? "" : m.get("risk.forecast.title", s.name()));
        });
        HeatmapViewModel h = vm.heatmap();
        chart.setMarker(h.forecastDayProperty().get());
        h.forecastDayProperty().addListener((o, a, d) -> chart.setMarker(d.intValue()));
        VBox box = new VBox(4, title, logScale, chart, key);
        box.visibleProperty().bind(vm.forecastProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node labelled(String key, Node control) {
        Label l = new Label(m.get(key));
        VBox b = new VBox(2, l, control);
        return b;
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
