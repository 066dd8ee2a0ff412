package org.epiflow.data.compare;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The first day of the Chinese lunar year (春节), 2000–2040, as published by the Hong Kong Observatory and the
 * Purple Mountain Observatory (the new moon of the first month, in China Standard Time, UTC+8).
 * {@code LunarNewYearTest} checks the table against ICU4J's Chinese calendar, which is one day off in 2027 and
 * 2030, whose new moons fall within minutes of midnight in Beijing (6 Feb 2027 23:56, 3 Feb 2030 00:07).
 */
public final class LunarNewYear {
    /** First year of the table. */
    public static final int FIRST_YEAR = 2000;
    private static final String[] DATES = {
            "2000-02-05", "2001-01-24", "2002-02-12", "2003-02-01", "2004-01-22",
            "2005-02-09", "2006-01-29", "2007-02-18", "2008-02-07", "2009-01-26",
            "2010-02-14", "2011-02-03", "2012-01-23", "2013-02-10", "2014-01-31",
            "2015-02-19", "2016-02-08", "2017-01-28", "2018-02-16", "2019-02-05",
            "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10",
            "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13",
            "2030-02-03", "2031-01-23", "2032-02-11", "2033-01-31", "2034-02-19",
            "2035-02-08", "2036-01-28", "2037-02-15", "2038-02-04", "2039-01-24",
            "2040-02-12",
    };
    private static final LocalDate[] TABLE = new LocalDate[DATES.length];

    static {
        for (int i = 0; i < DATES.length; i++) {
            TABLE[i] = LocalDate.parse(DATES[i]);
        }
    }

    private LunarNewYear() {
    }

    /** Last year of the table. */
    public static int lastYear() {
        return FIRST_YEAR + TABLE.length - 1;
    }

    /** The Lunar New Year's Day in a Gregorian year, if the table covers it. */
    public static Optional<LocalDate> of(int year) {
        int i = year - FIRST_YEAR;
        return i >= 0 && i < TABLE.length ? Optional.of(TABLE[i]) : Optional.empty();
    }

    /**
     * The Lunar New Year's Day nearest to a date (the Spring Festival season it belongs to): a date in December
     * belongs to the coming festival, a date in June to that of its year.
     */
    public static Optional<LocalDate> nearest(LocalDate day) {
        LocalDate best = null;
        for (int y = day.getYear() - 1; y <= day.getYear() + 1; y++) {
            Optional<LocalDate> d = of(y);
            if (d.isPresent() && (best == null || Math.abs(ChronoUnit.DAYS.between(day, d.get()))
                    < Math.abs(ChronoUnit.DAYS.between(day, best)))) {
                best = d.get();
            }
        }
        return Optional.ofNullable(best);
    }
}
