package org.epiflow.data.compare;

import org.epiflow.model.Period;
import org.epiflow.text.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselinePeriodTest {
    private static Period p(String a, String b) {
        return new Period(LocalDate.parse(a), LocalDate.parse(b));
    }

    @Test
    void byDateKeepsTheBaselineAsGiven() throws Exception {
        BaselinePeriod b = BaselinePeriod.align(p("2020-02-01", "2020-02-07"), p("2020-01-25", "2020-01-31"),
                Alignment.DATE);
        assertThat(b.baseline()).isEqualTo(p("2020-01-25", "2020-01-31"));
        assertThat(b.shiftDays()).isEqualTo(-7);
        assertThat(b.moved()).isFalse();
    }

    @Test
    void byWeekdayMovesAtMostThreeDaysSoMondayMeetsMonday() throws Exception {
        // 2021-02-01 is a Monday; 2020-02-01 a Saturday: the nearest Monday is 2020-02-03
        BaselinePeriod b = BaselinePeriod.align(p("2021-02-01", "2021-02-14"), p("2020-02-01", "2020-02-14"),
                Alignment.WEEKDAY);
        assertThat(b.baseline().start()).isEqualTo(LocalDate.of(2020, 2, 3));
        assertThat(b.baseline().start().getDayOfWeek()).isEqualTo(b.period().start().getDayOfWeek());
        assertThat(Math.abs(ChronoUnit.DAYS.between(b.requested().start(), b.baseline().start()))).isLessThanOrEqualTo(3);
        assertThat(b.weekdaysMatch()).isTrue();
        assertThat(b.baseline().days()).isEqualTo(14);
    }

    /** Spring Festival of each year 2020–2025 against the previous year's, from a week before to a week after. */
    @ParameterizedTest
    @ValueSource(ints = {2020, 2021, 2022, 2023, 2024, 2025})
    void byLunarNewYearKeepsTheDaysFromTheFestival(int year) throws Exception {
        LocalDate lny = LunarNewYear.of(year).orElseThrow();
        LocalDate lnyBefore = LunarNewYear.of(year - 1).orElseThrow();
        Period period = new Period(lny.minusDays(7), lny.plusDays(13));
        // the user asks for "the same dates last year"
        Period asked = new Period(period.start().minusYears(1), period.end().minusYears(1));
        BaselinePeriod b = BaselinePeriod.align(period, asked, Alignment.LUNAR_NEW_YEAR);
        for (LocalDate d = period.start(); !d.isAfter(period.end()); d = d.plusDays(1)) {
            assertThat(ChronoUnit.DAYS.between(lnyBefore, b.baselineDay(d)))
                    .isEqualTo(ChronoUnit.DAYS.between(lny, d));
        }
        assertThat(b.baseline().start()).isEqualTo(lnyBefore.minusDays(7));
        assertThat(b.baseline().days()).isEqualTo(period.days());
    }

    @Test
    void refusesWhatCannotBeCompared() {
        assertThatThrownBy(() -> BaselinePeriod.align(p("2020-02-01", "2020-02-07"), p("2020-01-01", "2020-01-03"),
                Alignment.DATE)).isInstanceOf(ComparisonException.class)
                .hasMessageContaining("has 3 days but the period 2020-02-01 – 2020-02-07 has 7");
        assertThatThrownBy(() -> BaselinePeriod.align(p("2020-02-01", "2020-02-07"), p("2020-02-01", "2020-02-07"),
                Alignment.DATE)).hasMessageContaining("the period itself");
        assertThatThrownBy(() -> BaselinePeriod.align(p("2020-02-01", "2020-02-07"), p("1990-02-01", "1990-02-07"),
                Alignment.LUNAR_NEW_YEAR)).hasMessageContaining("No Lunar New Year date");
    }

    @Test
    void describesItselfInBothLanguages() throws Exception {
        BaselinePeriod b = BaselinePeriod.align(p("2021-02-05", "2021-02-18"), p("2020-02-05", "2020-02-18"),
                Alignment.LUNAR_NEW_YEAR);
        assertThat(Texts.inEnglish().format(b.describe()))
                .isEqualTo("baseline 2020-01-18 – 2020-01-31, aligned by days from the Lunar New Year");
        assertThat(Texts.inChinese().format(b.describe())).isEqualTo("基期 2020-01-18 至 2020-01-31，按距春节天数对齐");
    }

    @Test
    void cliNames() {
        assertThat(Alignment.fromCliName("lunar-new-year")).contains(Alignment.LUNAR_NEW_YEAR);
        assertThat(Alignment.fromCliName("weekday")).contains(Alignment.WEEKDAY);
        assertThat(Alignment.fromCliName("lunar")).isEmpty();
    }
}
