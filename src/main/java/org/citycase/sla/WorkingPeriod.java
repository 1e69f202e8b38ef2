package org.citycase.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A daily working period in local time, such as 08:00-12:00: the start is working time, the end is not.
 *
 * @param start first working moment of the period, never null
 * @param end   first moment after the period, never null and after {@code start} on the same day
 */
public record WorkingPeriod(LocalTime start, LocalTime end) {

    /**
     * Checks the period.
     *
     * @throws NullPointerException     if start or end is null
     * @throws IllegalArgumentException if the period ends before or when it starts
     */
    public WorkingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("period " + start + "-" + end + " does not end after it starts");
        }
    }

    /** The length of the period in whole minutes. */
    public long minutes() {
        return Duration.between(start, end).toMinutes();
    }

    /** Whether the local time lies in this period (start included, end excluded); false for null. */
    public boolean contains(LocalTime time) {
        return time != null && !time.isBefore(start) && time.isBefore(end);
    }

    /** Whether the two periods share any moment; periods that only touch (12:00-14:00, 14:00-18:00) do not. */
    public boolean overlaps(WorkingPeriod other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** The period as written in the calendar file, e.g. {@code 08:00-12:00}. */
    @Override
    public String toString() {
        return start + "-" + end;
    }
}
