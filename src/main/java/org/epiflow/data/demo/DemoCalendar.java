package org.epiflow.data.demo;

import org.epiflow.model.Period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The demo's time line (inspired by, not a reconstruction of, early 2020) and the purely temporal factors of the
 * trip model:
 * <ul>
 *   <li>weekly rhythm {@link #weekday(LocalDate)}: Monday–Thursday 1.00, Friday 1.12, Saturday 0.80, Sunday 0.92;</li>
 *   <li>the Spring-Festival exodus profile {@link #exodus(LocalDate)}: a triangle over the 15 days before the
 *       festival, peaking 5 days before it, summing to 1;</li>
 *   <li>the return profile {@link #returnWave(LocalDate)}: a gamma-shaped wave {@code (t−t0)·exp(−(t−t0)/7)} with
 *       t0 = festival + 4 days (peak a week after t0), normalised to sum to 1 over an unbounded horizon, so the part
 *       falling after the period is simply not seen;</li>
 *   <li>travel restrictions {@link #restriction(LocalDate)}: 1 before {@link #RESTRICTIONS}, then a sharp drop to
 *       0.22 until {@link #RECOVERY_START}, then a linear partial recovery to 0.55 on the last day.</li>
 * </ul>
 */
public final class DemoCalendar {
    /** First day of the scenario. */
    public static final LocalDate START = LocalDate.of(2020, 1, 1);
    /** Last day of the scenario (inclusive): 91 days. */
    public static final LocalDate END = LocalDate.of(2020, 3, 31);
    /** The Spring Festival (lunar new year's day, 2020-01-25). */
    public static final LocalDate FESTIVAL = LocalDate.of(2020, 1, 25);
    /** Days of exodus before the festival. */
    public static final int EXODUS_DAYS = 15;
    /** First day of the travel restrictions. */
    public static final LocalDate RESTRICTIONS = LocalDate.of(2020, 1, 24);
    /** From this day travel recovers, linearly, towards {@link #RECOVERED_LEVEL} on {@link #END}. */
    public static final LocalDate RECOVERY_START = LocalDate.of(2020, 2, 10);
    /** Travel level under restrictions, as a fraction of normal. */
    public static final double RESTRICTED_LEVEL = 0.22;
    /** Travel level reached on the last day. */
    public static final double RECOVERED_LEVEL = 0.55;
    static final int RETURN_OFFSET_DAYS = 4;
    static final double RETURN_SCALE_DAYS = 7;
    private static final int EXODUS_PEAK_BEFORE = 5;

    private DemoCalendar() {
    }

    public static Period period() {
        return new Period(START, END);
    }

    /** Weekly rhythm of ordinary travel. */
    public static double weekday(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return switch (d) {
            case FRIDAY -> 1.12;
            case SATURDAY -> 0.80;
            case SUNDAY -> 0.92;
            default -> 1.0;
        };
    }

    /** Share of the festival travellers leaving on {@code day} (sums to 1 over the exodus). */
    public static double exodus(LocalDate day) {
        long before = ChronoUnit.DAYS.between(day, FESTIVAL);
        if (before < 1 || before > EXODUS_DAYS) {
            return 0;
        }
        return triangle(before) / triangleSum();
    }

    private static double triangle(long before) {
        // rises linearly from EXODUS_DAYS days before to the peak, then eases off towards the eve
        double peak = EXODUS_DAYS + 1 - EXODUS_PEAK_BEFORE;
        return before >= EXODUS_PEAK_BEFORE ? EXODUS_DAYS + 1 - before : peak - (EXODUS_PEAK_BEFORE - before);
    }

    private static double triangleSum() {
        double s = 0;
        for (int b = 1; b <= EXODUS_DAYS; b++) {
            s += triangle(b);
        }
        return s;
    }

    /** Share of the festival travellers coming back on {@code day}, before restrictions are applied. */
    public static double returnWave(LocalDate day) {
        double x = ChronoUnit.DAYS.between(FESTIVAL.plusDays(RETURN_OFFSET_DAYS), day);
        if (x <= 0) {
            return 0;
        }
        double theta = RETURN_SCALE_DAYS;
        // discretised gamma(2, θ) density; its sum over x = 1, 2, … is ≈ 1
        return x * StrictMath.exp(-x / theta) / (theta * theta);
    }

    /** Travel level relative to normal (1 = no restrictions). */
    public static double restriction(LocalDate day) {
        if (day.isBefore(RESTRICTIONS)) {
            return 1.0;
        }
        if (day.isBefore(RECOVERY_START)) {
            return RESTRICTED_LEVEL;
        }
        double span = ChronoUnit.DAYS.between(RECOVERY_START, END);
        double t = Math.min(1.0, ChronoUnit.DAYS.between(RECOVERY_START, day) / span);
        return RESTRICTED_LEVEL + t * (RECOVERED_LEVEL - RESTRICTED_LEVEL);
    }
}
