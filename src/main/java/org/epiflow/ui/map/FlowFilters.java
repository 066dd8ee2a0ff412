package org.epiflow.ui.map;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.epiflow.data.DayRange;
import org.epiflow.data.Direction;
import org.epiflow.data.FlowSpec;

/**
 * The flow layer's controls: how many flows, the minimum volume, which flows of the selection, scale locking and the
 * province roll-up. Turns them into a {@link FlowSpec}.
 */
public final class FlowFilters {
    /** Choices offered for top-N (0 = all). */
    public static final int[] TOP_N = {50, 100, 200, 500, 1000, 5000, 0};

    private final IntegerProperty topN = new SimpleIntegerProperty(200);
    private final LongProperty minVolume = new SimpleLongProperty(0);
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(Direction.BOTH);
    private final BooleanProperty lockScale = new SimpleBooleanProperty();
    private final BooleanProperty provinces = new SimpleBooleanProperty();
    private final BooleanProperty autoProvinces = new SimpleBooleanProperty(true);

    /** The query for these filters over {@code days} with the selected regions (region-table indexes). */
    public FlowSpec spec(DayRange days, int[] selection) {
        return spec(days, selection, 0);
    }

    /** As {@link #spec(DayRange, int[])} at a map scale, which may roll flows up to provinces automatically. */
    public FlowSpec spec(DayRange days, int[] selection, double metresPerPixel) {
        Direction d = selection.length == 0 ? Direction.ALL : direction.get();
        return new FlowSpec(days, Math.max(0, topN.get()), Math.max(0, minVolume.get()), selection, d,
                rolledUp(selection, metresPerPixel));
    }

    /** Whether flows are shown between provinces at this scale ({@link org.epiflow.map.MapViewport#autoRolledUp}). */
    public boolean rolledUp(int[] selection, double metresPerPixel) {
        return provinces.get() || (autoProvinces.get()
                && org.epiflow.map.MapViewport.autoRolledUp(topN.get(), selection.length > 0, metresPerPixel));
    }

    /** Everything a change of which should redraw the flows. */
    public Observable[] dependencies() {
        return new Observable[] {topN, minVolume, direction, lockScale, provinces, autoProvinces};
    }

    /** Roll up to provinces by itself when zoomed far out (on by default). */
    public BooleanProperty autoProvincesProperty() {
        return autoProvinces;
    }

    public IntegerProperty topNProperty() {
        return topN;
    }

    public LongProperty minVolumeProperty() {
        return minVolume;
    }

    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    public BooleanProperty lockScaleProperty() {
        return lockScale;
    }

    public BooleanProperty provincesProperty() {
        return provinces;
    }
}
