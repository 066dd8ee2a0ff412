package org.epiflow.ui.detail;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.epiflow.data.Suppressed;
import org.epiflow.ui.i18n.Figures;
import org.epiflow.ui.i18n.Messages;

import java.util.Comparator;
import java.util.function.Function;

/** The detail panel: title, totals over the days shown, inflow/outflow chart, sortable top-partners table. */
public final class DetailView extends VBox {
    /** Width of a figure column: room for "−123,456" (no figure is cut short). */
    static final double NUMBER_WIDTH = 60;
    /** Room for a signed figure or percentage ("−33,528", "−81.9 %") in the comparison's columns. */
    static final double COMPARISON_WIDTH = 74;
    /** Room for a partner's name ("Huanggang", "Xiangyang") while the comparison's columns are shown. */
    static final double COMPARISON_NAME_WIDTH = 100;

    public DetailView(DetailViewModel vm, Messages m) {
        super(8);
        setId("detailPanel");
        getStyleClass().add("detail-panel");
        setPadding(new Insets(10));
        Label title = new Label();
        title.setId("detailTitle");
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        title.textProperty().bind(vm.titleProperty());

        GridPane totals = new GridPane();
        totals.setHgap(12);
        totals.setVgap(4);
        totals.addRow(0, new Label(m.get("detail.inflow")), value(vm.inflowProperty(), "detailInflow"));
        totals.addRow(1, new Label(m.get("detail.outflow")), value(vm.outflowProperty(), "detailOutflow"));
        totals.addRow(2, new Label(m.get("detail.net")), value(vm.netProperty(), "detailNet"));
        totals.visibleProperty().bind(vm.hasSelectionProperty());
        totals.managedProperty().bind(totals.visibleProperty());
        Label note = new Label();
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        note.textProperty().bind(vm.noteProperty());
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        y.setLabel(m.get("detail.tripsAxis"));
        // an axis draws its tick labels with a font of its own (not the scene's): give it the CJK one, or "万" is a box
        String family = org.epiflow.ui.AppFonts.load();
        if (family != null) {
            y.setTickLabelFont(javafx.scene.text.Font.font(family, 10));
            x.setTickLabelFont(javafx.scene.text.Font.font(family, 10));
        }
        y.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : Figures.axis(n.doubleValue(), m.locale());
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
        MarkedLineChart chart = new MarkedLineChart(x, y);
        chart.setId("detailChart");
        chart.setLegendVisible(true);
        chart.setLegendSide(javafx.geometry.Side.TOP);
        chart.markedProperty().bind(vm.markerProperty());
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        // JavaFX hides a chart's legend when less than 150 px would be left for the plot: keep room for both
        chart.setPrefHeight(240);
        chart.setMinHeight(210);
        XYChart.Series<String, Number> in = new XYChart.Series<>();
        in.setName(m.get("detail.inflow"));
        XYChart.Series<String, Number> out = new XYChart.Series<>();
        out.setName(m.get("detail.outflow"));
        chart.getData().add(in);
        chart.getData().add(out);
        vm.series().addListener((ListChangeListener<SeriesPoint>) c -> {
            in.getData().setAll(vm.series().stream().map(p -> new XYChart.Data<String, Number>(p.label(),
                    p.inflow())).toList());
            out.getData().setAll(vm.series().stream().map(p -> new XYChart.Data<String, Number>(p.label(),
                    p.outflow())).toList());
        });
        chart.visibleProperty().bind(vm.hasSelectionProperty());
        chart.managedProperty().bind(chart.visibleProperty());

        TableView<PartnerRow> table = new TableView<>(vm.partners());
        table.setId("partnersTable");
        table.setPlaceholder(new Label(m.get("detail.noPartners")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<PartnerRow, String> name = new TableColumn<>(m.get("detail.partner"));
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setPrefWidth(110);
        table.getColumns().add(name);
        table.getColumns().add(count(m.get("detail.in"), PartnerRow::in, vm, m));
        table.getColumns().add(count(m.get("detail.out"), PartnerRow::out, vm, m));
        table.getColumns().add(count(m.get("detail.total"), PartnerRow::total, vm, m));
        TableColumn<PartnerRow, Suppressed> net = new TableColumn<>(m.get("detail.net"));
        net.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().net()));
        net.setComparator(Comparator.comparingLong(s -> s.suppressed() ? 0 : s.value()));
        net.setCellFactory(c -> cell(s -> Figures.net(s, m.locale())));
        net.setStyle("-fx-alignment: CENTER-RIGHT;");
        net.setMinWidth(NUMBER_WIDTH);
        table.getColumns().add(net);
        table.getColumns().add(count(m.get("detail.baseline"), PartnerRow::baseline, vm, m));
        table.getColumns().add(text(m.get("detail.change"), r -> PartnerFigures.change(r, m.locale()),
                Comparator.comparingLong(r -> r.change() == null || r.change().suppressed() ? 0 : r.change().value())));
        table.getColumns().add(text(m.get("detail.changePercent"), r -> PartnerFigures.percent(r, m.locale()),
                Comparator.comparingDouble(r -> r.changePercent().orElse(Double.NEGATIVE_INFINITY))));
        for (int i = table.getColumns().size() - 3; i < table.getColumns().size(); i++) {
            table.getColumns().get(i).visibleProperty().bind(vm.comparingProperty());
        }
        TableColumn<PartnerRow, PartnerRow> per1000 = text(m.get("detail.per1000"),
                r -> PartnerFigures.per1000(r, m.locale()),
                Comparator.comparingDouble(r -> r.per1000().orElse(Double.NEGATIVE_INFINITY)));
        per1000.visibleProperty().bind(vm.perCapitaProperty());
        table.getColumns().add(per1000);
        // with a baseline the side panel has room for the comparison's columns only: in, out and net give way
        for (int i = 1; i <= 4; i++) {
            if (i != 3) {
                table.getColumns().get(i).visibleProperty().bind(vm.comparingProperty().not());
            }
        }
        // a figure is never cut to "−33,5…": the comparison's columns keep room for a signed number (the table
        // scrolls sideways when the panel is narrower; drag the panel's edge to widen it)
        for (int i = 5; i < table.getColumns().size(); i++) {
            TableColumn<PartnerRow, ?> c = table.getColumns().get(i);
            c.setMinWidth(Math.max(COMPARISON_WIDTH, headerWidth(c.getText())));
        }
        name.minWidthProperty().bind(javafx.beans.binding.Bindings.when(vm.comparingProperty())
                .then(COMPARISON_NAME_WIDTH).otherwise(76));
        table.getColumns().get(3).minWidthProperty().bind(javafx.beans.binding.Bindings.when(vm.comparingProperty())
                .then(COMPARISON_WIDTH).otherwise(NUMBER_WIDTH));
        // at least four partners stay in sight under the chart
        table.setMinHeight(170);
        Label partnersNote = new Label();
        partnersNote.setId("partnersNote");
        partnersNote.setWrapText(true);
        partnersNote.getStyleClass().add("text-muted");
        partnersNote.textProperty().bind(vm.partnersNoteProperty());
        partnersNote.visibleProperty().bind(vm.partnersNoteProperty().isNotEmpty());
        partnersNote.managedProperty().bind(partnersNote.visibleProperty());
        partnersNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label partners = new Label(m.get("detail.partners", DetailViewModel.PARTNERS));
        partners.getStyleClass().add("section-heading");

        getChildren().addAll(title, totals, note, chart, partners, table, partnersNote);
    }

