package org.epiflow.ui.compare;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.data.RegionGroup;
import org.epiflow.data.compare.Alignment;
import org.epiflow.map.FlowMeasure;
import org.epiflow.ui.i18n.Messages;

import java.util.function.Function;

/**
 * The "Compare" side panel: baseline (bundle, first day, alignment), what is shown (baseline, change, change %),
 * per-capita, split view, and the region groups. Every control is reachable by Tab and has a mnemonic label; only
 * binds to {@link ComparisonViewModel} and {@link RegionGroupsViewModel}.
 */
public final class ComparisonPanel extends ScrollPane {
    private final Messages m;

    public ComparisonPanel(ComparisonViewModel vm, RegionGroupsViewModel groups,
                           Function<OpenedBundle, String> describeBundle) {
        this.m = vm.messages();
        setId("comparePanel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        Label heading = new Label(m.get("compare.heading"));
        heading.getStyleClass().add("panel-title");
        VBox box = new VBox(8, heading, baseline(vm, describeBundle), show(vm), groups(groups));
        box.setPadding(new Insets(10));
        setContent(box);
    }

    private Node baseline(ComparisonViewModel vm, Function<OpenedBundle, String> describeBundle) {
        CheckBox on = new CheckBox(m.get("compare.enable"));
        on.setId("compareToggle");

        on.selectedProperty().bindBidirectional(vm.enabledProperty());
        on.setTooltip(new Tooltip(m.get("compare.enable.tip")));

        // null stands for "the bundle shown"
        ObservableList<OpenedBundle> choices = FXCollections.observableArrayList();
        Runnable fill = () -> {
            choices.setAll((OpenedBundle) null);
            vm.bundles().stream().filter(b -> b != vm.currentProperty().get()).forEach(choices::add);
        };
        fill.run();
        vm.bundles().addListener((ListChangeListener<OpenedBundle>) c -> fill.run());
        vm.currentProperty().addListener((o, a, b) -> fill.run());
        ComboBox<OpenedBundle> source = new ComboBox<>(choices);
        source.setId("baselineBundleBox");
        source.setMaxWidth(Double.MAX_VALUE);
        source.setConverter(new StringConverter<>() {
            @Override
            public String toString(OpenedBundle b) {
                return b == null ? m.get("compare.bundle.same") : describeBundle.apply(b);
            }

            @Override
            public OpenedBundle fromString(String s) {
                return null;
            }
        });
        source.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(OpenedBundle b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty ? m.get("compare.bundle.same") : source.getConverter().toString(b));
            }
        });
        source.valueProperty().bindBidirectional(vm.baselineBundleProperty());

        DatePicker start = new DatePicker();
        start.setId("baselineStart");
        start.setMaxWidth(Double.MAX_VALUE);
        start.setConverter(new javafx.util.converter.LocalDateStringConverter(
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
        Runnable showStart = () -> {
            var r = vm.requestedBaseline();
            start.setValue(r == null ? null : r.start());
        };
        vm.offsetDaysProperty().addListener(o -> showStart.run());
        vm.daysProperty().addListener(o -> showStart.run());
        vm.periodProperty().addListener(o -> showStart.run());
        showStart.run();
        start.valueProperty().addListener((o, a, d) -> {
            var r = vm.requestedBaseline();
            if (d != null && (r == null || !d.equals(r.start()))) {
                vm.setBaselineStart(d);
            }
        });
        Button before = button("compare.preset.before", "baselineJustBefore", vm::justBefore);
        Button week = button("compare.preset.week", "baselineWeekBefore", vm::weekBefore);
        Button year = button("compare.preset.year", "baselineYearBefore", vm::yearBefore);
        FlowPane presets = new FlowPane(6, 6, before, week, year);

        ComboBox<Alignment> align = new ComboBox<>(FXCollections.observableArrayList(Alignment.values()));
        align.setId("alignmentBox");
        align.setMaxWidth(Double.MAX_VALUE);
        align.setConverter(converter(a -> m.format(org.epiflow.text.Message.of(a.messageKey()))));
        align.valueProperty().bindBidirectional(vm.alignmentProperty());

        Label described = new Label();
        described.setId("baselineDescription");
        described.setWrapText(true);
        described.getStyleClass().add("text-muted");
        described.textProperty().bind(vm.descriptionProperty());
        Label problem = new Label();
        problem.setId("compareProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("error-text");
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        VBox details = new VBox(6, labelFor("compare.bundle", source), source, labelFor("compare.start", start),
                start, presets, labelFor("compare.align", align), align, described);
        details.disableProperty().bind(vm.enabledProperty().not());
        return new VBox(6, on, details, problem);
    }

    private Node show(ComparisonViewModel vm) {
        Label heading = new Label(m.get("compare.show"));
        heading.getStyleClass().add("section-title");
        ComboBox<FlowMeasure> measure = new ComboBox<>(FXCollections.observableArrayList(FlowMeasure.BASELINE,
                FlowMeasure.CHANGE, FlowMeasure.CHANGE_PERCENT));
        measure.setId("measureBox");
        measure.setMaxWidth(Double.MAX_VALUE);
        measure.setConverter(converter(x -> m.format(org.epiflow.text.Message.of(x.messageKey()))));
        measure.valueProperty().bindBidirectional(vm.measureProperty());
        measure.disableProperty().bind(vm.alignedProperty().isNull());
        CheckBox perCapita = new CheckBox(m.get("compare.perCapita"));
        perCapita.setId("perCapitaBox");

        perCapita.selectedProperty().bindBidirectional(vm.perCapitaProperty());
        perCapita.setTooltip(new Tooltip(m.get("compare.perCapita.tip")));
        CheckBox split = new CheckBox(m.get("compare.split"));
        split.setId("splitViewBox");

        split.selectedProperty().bindBidirectional(vm.splitProperty());
        split.disableProperty().bind(vm.alignedProperty().isNull());
        split.setTooltip(new Tooltip(m.get("compare.split.tip")));
        for (Region r : new Region[] {perCapita, split}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        return new VBox(6, heading, labelFor("compare.measure", measure), measure, perCapita, split);
    }

    private Node groups(RegionGroupsViewModel g) {
        Label heading = new Label(m.get("compare.groups.heading"));
        heading.getStyleClass().add("section-title");
        TextField name = new TextField();
        name.setId("groupName");
        name.setPromptText(m.get("compare.groups.name.prompt"));
        name.textProperty().bindBidirectional(g.nameProperty());
        TextArea codes = new TextArea();
        codes.setId("groupCodes");
        codes.setPrefRowCount(2);
        codes.setWrapText(true);
        codes.setPromptText(m.get("compare.groups.codes.prompt"));
        codes.textProperty().bindBidirectional(g.codesProperty());
        Button fromSelection = button("compare.groups.fromSelection", "groupFromSelection", g::fromSelection);
        Button fromList = button("compare.groups.fromList", "groupFromList", g::fromList);
        Button fromCsv = button("compare.groups.fromCsv", "groupFromCsv", g::fromCsv);
        FlowPane actions = new FlowPane(6, 6, fromSelection, fromList, fromCsv);

        ListView<RegionGroup> list = new ListView<>(g.groups());
        list.setId("groupList");
        list.setPrefHeight(140);
        list.setPlaceholder(new Label(m.get("compare.groups.none")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RegionGroup item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                CheckBox shown = new CheckBox(g.describe(item));
                shown.setSelected(g.shown().contains(item.name()));
                shown.setTooltip(new Tooltip(m.get("compare.groups.shown.tip")));
                shown.selectedProperty().addListener((o, a, on) -> {
                    g.setShown(item.name(), on);
                    shown.setSelected(g.shown().contains(item.name()));
                });
                Button delete = new Button(m.get("compare.groups.delete"));
                delete.setOnAction(e -> g.delete(item.name()));
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                HBox row = new HBox(6, shown, spacer, delete);
                row.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(row);
            }
        });
        g.shown().addListener((ListChangeListener<String>) c -> list.refresh());
        Label error = new Label();
        error.setId("groupError");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.textProperty().bind(g.errorProperty());
        Label notice = new Label();
        notice.setId("groupNotice");
        notice.setWrapText(true);
        notice.getStyleClass().add("text-muted");
        notice.textProperty().bind(g.noticeProperty());
        for (Label l : new Label[] {error, notice}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
        }
        return new VBox(6, heading, labelFor("compare.groups.name", name), name,
                labelFor("compare.groups.codes", codes), codes, actions, error, notice, list);
    }

    private Button button(String key, String id, Runnable action) {
        Button b = new Button(m.get(key));
        b.setId(id);

        b.setOnAction(e -> action.run());
        return b;
    }

    private Label labelFor(String key, Node target) {
        Label l = new Label(m.get(key));

        l.setLabelFor(target);
        return l;
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
