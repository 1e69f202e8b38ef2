package org.citycase.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Working time (工作时/工作日) for time limits: the daily working periods of working days, in the city's local
 * time. A working day is a date that is a make-up workday (调休上班), or else neither a public holiday nor a
 * weekly rest day. Years the definition lists no holidays for follow the weekly rest days only.
 *
 * <p>All amounts are working minutes; instants may carry seconds, which are kept. Every method walks the
 * calendar a day at a time (never a minute at a time), so its cost grows with the number of calendar days
 * covered: a 20-working-day limit looks at about 30 days. Immutable and thread-safe.
 */
public final class WorkingCalendar {

    /** The zone used when none is given: the PRC's. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /** More non-working days in a row than this means the calendar has no working days left at all. */
    static final int MAX_NON_WORKING_DAYS_IN_A_ROW = 3 * 366;

    /** Calculations span at most this many calendar days (a century); longer ones are surely mistakes. */
    static final int MAX_SPAN_DAYS = 100 * 366;

    private final CalendarDefinition definition;
    private final ZoneId zone;
    private final List<WorkingPeriod> periods;
    private final Set<DayOfWeek> restDays;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;

    /**
     * A calendar in {@link #DEFAULT_ZONE}.
     *
     * @param definition periods, rest days, holidays and make-up days; never null
     */
    public WorkingCalendar(CalendarDefinition definition) {
        this(definition, DEFAULT_ZONE);
    }

