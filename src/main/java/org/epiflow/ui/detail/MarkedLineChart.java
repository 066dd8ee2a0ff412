package org.epiflow.ui.detail;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.Rectangle;

import java.util.List;

/**
 * A line chart over day (or week) categories that marks the days shown on the map: a band from the first to the last
 * marked category, a line for a single one, drawn under the series.
 */
public final class MarkedLineChart extends LineChart<String, Number> {
    private final ObjectProperty<List<String>> marked = new SimpleObjectProperty<>(List.of());
    private final Rectangle band = new Rectangle();

    public MarkedLineChart(CategoryAxis x, NumberAxis y) {
        super(x, y);
        band.setId("currentDayMarker");
        band.getStyleClass().add("current-day-marker");
        band.setManaged(false);
        band.setMouseTransparent(true);
        getPlotChildren().add(0, band);
        marked.addListener((o, a, b) -> requestChartLayout());   // Chart's own: lays the plot out again
    }

    /** The first and last category to mark (empty: none). */
    public ObjectProperty<List<String>> markedProperty() {
        return marked;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        List<String> m = marked.get();
        CategoryAxis x = (CategoryAxis) getXAxis();
        if (m == null || m.isEmpty() || !x.getCategories().contains(m.get(0))) {
            band.setVisible(false);
            return;
        }
        String last = m.get(m.size() - 1);
        double a = x.getDisplayPosition(m.get(0));
        double b = x.getCategories().contains(last) ? x.getDisplayPosition(last) : a;
        double w = Math.max(2, Math.abs(b - a));
        band.setX(Math.min(a, b) - (w == 2 ? 1 : 0));
        band.setY(0);
        band.setWidth(w);
        band.setHeight(getYAxis().getHeight());
        band.setVisible(true);
        band.toBack();
    }
}
