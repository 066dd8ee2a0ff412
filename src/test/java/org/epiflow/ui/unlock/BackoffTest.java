package org.epiflow.ui.unlock;

import org.epiflow.ui.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @ParameterizedTest
    @CsvSource({"0,0", "1,0", "2,2", "3,4", "4,8", "5,16", "9,256", "10,300", "40,300"})
    void delayDoublesAfterTheFirstFailureUpToFiveMinutes(int failures, long seconds) {
        assertThat(Backoff.delayAfter(failures)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void remainingSecondsFollowTheClock() {
        MutableClock clock = new MutableClock();
        Backoff b = new Backoff(clock);
        b.recordFailure();
        b.recordFailure();
        b.recordFailure();
        assertThat(b.remainingSeconds()).isEqualTo(4);
        clock.advance(Duration.ofMillis(2500));
        assertThat(b.remainingSeconds()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(2));
        assertThat(b.remainingSeconds()).isZero();
    }

    @Test
    void resetClearsTheWait() {
        Backoff b = new Backoff(new MutableClock());
        b.recordFailure();
        b.recordFailure();
        b.reset();
        assertThat(b.remainingSeconds()).isZero();
    }
}
