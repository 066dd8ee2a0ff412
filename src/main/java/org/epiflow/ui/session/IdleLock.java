package org.epiflow.ui.session;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Locks the workstation after a number of minutes without mouse or keyboard input. The clock is injected (tests
 * advance a mutable one and call {@link #check()}); in the app a timeline calls {@link #check()} every few seconds
 * and scene event filters call {@link #touch()}.
 */
public final class IdleLock {
    private final Clock clock;
    private final IntSupplier minutes;
    private final BooleanSupplier active;
    private final Runnable onIdle;
    private volatile Instant last;
    private Timeline timer;

    /**
     * @param minutes idle minutes before locking (read at every check)
     * @param active  whether there is anything to lock (unlocked)
     * @param onIdle  locks (called on the UI thread)
     */
    public IdleLock(Clock clock, IntSupplier minutes, BooleanSupplier active, Runnable onIdle) {
        this.clock = clock;
        this.minutes = minutes;
        this.active = active;
        this.onIdle = onIdle;
        this.last = clock.instant();
    }

    /** Input happened: the idle time starts again. */
    public void touch() {
        last = clock.instant();
    }

    /** Locks if idle for long enough; true if it locked. */
    public boolean check() {
        if (!active.getAsBoolean()) {
            return false;
        }
        long idleMs = clock.millis() - last.toEpochMilli();
        if (idleMs >= minutes.getAsInt() * 60_000L) {
            onIdle.run();
            return true;
        }
        return false;
    }

    /** Seconds of inactivity so far. */
    public long idleSeconds() {
        return (clock.millis() - last.toEpochMilli()) / 1000;
    }

    /** Watches the scene's input and checks every five seconds. */
    public void install(Scene scene) {
        EventHandler<Event> input = e -> touch();
        scene.addEventFilter(MouseEvent.ANY, input::handle);
        scene.addEventFilter(KeyEvent.ANY, input::handle);
        scene.addEventFilter(ScrollEvent.ANY, input::handle);
        if (timer == null) {
            timer = new Timeline(new KeyFrame(Duration.seconds(5), e -> check()));
            timer.setCycleCount(Timeline.INDEFINITE);
            timer.play();
        }
    }

    /** Stops the periodic check. */
    public void stop() {
        if (timer != null) {
            timer.stop();
        }
    }
}
