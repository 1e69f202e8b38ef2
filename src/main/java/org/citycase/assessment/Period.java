package org.citycase.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The time an assessment covers: from the start of its first day to the start of the day after its last, local
 * midnights of the city's time zone.
 *
 * @param label a month {@code 2025-05}, a year {@code 2025}, or a range {@code 2025-05-01..2025-06-30}
 * @param from  the first instant of the period, inclusive
 * @param to    the end of the period, exclusive
 */
public record Period(String label, Instant from, Instant to) {

    public Period {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("A period must end after it starts: " + from + " to " + to);
        }
    }

    /** A calendar month. */
    public static Period month(YearMonth month, ZoneId zone) {
        return new Period(month.toString(), month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }

    /** A calendar year. */
    public static Period year(int year, ZoneId zone) {
        return new Period(String.valueOf(year), LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant(),
                LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant());
    }

    /** The days from {@code first} to {@code last}, both included. */
    public static Period days(LocalDate first, LocalDate last, ZoneId zone) {
        return new Period(first + ".." + last, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * The instant the period is judged at: its end, or {@code now} while it is still running. Facts recorded after
     * it never change the period's figures, so a past month's ranking comes out the same whenever it is computed.
     */
    public Instant until(Instant now) {
        return now.isBefore(to) ? now : to;
    }

    /** Whether the period has not ended at {@code now}, so that its figures may still change. */
    public boolean runningAt(Instant now) {
        return now.isBefore(to);
    }
}
