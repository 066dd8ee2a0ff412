package org.epiflow.ui.time;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;
import org.controlsfx.control.RangeSlider;
import org.epiflow.ui.i18n.Messages;

/**
 * The time bar: play/pause, step, speed, a slider for one day or a {@link RangeSlider} for a range, daily/weekly,
 * and the date shown. Playback is an {@link AnimationTimer} handing every pulse's time to
 * {@link TimelineViewModel#playTick(long)}, which makes the steps due. The sliders follow the view-model; while they
 * are being set from it, their own changes are not fed back (a range slider clamps its low value to its high value,
 * which used to undo steps).
 */
public final class TimelineView extends HBox {
    private final AnimationTimer player;
    private boolean syncing;

    public TimelineView(TimelineViewModel vm, Messages m) {
        super(8);
        setId("timeline");
        getStyleClass().add("timeline-bar");
        setPadding(new Insets(6, 10, 6, 10));
        setAlignment(Pos.CENTER_LEFT);

        Button back = new Button("«");
        back.setId("stepBackButton");
        back.setTooltip(new Tooltip(m.get("time.stepBack")));
        back.setOnAction(e -> vm.step(-1));
        ToggleButton play = new ToggleButton();
        play.setId("playButton");
        play.graphicProperty().bind(Bindings.when(vm.playingProperty()).<Node>then(pauseGlyph())
                .otherwise(playGlyph()));
        play.setTooltip(new Tooltip(m.get("time.play")));
        play.selectedProperty().bindBidirectional(vm.playingProperty());
        Button fwd = new Button("»");
        fwd.setId("stepForwardButton");
        fwd.setTooltip(new Tooltip(m.get("time.stepForward")));
        fwd.setOnAction(e -> vm.step(1));

        ComboBox<Double> speed = new ComboBox<>();
        for (double s : TimelineViewModel.SPEEDS) {
            speed.getItems().add(s);
        }
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : m.get("time.speed", d);
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        speed.setValue(vm.speedProperty().get());
        speed.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.speedProperty().set(b);
            }
        });
        vm.speedProperty().addListener((o, a, b) -> speed.setValue(b.doubleValue()));
        speed.setTooltip(new Tooltip(m.get("time.speedTip")));

        Slider single = new Slider(0, 1, 0);
        single.setId("daySlider");
        single.setBlockIncrement(1);
        single.setMajorTickUnit(7);
        single.setMinorTickCount(6);
        single.setSnapToTicks(true);
        single.setShowTickMarks(true);
        RangeSlider range = new RangeSlider(0, 1, 0, 1);
        range.setId("rangeSlider");
        range.setBlockIncrement(1);
        range.setMajorTickUnit(7);
        range.setMinorTickCount(6);
        range.setSnapToTicks(true);
        range.setShowTickMarks(true);
        vm.dayCountProperty().addListener((o, a, n) -> {
            double max = Math.max(1, n.intValue() - 1);
            single.setMax(max);
            range.setMax(max);
        });
        single.setMax(Math.max(1, vm.dayCountProperty().get() - 1));
        range.setMax(single.getMax());
        // the window may be built again (new language): start from the view-model's state
        single.setValue(vm.startProperty().get());
        range.setHighValue(Math.max(vm.endProperty().get(), vm.startProperty().get()));
        range.setLowValue(vm.startProperty().get());
        single.valueProperty().addListener((o, a, b) -> {
            int v = (int) Math.round(b.doubleValue());
            if (!syncing && org.epiflow.ui.util.Shown.isShown(this)
                    && vm.modeProperty().get() == TimelineViewModel.Mode.SINGLE
                    && v != vm.startProperty().get()) {
                vm.startProperty().set(v);
                vm.endProperty().set(v);
            }
        });
        range.lowValueProperty().addListener((o, a, b) -> {
            if (!syncing && org.epiflow.ui.util.Shown.isShown(this) && vm.modeProperty().get() == TimelineViewModel.Mode.RANGE) {
                vm.startProperty().set((int) Math.round(b.doubleValue()));
            }
        });
        range.highValueProperty().addListener((o, a, b) -> {
            if (!syncing && org.epiflow.ui.util.Shown.isShown(this) && vm.modeProperty().get() == TimelineViewModel.Mode.RANGE) {
                vm.endProperty().set((int) Math.round(b.doubleValue()));
            }
        });
        Runnable follow = () -> {
            syncing = true;
            try {
                int lo = vm.startProperty().get(), hi = Math.max(lo, vm.endProperty().get());
                single.setValue(lo);
                // a range slider keeps low <= high: move the end that makes room first
                if (lo > range.getHighValue()) {
                    range.setHighValue(hi);
                    range.setLowValue(lo);
                } else {
                    range.setLowValue(lo);
                    range.setHighValue(hi);
                }
            } finally {
                syncing = false;
            }
        };
        vm.startProperty().addListener((o, a, b) -> follow.run());
        vm.endProperty().addListener((o, a, b) -> follow.run());
        vm.modeProperty().addListener((o, a, b) -> follow.run());
        StackPane sliders = new StackPane(single, range);
        HBox.setHgrow(sliders, Priority.ALWAYS);
        range.visibleProperty().bind(vm.modeProperty().isEqualTo(TimelineViewModel.Mode.RANGE));
        single.visibleProperty().bind(range.visibleProperty().not());

        ToggleButton rangeMode = new ToggleButton(m.get("time.rangeMode"));
        rangeMode.setId("rangeModeButton");
        rangeMode.setTooltip(new Tooltip(m.get("time.rangeModeTip")));
        rangeMode.setSelected(vm.modeProperty().get() == TimelineViewModel.Mode.RANGE);
        vm.modeProperty().addListener((o, a, mode) -> rangeMode.setSelected(mode == TimelineViewModel.Mode.RANGE));
        rangeMode.selectedProperty().addListener((o, a, on) -> vm.modeProperty().set(on
                ? TimelineViewModel.Mode.RANGE : TimelineViewModel.Mode.SINGLE));
        ToggleButton weekly = new ToggleButton(m.get("time.weekly"));
        weekly.setId("weeklyButton");
        weekly.setTooltip(new Tooltip(m.get("time.weeklyTip")));
        weekly.setSelected(vm.granularityProperty().get() == TimelineViewModel.Granularity.WEEKLY);
        vm.granularityProperty().addListener((o, a, g) ->
                weekly.setSelected(g == TimelineViewModel.Granularity.WEEKLY));
        weekly.selectedProperty().addListener((o, a, on) -> vm.granularityProperty().set(on
                ? TimelineViewModel.Granularity.WEEKLY : TimelineViewModel.Granularity.DAILY));

        Label date = new Label();
        date.setId("dateLabel");
        date.getStyleClass().add("date-label");
        date.setMinWidth(210);
        date.textProperty().bind(vm.labelProperty());

        getChildren().addAll(back, play, fwd, speed, sliders, rangeMode, weekly, date);
        disableProperty().bind(vm.dayCountProperty().isEqualTo(0));

        player = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (org.epiflow.ui.util.Shown.isShown(TimelineView.this)) {
                    vm.playTick(now);
                } else {
                    stop();   // a window built again (new language) plays with its own timeline view
                }
            }
        };
        vm.playingProperty().addListener((o, a, on) -> {
            if (on) {
                player.start();
            } else {
                player.stop();
            }
        });
    }

    /** ▶ drawn as a shape (the fonts' media symbols are missing or emoji-sized). */
    private static Node playGlyph() {
        Polygon p = new Polygon(0, 0, 10, 6, 0, 12);
        p.getStyleClass().add("media-glyph");
        p.setId("playGlyph");
        return p;
    }

    /** ⏸: two bars. */
    private static Node pauseGlyph() {
        Rectangle a = new Rectangle(3.5, 12), b = new Rectangle(3.5, 12);
        a.getStyleClass().add("media-glyph");
        b.getStyleClass().add("media-glyph");
        HBox h = new HBox(3, a, b);
        h.setId("pauseGlyph");
        h.setAlignment(Pos.CENTER);
        return h;
    }
}
