package org.epiflow.ui.unlock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows down passphrase guessing: the first wrong passphrase costs nothing extra, each further one doubles the wait
 * (2 s, 4 s, 8 s, … up to {@link #MAX}) before the next attempt is allowed. A success resets it. The clock is
 * injected so tests need not wait.
 */
public final class Backoff {
    /** Longest wait between attempts. */
    public static final Duration MAX = Duration.ofMinutes(5);

    private final Clock clock;
    private int failures;
    private Instant until = Instant.EPOCH;

    public Backoff(Clock clock) {
        this.clock = clock;
    }

    /** The wait imposed after the {@code failures}-th consecutive failure. */
    public static Duration delayAfter(int failures) {
        if (failures <= 1) {
            return Duration.ZERO;
        }
        int exp = Math.min(failures - 1, 20);
        Duration d = Duration.ofSeconds(1L << exp);
        return d.compareTo(MAX) > 0 ? MAX : d;
    }

    public void recordFailure() {
        failures++;
        until = clock.instant().plus(delayAfter(failures));
    }

    public void reset() {
        failures = 0;
        until = Instant.EPOCH;
    }

    public int failures() {
        return failures;
    }

    /** Whole seconds left before the next attempt is allowed (rounded up), 0 when allowed now. */
    public long remainingSeconds() {
        long ms = Duration.between(clock.instant(), until).toMillis();
        return ms <= 0 ? 0 : (ms + 999) / 1000;
    }
}
