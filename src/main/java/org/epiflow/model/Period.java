package org.epiflow.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An inclusive range of days.
 *
 * @param start first day
 * @param end   last day (inclusive), not before {@code start}
 */
public record Period(LocalDate start, LocalDate end) {
    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /** Number of days, both ends included. */
    public int days() {
        return Math.toIntExact(ChronoUnit.DAYS.between(start, end) + 1);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    public LocalDate day(int index) {
        return start.plusDays(index);
    }

    @Override
    public String toString() {
        return start + "/" + end;
    }
}
