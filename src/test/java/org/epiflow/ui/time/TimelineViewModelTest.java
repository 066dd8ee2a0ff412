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

    @Test
    void playAdvancesAndStopsAtTheEnd() {
        vm.startProperty().set(29);
        vm.togglePlay();
        vm.playTick();
        vm.playTick();
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(vm.days()).isEqualTo(DayRange.of(30));
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