    private static Label value(javafx.beans.value.ObservableValue<String> v, String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("figure");
        l.textProperty().bind(v);
        return l;
    }

    private static TableColumn<PartnerRow, Long> count(String title, Function<PartnerRow, Long> f,
                                                       DetailViewModel vm, Messages m) {
        TableColumn<PartnerRow, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(f.apply(r.getValue())));
        c.setCellFactory(x -> cell(v -> Figures.count(v, vm.k(), m.locale())));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setMinWidth(NUMBER_WIDTH);
        return c;
    }

    /** A column of words made from the whole line (the comparison's cells), sorted by {@code order}. */
    private static TableColumn<PartnerRow, PartnerRow> text(String title, Function<PartnerRow, String> f,
                                                           Comparator<PartnerRow> order) {
        TableColumn<PartnerRow, PartnerRow> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue()));
        c.setCellFactory(x -> cell(f));
        c.setComparator(order);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setMinWidth(NUMBER_WIDTH);
        return c;
    }

    /** The width a column header needs to show its title whole (text, padding and the sort arrow). */
    private static double headerWidth(String title) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(title);
        t.setFont(javafx.scene.text.Font.getDefault());
        return Math.ceil(t.getLayoutBounds().getWidth()) + 28;
    }

    private static <T> TableCell<PartnerRow, T> cell(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
    }
}
