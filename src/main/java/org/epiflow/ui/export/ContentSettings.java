package org.epiflow.ui.export;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.epiflow.export.ExportOptions;

/**
 * What an export shows of the current view: which of the layers on screen, whether the screen's extent, flow filters
 * and selected region apply, the day or the timeline's range, the table of a table format and a GIF's frame delay.
 * Everything ticked (the default) reproduces the screen.
 */
public final class ContentSettings {
    /** Which dates: the first day shown on the timeline, or its whole range (one frame / slide per day). */
    public enum Dates { DAY, RANGE }

    private final BooleanProperty flows = new SimpleBooleanProperty(true);
    private final BooleanProperty heatmap = new SimpleBooleanProperty(true);
    private final BooleanProperty symbols = new SimpleBooleanProperty(true);
    private final BooleanProperty labels = new SimpleBooleanProperty(true);
    private final BooleanProperty currentExtent = new SimpleBooleanProperty(true);
    private final BooleanProperty filters = new SimpleBooleanProperty(true);
    private final BooleanProperty selectedRegion = new SimpleBooleanProperty(true);
    private final ObjectProperty<Dates> dates = new SimpleObjectProperty<>(Dates.RANGE);
    private final ObjectProperty<ExportOptions.TableKind> table =
            new SimpleObjectProperty<>(ExportOptions.TableKind.FLOWS);
    private final IntegerProperty delay = new SimpleIntegerProperty(600);

    Observable[] dependencies() {
        return new Observable[] {flows, heatmap, symbols, labels, currentExtent, filters, selectedRegion, dates, table};
    }

    /** Export the flow arcs (when the map shows them). */
    public BooleanProperty flowsProperty() {
        return flows;
    }

    /** Export the heatmap (when the map shows one). */
    public BooleanProperty heatmapProperty() {
        return heatmap;
    }

    /** Export the location circles (when the map shows them). */
    public BooleanProperty symbolsProperty() {
        return symbols;
    }

    public BooleanProperty labelsProperty() {
        return labels;
    }

    /** Export the map's current extent (else: the focus region, or all of China). */
    public BooleanProperty currentExtentProperty() {
        return currentExtent;
    }

    /** Apply the map's flow filters (top N, minimum volume, direction, roll-up, locked scale). */
    public BooleanProperty filtersProperty() {
        return filters;
    }

    /** Focus on the selected region. */
    public BooleanProperty selectedRegionProperty() {
        return selectedRegion;
    }

    public ObjectProperty<Dates> datesProperty() {
        return dates;
    }

    public ObjectProperty<ExportOptions.TableKind> tableProperty() {
        return table;
    }

    /** GIF frame delay (ms). */
    public IntegerProperty delayProperty() {
        return delay;
    }
}
