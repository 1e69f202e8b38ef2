package org.citycase.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a working calendar is made of, as an administrator writes it down: the daily working periods, the
 * weekly rest days, the public holidays and the make-up working days (调休上班). Usually read from the
 * calendar file by {@link CalendarFileParser}. Immutable.
 *
 * @param periods  daily working periods, at least one, in order of the day and not overlapping
 * @param restDays weekly rest days, possibly none
 * @param holidays public holidays, each with its name ("" when unnamed), sorted by date
 * @param workdays make-up working days, each with its name ("" when unnamed), sorted by date; none of them
 *                 is also a holiday
 */
public record CalendarDefinition(List<WorkingPeriod> periods, Set<DayOfWeek> restDays,
                                 SortedMap<LocalDate, String> holidays, SortedMap<LocalDate, String> workdays) {

    /**
     * Copies and checks the parts.
     *
     * @throws NullPointerException     if a part, a period, a day, a date or a name is null
     * @throws IllegalArgumentException if there is no period, periods overlap or are out of order, or a date
     *                                  is both a holiday and a workday
     */
    public CalendarDefinition {
        periods = List.copyOf(periods);
        restDays = restDays.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(restDays));
        holidays = Collections.unmodifiableSortedMap(new TreeMap<>(holidays));
        workdays = Collections.unmodifiableSortedMap(new TreeMap<>(workdays));
        checkPeriods(periods);
        checkNames(holidays);
        checkNames(workdays);
        for (LocalDate date : workdays.keySet()) {
            if (holidays.containsKey(date)) {
                throw new IllegalArgumentException(date + " is both a holiday and a make-up workday");
            }
        }
    }

    /** The length of one working day in minutes: the sum of the periods, e.g. 480 for 08-12 and 14-18. */
    public long minutesPerWorkingDay() {
        return periods.stream().mapToLong(WorkingPeriod::minutes).sum();
    }

    /**
     * The years for which public holidays are listed. Dates in other years follow the weekly rest days only,
     * since their State Council arrangement is not in the calendar.
     */
    public SortedSet<Integer> holidayYears() {
        SortedSet<Integer> years = new TreeSet<>();
        holidays.keySet().forEach(date -> years.add(date.getYear()));
        return Collections.unmodifiableSortedSet(years);
    }

    private static void checkPeriods(List<WorkingPeriod> periods) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs at least one working period");
        }
        for (int i = 1; i < periods.size(); i++) {
            WorkingPeriod before = periods.get(i - 1);
            WorkingPeriod after = periods.get(i);
            if (before.overlaps(after) || after.start().isBefore(before.start())) {
                throw new IllegalArgumentException("periods " + before + " and " + after
                        + " overlap or are out of order");
            }
        }
    }

    private static void checkNames(Map<LocalDate, String> days) {
        days.forEach((date, name) -> Objects.requireNonNull(name, () -> "name of " + date));
    }
}
