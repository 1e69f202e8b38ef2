package org.citycase.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.springframework.stereotype.Service;

/**
 * Starts, stops, extends and reads stage clocks: when a stage is due, when it turns yellow, and when each level of
 * escalation (督办) falls due. Limits come from the limits table; working time comes from the working calendar, so
 * a limit of 4 working hours started on Friday at 17:00 falls due on Monday at 11:00.
 */
@Service
public class StageClocks {

    private final WorkingCalendar calendar;
    private final StageLimitTable limits;

    public StageClocks(WorkingCalendar calendar, StageLimitTable limits) {
        this.calendar = calendar;
        this.limits = limits;
    }

    /**
     * Starts the clock of a stage afresh with the limit the table gives.
     *
     * @param stage        e.g. {@code acknowledge}; never null
     * @param categoryCode the case's category; may be null
     * @param urgent       whether the case is urgent, which the table usually puts on the natural clock
     * @param now          when the stage starts; never null
     * @throws IllegalStateException when the table has no rule for the stage
     */
    public StageClock start(String stage, String categoryCode, boolean urgent, Instant now) {
        StageLimit limit = limits.limitOf(Objects.requireNonNull(stage, "stage"), categoryCode, urgent);
        long minutes = Math.multiplyExact(limit.amount(), limit.unit().minutes(calendar.minutesPerWorkingDay()));
        return new StageClock(limit.unit().basis(), now, minutes, 0, limit.warningRatio());
    }

    /**
     * Stops a clock, as when its case is suspended (挂账).
     *
     * @param now when the clock stops; not before the clock started
     */
    public PausedClock pause(String stage, StageClock clock, Instant now) {
        return new PausedClock(stage, clock.basis(), clock.limitMinutes(), usedMinutes(clock, now),
                clock.warningRatio());
    }

    /** Starts a stopped clock again at {@code now}, with the time it had left. */
    public StageClock resume(PausedClock paused, Instant now) {
        return new StageClock(paused.basis(), now, paused.limitMinutes(), paused.usedMinutes(),
                paused.warningRatio());
    }

    /**
     * Lengthens a clock's limit by whole hours of its own clock: working hours on the working clock, natural hours
     * on the natural one.
     *
     * @param hours one or more
     * @throws IllegalArgumentException if hours is below one
     */
    public StageClock extend(StageClock clock, long hours) {
        if (hours < 1) {
            throw new IllegalArgumentException("an extension is at least one hour: " + hours);
        }
        return clock.extendedBy(Math.multiplyExact(hours, 60));
    }

    /** When the stage is due: its whole limit used. */
    public Instant dueAt(StageClock clock) {
        return levelAt(clock, 1);
    }

    /**
     * When the stage turns yellow: the warning share of its limit used, in whole minutes rounded down. A resumed
     * clock that had already passed that share turns yellow as soon as it starts again.
     */
    public Instant warnAt(StageClock clock) {
        long warning = (long) Math.floor(clock.limitMinutes() * clock.warningRatio());
        return after(clock, warning);
    }

    /**
     * When an escalation level falls due: level 1 at the limit, level 2 at twice the limit, and so on.
     *
     * @param level one or more
     * @throws IllegalArgumentException if level is below one
     */
    public Instant levelAt(StageClock clock, int level) {
        if (level < 1) {
            throw new IllegalArgumentException("escalation levels start at 1: " + level);
        }
        return after(clock, Math.multiplyExact(clock.limitMinutes(), (long) level));
    }

    /**
     * Minutes of the limit used at {@code now}, including what an earlier run used.
     *
     * @param now not before the clock started
     */
    public long usedMinutes(StageClock clock, Instant now) {
        return clock.usedMinutes() + between(clock.basis(), clock.startedAt(), now);
    }

    private Instant after(StageClock clock, long minutesOfLimit) {
        long fromStart = Math.max(0, minutesOfLimit - clock.usedMinutes());
        return switch (clock.basis()) {
            case WORKING -> calendar.addWorkingMinutes(clock.startedAt(), fromStart);
            case NATURAL -> clock.startedAt().plus(Duration.ofMinutes(fromStart));
        };
    }

    private long between(TimeBasis basis, Instant from, Instant to) {
        return switch (basis) {
            case WORKING -> calendar.workingMinutesBetween(from, to);
            case NATURAL -> Duration.between(from, to).toMinutes();
        };
    }
}
