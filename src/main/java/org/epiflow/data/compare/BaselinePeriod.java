package org.epiflow.data.compare;

import org.epiflow.model.Period;
import org.epiflow.text.Message;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A period and the baseline it is compared with, day by day: the baseline day of a period day is that day moved
 * by {@link #shiftDays()}. Built by {@link #align}, which applies the {@link Alignment} to the baseline the user
 * asked for.
 *
 * @param period    the days looked at
 * @param baseline  the days compared with, as aligned (as long as the period)
 * @param requested the baseline as the user gave it
 * @param alignment how the two were lined up
 */
public record BaselinePeriod(Period period, Period baseline, Period requested, Alignment alignment) {

    /**
     * Lines up a baseline with a period. The baseline must be as long as the period. With {@link Alignment#WEEKDAY}
     * it moves by at most three days so the weekdays match; with {@link Alignment#LUNAR_NEW_YEAR} it keeps the
     * period's distance from the Lunar New Year of its season, in the season of the requested baseline.
     */
    public static BaselinePeriod align(Period period, Period requested, Alignment alignment)
            throws ComparisonException {
        if (requested.days() != period.days()) {
            throw new ComparisonException(Message.of("data.compare.lengthDiffers", requested.start(),
                    requested.end(), requested.days(), period.start(), period.end(), period.days()));
        }
        long shift = ChronoUnit.DAYS.between(period.start(), requested.start());
        switch (alignment) {
            case DATE -> {
            }
            case WEEKDAY -> shift = nearestMultipleOfSeven(shift);
            case LUNAR_NEW_YEAR -> {
                LocalDate p = LunarNewYear.nearest(period.start()).orElseThrow(() -> outsideTable(period.start()));
                LocalDate b = LunarNewYear.nearest(requested.start())
                        .orElseThrow(() -> outsideTable(requested.start()));
                shift = ChronoUnit.DAYS.between(p, b);
            }
            default -> throw new IllegalStateException(alignment.toString());
        }
        if (shift == 0) {
            throw new ComparisonException(Message.of("data.compare.samePeriod", period.start(), period.end()));
        }
        Period aligned = new Period(period.start().plusDays(shift), period.end().plusDays(shift));
        return new BaselinePeriod(period, aligned, requested, alignment);
    }

    /** Days from a period day to its baseline day (negative: the baseline is earlier). */
    public long shiftDays() {
        return ChronoUnit.DAYS.between(period.start(), baseline.start());
    }

    /** The baseline day compared with a day of the period. */
    public LocalDate baselineDay(LocalDate periodDay) {
        return periodDay.plusDays(shiftDays());
    }

    /** Whether alignment moved the baseline away from what was asked. */
    public boolean moved() {
        return !baseline.equals(requested);
    }

    /** For the footer and the legend: "baseline 2020-01-18 – 2020-01-24, aligned by weekday". */
    public Message describe() {
        return Message.of("data.compare.describe", baseline.start(), baseline.end(),
                Message.of(alignment.messageKey()));
    }

    private static long nearestMultipleOfSeven(long days) {
        long down = Math.floorDiv(days, 7) * 7;
        long up = down + 7;
        return days - down <= up - days ? down : up;
    }

    private static ComparisonException outsideTable(LocalDate day) {
        return new ComparisonException(Message.of("data.compare.noLunarNewYear", day,
                LunarNewYear.FIRST_YEAR, LunarNewYear.lastYear()));
    }

    /** Whether weekdays match day by day (always true after {@link Alignment#WEEKDAY}). */
    public boolean weekdaysMatch() {
        DayOfWeek a = period.start().getDayOfWeek();
        return a == baseline.start().getDayOfWeek();
    }
}
