package org.epiflow.ui.time;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.epiflow.data.DayRange;
import org.epiflow.model.Period;
import org.epiflow.ui.i18n.Messages;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The days shown: one day or a range of the bundle's period, stepped daily or weekly (ISO weeks, clipped to the
 * period), and playback. The view's animation calls {@link #playTick(long)} on every pulse; steps follow the clock.
 */
public final class TimelineViewModel {
    /** One day (or week) at a time, or a free range. */
    public enum Mode { SINGLE, RANGE }

    /** Step size. */
    public enum Granularity { DAILY, WEEKLY }

    /** Playback speeds offered, in steps per second. */
    public static final double[] SPEEDS = {0.5, 1, 2, 4, 8};

    private final Messages messages;
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>();
    private final IntegerProperty dayCount = new SimpleIntegerProperty();
    private final IntegerProperty start = new SimpleIntegerProperty();
    private final IntegerProperty end = new SimpleIntegerProperty();
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.SINGLE);
    private final ObjectProperty<Granularity> granularity = new SimpleObjectProperty<>(Granularity.DAILY);
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final DoubleProperty speed = new SimpleDoubleProperty(2);
    private final ReadOnlyObjectWrapper<DayRange> days = new ReadOnlyObjectWrapper<>();
    private final StringBinding label;
    /** Pulse time playback started at (MIN_VALUE: at the next tick), and steps made since. */
    private long clockStart = Long.MIN_VALUE;
    private long stepsPlayed;

    public TimelineViewModel(Messages messages) {
        this.messages = messages;
        start.addListener((o, a, b) -> {
            if (b.intValue() > end.get() && mode.get() == Mode.RANGE) {
                end.set(b.intValue());
            }
            update();
        });
        end.addListener((o, a, b) -> {
            if (b.intValue() < start.get()) {
                start.set(b.intValue());
            }
            update();
        });
        mode.addListener((o, a, b) -> update());
        playing.addListener((o, a, on) -> clockStart = Long.MIN_VALUE);
        speed.addListener((o, a, b) -> clockStart = Long.MIN_VALUE);
        granularity.addListener((o, a, b) -> update());
        label = messages.bind(this::describe, days, granularity);
    }

    /** Shows a new period (null: no bundle). Starts on the first day. */
    public void setPeriod(Period p) {
        playing.set(false);
        period.set(p);
        int n = p == null ? 0 : p.days();
        dayCount.set(n);
        end.set(Math.max(0, n - 1));
        start.set(0);
        if (mode.get() == Mode.SINGLE) {
            end.set(0);
        }
        update();
    }

    private void update() {
        days.set(dayCount.get() == 0 ? null : shown(start.get(), end.get()));
    }

    /** The days shown for a start and end: clamped, one day (or week) in single mode, whole weeks when weekly. */
    private DayRange shown(int start, int end) {
        int n = dayCount.get();
        int s = clamp(start, n), e = clamp(Math.max(end, s), n);
        if (mode.get() == Mode.SINGLE) {
            e = s;
        }
        if (granularity.get() == Granularity.WEEKLY) {
            s = weekStart(s);
            e = weekEnd(e);
        }
        return new DayRange(s, e);
    }

    private int weekStart(int day) {
        LocalDate d = period.get().day(day);
        return Math.max(0, day - (d.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()));
    }

    private int weekEnd(int day) {
        LocalDate d = period.get().day(day);
        return Math.min(dayCount.get() - 1, day + (DayOfWeek.SUNDAY.getValue() - d.getDayOfWeek().getValue()));
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }

    /**
     * Steps forward ({@code +1}) or back ({@code -1}) by exactly one day or one week; a range moves as a whole.
     *
     * @return false when already at the end (or start) of the period
     */
    public boolean step(int direction) {
        return advance(direction > 0 ? 1 : -1) != 0;
    }

    /**
     * Moves by {@code steps} days or weeks (negative: back) in one change, stopping at the ends of the period.
     *
     * @return how many steps were made (with the sign of {@code steps})
     */
    public int advance(int steps) {
        if (days.get() == null || steps == 0) {
            return 0;
        }
        int dir = steps > 0 ? 1 : -1;
        int s = start.get(), e = end.get(), done = 0;
        while (done != steps) {
            int[] n = next(s, e, dir);
            if (n == null) {
                break;
            }
            s = n[0];
            e = n[1];
            done += dir;
        }
        if (done != 0) {
            if (dir > 0) {
                end.set(e);
                start.set(s);
            } else {
                start.set(s);
                end.set(e);
            }
        }
        return done;
    }

    /** The start and end one step on from ({@code s}, {@code e}), or null past the end of the period. */
    private int[] next(int s, int e, int direction) {
        DayRange d = shown(s, e);
        int n = dayCount.get();
        int by = granularity.get() == Granularity.WEEKLY ? (direction > 0 ? d.last() + 1 - d.first()
                : Math.max(1, d.first() - weekStart(Math.max(0, d.first() - 1)))) : 1;
        int delta = direction > 0 ? by : -by;
        if (mode.get() == Mode.SINGLE) {
            int ns = d.first() + delta;
            return ns < 0 || ns >= n ? null : new int[] {ns, ns};
        }
        int ns = s + delta, ne = e + delta;
        return ns < 0 || ne >= n ? null : new int[] {ns, ne};
    }

    /**
     * Starts the playback clock at {@code nanos} (a monotonic time, e.g. the animation pulse): from then on each
     * {@link #playTick(long)} makes the steps due at {@link #speedProperty()} steps per second.
     */
    private void startClock(long nanos) {
        clockStart = nanos;
        stepsPlayed = 0;
    }

    /**
     * One playback tick at monotonic time {@code nanos}: advances by as many whole steps as are due since playback
     * started (at the speed shown), in one change, so the rate holds even when drawing or the UI thread is slow —
     * frames are skipped, never days. Stops at the end of the period.
     */
    public void playTick(long nanos) {
        if (!playing.get()) {
            return;
        }
        if (clockStart == Long.MIN_VALUE) {
            startClock(nanos);
            return;
        }
        long due = (long) Math.floor((nanos - clockStart) / 1e9 * speed.get()) - stepsPlayed;
        if (due <= 0) {
            return;
        }
        int made = advance((int) Math.min(due, Integer.MAX_VALUE));
        stepsPlayed += made;
        if (made < due) {
            playing.set(false);
        }
    }

    /** Starts or stops playback; starting at the end rewinds to the first day. */
    public void togglePlay() {
        if (playing.get()) {
            playing.set(false);
            return;
        }
        DayRange d = days.get();
        if (d == null) {
            return;
        }
        if (d.last() >= dayCount.get() - 1) {
            int width = end.get() - start.get();
            start.set(0);
            end.set(mode.get() == Mode.SINGLE ? 0 : width);
        }
        playing.set(true);
    }

    /** A slower or faster playback speed (index into {@link #SPEEDS}). */
    public void changeSpeed(int direction) {
        int i = 0;
        while (i < SPEEDS.length && SPEEDS[i] < speed.get()) {
            i++;
        }
        speed.set(SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, i + direction))]);
    }

    private String describe() {
        DayRange d = days.get();
        if (d == null) {
            return messages.get("time.none");
        }
        LocalDate a = period.get().day(d.first()), b = period.get().day(d.last());
        return d.isSingleDay() ? messages.get("time.day", a,
                a.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, messages.locale()))
                : messages.get("time.range", a, b, d.days());
    }

    public ReadOnlyObjectProperty<DayRange> daysProperty() {
        return days.getReadOnlyProperty();
    }

    public DayRange days() {
        return days.get();
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public IntegerProperty dayCountProperty() {
        return dayCount;
    }

    public IntegerProperty startProperty() {
        return start;
    }

    public IntegerProperty endProperty() {
        return end;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ObjectProperty<Granularity> granularityProperty() {
        return granularity;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public StringBinding labelProperty() {
        return label;
    }
}