    /**
     * A calendar whose periods and dates are read in the given zone.
     *
     * @param definition periods, rest days, holidays and make-up days; never null
     * @param zone       the city's zone; never null
     */
    public WorkingCalendar(CalendarDefinition definition, ZoneId zone) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.periods = definition.periods();
        this.restDays = definition.restDays();
        this.holidays = Set.copyOf(definition.holidays().keySet());
        this.workdays = Set.copyOf(definition.workdays().keySet());
    }

    /**
     * The instant at which the given number of working minutes have passed since {@code start}. Counting
     * begins at {@code start} when it is working time, else at the start of the next working period. A limit
     * that runs out exactly at the end of a period ends there (11:00 plus 60 minutes is 12:00, not 14:00).
     * Zero minutes therefore gives {@code start} itself inside a working period and the start of the next
     * working period outside one (12:00 plus 0 minutes is 14:00).
     *
     * @param start   when the limit starts; never null
     * @param minutes working minutes, zero or more
     * @return the instant the limit runs out
     * @throws NullPointerException     if start is null
     * @throws IllegalArgumentException if minutes is negative or the result lies more than a century ahead
     * @throws IllegalStateException    if the calendar has no working day for three years in a row
     */
    public Instant addWorkingMinutes(Instant start, long minutes) {
        Objects.requireNonNull(start, "start");
        if (minutes < 0) {
            throw new IllegalArgumentException("working minutes must not be negative: " + minutes);
        }
        if (minutes > (long) MAX_SPAN_DAYS * 24 * 60) {
            throw new IllegalArgumentException("working minutes beyond a century: " + minutes);
        }

        Duration remaining = Duration.ofMinutes(minutes);
        LocalDate date = localDate(start);
        int nonWorkingInARow = 0;
        for (int day = 0; day < MAX_SPAN_DAYS; day++, date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                nonWorkingInARow = checkNotEndless(nonWorkingInARow, date);
                continue;
            }
            nonWorkingInARow = 0;
            for (WorkingPeriod period : periods) {
                Instant end = at(date, period.end());
                if (!end.isAfter(start)) {
                    continue;
                }
                Instant from = max(start, at(date, period.start()));
                Duration available = Duration.between(from, end);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalArgumentException(minutes + " working minutes from " + start + " reach beyond a century");
    }

    /**
     * The instant at which the given number of working days have passed since {@code start}: the same as
     * {@link #addWorkingMinutes} with {@code days} times {@link #minutesPerWorkingDay()} minutes, so one
     * working day from Tuesday 10:00 is Wednesday 10:00, and one from Friday 10:00 is Monday 10:00.
     *
     * @param start when the limit starts; never null
     * @param days  working days, zero or more
     * @return the instant the limit runs out
     * @throws NullPointerException     if start is null
     * @throws IllegalArgumentException if days is negative
     * @throws IllegalStateException    if the calendar has no working day for three years in a row
     */
    public Instant addWorkingDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + days);
        }
        return addWorkingMinutes(start, days * minutesPerWorkingDay());
    }

    /**
     * The working minutes in {@code [from, to)}, in whole minutes (seconds left over are dropped). It is the
     * inverse of {@link #addWorkingMinutes}: {@code workingMinutesBetween(s, addWorkingMinutes(s, m)) == m}.
     *
     * @param from start of the interval, included; never null
     * @param to   end of the interval, excluded; never null and not before {@code from}
     * @return working minutes, zero when {@code to} equals {@code from}
     * @throws NullPointerException     if from or to is null
     * @throws IllegalArgumentException if to is before from, or they lie more than a century apart
     */
    public long workingMinutesBetween(Instant from, Instant to) {
        return workingTimeBetween(from, to).toMinutes();
    }

    /**
     * The working time in {@code [from, to)}, to the nanosecond; for a limit's share used up (traffic light).
     *
     * @param from start of the interval, included; never null
     * @param to   end of the interval, excluded; never null and not before {@code from}
     * @return working time, {@link Duration#ZERO} when {@code to} equals {@code from}
     * @throws NullPointerException     if from or to is null
     * @throws IllegalArgumentException if to is before from, or they lie more than a century apart
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("interval ends before it starts: " + from + " to " + to);
        }
        LocalDate first = localDate(from);
        LocalDate last = localDate(to);
        if (ChronoUnit.DAYS.between(first, last) > MAX_SPAN_DAYS) {
            throw new IllegalArgumentException("interval longer than a century: " + from + " to " + to);
        }

        Duration total = Duration.ZERO;
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                total = total.plus(workingTimeOn(date, from, to));
            }
        }
        return total;
    }

    /**
     * Whether the local date is a working day: a make-up workday, or neither a public holiday nor a weekly rest
     * day. Dates in years without a holiday list follow the weekly rest days only.
     *
     * @param date a local date in the calendar's zone; never null
     * @throws NullPointerException if date is null
     */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (workdays.contains(date)) {
            return true;
        }
        return !holidays.contains(date) && !restDays.contains(date.getDayOfWeek());
    }

    /**
     * Whether the instant is working time: a working day and inside one of its periods (start included, end
     * excluded, so 12:00 is not working time for 08:00-12:00).
     *
     * @param instant the moment; never null
     * @throws NullPointerException if instant is null
     */
    public boolean isWorkingTime(Instant instant) {
        ZonedDateTime local = Objects.requireNonNull(instant, "instant").atZone(zone);
        if (!isWorkingDay(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return periods.stream().anyMatch(period -> period.contains(time));
    }

    /** The minutes of one working day: the sum of the daily periods, e.g. 480. */
    public long minutesPerWorkingDay() {
        return definition.minutesPerWorkingDay();
    }

    /** The zone periods and dates are read in. */
    public ZoneId zone() {
        return zone;
    }

    /** The definition this calendar was built from. */
    public CalendarDefinition definition() {
        return definition;
    }

    private Duration workingTimeOn(LocalDate date, Instant from, Instant to) {
        Duration total = Duration.ZERO;
        for (WorkingPeriod period : periods) {
            Instant start = max(from, at(date, period.start()));
            Instant end = min(to, at(date, period.end()));
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    private int checkNotEndless(int nonWorkingInARow, LocalDate date) {
        if (nonWorkingInARow >= MAX_NON_WORKING_DAYS_IN_A_ROW) {
            throw new IllegalStateException("the working calendar has no working day between "
                    + date.minusDays(nonWorkingInARow) + " and " + date);
        }
        return nonWorkingInARow + 1;
    }

    private LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
