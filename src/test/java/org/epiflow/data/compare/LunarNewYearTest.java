package org.epiflow.data.compare;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LunarNewYearTest {

    @ParameterizedTest
    @CsvSource({"2019,2019-02-05", "2020,2020-01-25", "2021,2021-02-12", "2022,2022-02-01", "2023,2023-01-22",
            "2024,2024-02-10", "2025,2025-01-29", "2027,2027-02-06", "2030,2030-02-03"})
    void publishedDates(int year, LocalDate date) {
        assertThat(LunarNewYear.of(year)).contains(date);
    }

    @Test
    void agreesWithAnIndependentChineseCalendar() {
        // ICU4J's approximate new moons put the month one day off where the new moon falls within minutes of
        // midnight in Beijing: 2027 (6 Feb 23:56, ICU says 7 Feb) and 2030 (3 Feb 00:07, ICU says 2 Feb)
        Set<Integer> icuOff = Set.of(2027, 2030);
        for (int y = LunarNewYear.FIRST_YEAR; y <= LunarNewYear.lastYear(); y++) {
            LocalDate icu = icu(y);
            LocalDate ours = LunarNewYear.of(y).orElseThrow();
            if (icuOff.contains(y)) {
                assertThat(Math.abs(java.time.temporal.ChronoUnit.DAYS.between(ours, icu))).as("year %d", y)
                        .isEqualTo(1);
            } else {
                assertThat(ours).as("year %d", y).isEqualTo(icu);
            }
        }
    }

    @Test
    void nearestPicksTheSeason() {
        assertThat(LunarNewYear.nearest(LocalDate.of(2020, 12, 20))).contains(LocalDate.of(2021, 2, 12));
        assertThat(LunarNewYear.nearest(LocalDate.of(2020, 6, 1))).contains(LocalDate.of(2020, 1, 25));
        assertThat(LunarNewYear.of(1999)).isEmpty();
        assertThat(LunarNewYear.of(LunarNewYear.lastYear() + 1)).isEmpty();
    }

    private static LocalDate icu(int year) {
        ChineseCalendar c = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        java.util.GregorianCalendar g = new java.util.GregorianCalendar(java.util.TimeZone.getTimeZone("Asia/Shanghai"));
        g.clear();
        g.set(year, java.util.Calendar.JANUARY, 15, 12, 0);
        c.setTimeInMillis(g.getTimeInMillis());
        c.set(Calendar.EXTENDED_YEAR, c.get(Calendar.EXTENDED_YEAR) + (c.get(Calendar.MONTH) >= 10 ? 1 : 0));
        c.set(Calendar.MONTH, 0);
        c.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        c.set(Calendar.DAY_OF_MONTH, 1);
        return Instant.ofEpochMilli(c.getTimeInMillis()).atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
    }
}
