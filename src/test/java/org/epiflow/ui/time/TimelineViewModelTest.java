package org.epiflow.ui.time;

import org.epiflow.data.DayRange;
import org.epiflow.model.Period;
import org.epiflow.ui.i18n.Messages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineViewModelTest {
    // 2020-01-01 is a Wednesday; 31 days
    static final Period JANUARY = new Period(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31));
    TimelineViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new TimelineViewModel(Messages.of(Locale.ENGLISH));
        vm.setPeriod(JANUARY);
    }

    @Test
    void startsOnTheFirstDay() {
        assertThat(vm.days()).isEqualTo(DayRange.of(0));
    }

    @Test
    void stepMovesOneDay() {
        vm.step(1);
        vm.step(1);
        vm.step(-1);
        assertThat(vm.days()).isEqualTo(DayRange.of(1));
    }

    @Test
    void stepStopsAtTheEnds() {
        assertThat(vm.step(-1)).isFalse();
    }

    @Test
    void weeklyShowsTheIsoWeekClippedToThePeriod() {
        vm.granularityProperty().set(TimelineViewModel.Granularity.WEEKLY);
        assertThat(vm.days()).isEqualTo(DayRange.of(0, 4));
    }

    @Test
    void weeklyStepsAWholeWeek() {
        vm.granularityProperty().set(TimelineViewModel.Granularity.WEEKLY);
        vm.step(1);
        assertThat(vm.days()).isEqualTo(DayRange.of(5, 11));
    }

    @Test
    void rangeMovesAsAWhole() {
        vm.modeProperty().set(TimelineViewModel.Mode.RANGE);
        vm.endProperty().set(6);
        vm.step(1);
        assertThat(vm.days()).isEqualTo(DayRange.of(1, 7));
    }

    static final long SECOND = 1_000_000_000L;

    @Test
    void playAdvancesAndStopsAtTheEnd() {
        vm.startProperty().set(29);
        vm.togglePlay();
        vm.playTick(0);
        vm.playTick(SECOND);
        vm.playTick(2 * SECOND);
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(vm.days()).isEqualTo(DayRange.of(30));
    }

    @Test
    void playbackKeepsItsRateWhenTicksComeLateOrIrregularly() {
        vm.speedProperty().set(2);
        vm.togglePlay();
        vm.playTick(0);
        vm.playTick(SECOND * 49 / 100);
        assertThat(vm.days()).isEqualTo(DayRange.of(0));
        vm.playTick(SECOND / 2);
        assertThat(vm.days()).isEqualTo(DayRange.of(1));
        // the UI thread stalls for 2.5 s: the day catches up with the clock (frames skipped, not days)
        vm.playTick(3 * SECOND);
        assertThat(vm.days()).isEqualTo(DayRange.of(6));
        for (long t = 3 * SECOND; t < 10 * SECOND; t += SECOND / 60) {
            vm.playTick(t);
        }
        vm.playTick(10 * SECOND);
        assertThat(vm.days()).isEqualTo(DayRange.of(20));
    }

    @Test
    void aSpeedChangeRestartsTheClockWithoutJumping() {
        vm.togglePlay();
        vm.playTick(0);
        vm.playTick(2 * SECOND);
        assertThat(vm.days()).isEqualTo(DayRange.of(4));
        vm.speedProperty().set(8);
        vm.playTick(2 * SECOND + 1);
        vm.playTick(2 * SECOND + 1 + SECOND / 2);
        assertThat(vm.days()).isEqualTo(DayRange.of(8));
    }

    @Test
    void manyStepsAreManyDaysAndAnAdvanceIsOneChange() {
        for (int i = 0; i < 20; i++) {
            assertThat(vm.step(1)).isTrue();
        }
        assertThat(vm.days()).isEqualTo(DayRange.of(20));
        java.util.List<DayRange> seen = new java.util.ArrayList<>();
        vm.daysProperty().addListener((o, a, b) -> seen.add(b));
        assertThat(vm.advance(5)).isEqualTo(5);
        assertThat(seen).containsExactly(DayRange.of(25));
        assertThat(vm.advance(100)).isEqualTo(5);
        assertThat(vm.days()).isEqualTo(DayRange.of(30));
    }

    @Test
    void weeklyStepsAreWholeWeeksBackAndForth() {
        vm.granularityProperty().set(TimelineViewModel.Granularity.WEEKLY);
        vm.step(1);
        vm.step(1);
        assertThat(vm.days()).isEqualTo(DayRange.of(12, 18));
        vm.step(-1);
        assertThat(vm.days()).isEqualTo(DayRange.of(5, 11));
        vm.step(-1);
        assertThat(vm.days()).isEqualTo(DayRange.of(0, 4));
    }

    @Test
    void playingFromTheEndRewinds() {
        vm.startProperty().set(30);
        vm.togglePlay();
        assertThat(vm.days()).isEqualTo(DayRange.of(0));
    }

    @Test
    void labelNamesTheDay() {
        assertThat(vm.labelProperty().get()).isEqualTo("2020-01-01 (Wed)");
    }

    @Test
    void labelOfARangeCountsDays() {
        vm.modeProperty().set(TimelineViewModel.Mode.RANGE);
        vm.endProperty().set(6);
        assertThat(vm.labelProperty().get()).isEqualTo("2020-01-01 – 2020-01-07 (7 days)");
    }

    @Test
    void speedStepsThroughTheChoices() {
        vm.changeSpeed(1);
        assertThat(vm.speedProperty().get()).isEqualTo(4);
    }

    @Test
    void noPeriodMeansNoDays() {
        vm.setPeriod(null);
        assertThat(vm.days()).isNull();
    }
}
