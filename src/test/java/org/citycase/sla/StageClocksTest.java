package org.citycase.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/**
 * Stage clocks on the city's real calendar file (periods 08:00-12:00 and 14:00-18:00, the 2026 holidays), with
 * limits given directly instead of by the decision table. Expected instants are worked out by hand.
 */
class StageClocksTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(
            CalendarFileParser.parse(Path.of("config/calendar/working-calendar.txt")), SHANGHAI);

    private StageLimit limit = new StageLimit(30, LimitUnit.WORKING_MINUTES, 0.8);
    private final StageClocks clocks = new StageClocks(CALENDAR, (stage, category, urgent) -> limit);

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void aWorkingMinuteLimitTurnsYellowAtEightyPercentAndIsDueAtItsEnd() {
        StageClock clock = clocks.start("acknowledge", "E0102", false, at("2026-03-10T09:00"));

        assertThat(clock.basis()).isEqualTo(TimeBasis.WORKING);
        assertThat(clock.limitMinutes()).isEqualTo(30);
        assertThat(clocks.warnAt(clock)).isEqualTo(at("2026-03-10T09:24"));
        assertThat(clocks.dueAt(clock)).isEqualTo(at("2026-03-10T09:30"));
    }

    @Test
    void escalationLevelsFallDueAtWholeMultiplesOfTheLimitInWorkingTime() {
        StageClock clock = clocks.start("acknowledge", "E0102", false, at("2026-03-10T11:40"));

        assertThat(clocks.levelAt(clock, 1)).isEqualTo(at("2026-03-10T14:10"));
        assertThat(clocks.levelAt(clock, 2)).isEqualTo(at("2026-03-10T14:40"));
        assertThat(clocks.levelAt(clock, 3)).isEqualTo(at("2026-03-10T15:10"));
        assertThatThrownBy(() -> clocks.levelAt(clock, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStageStartedAtNightStartsCountingInTheMorning() {
        StageClock clock = clocks.start("acknowledge", "E0102", false, at("2026-03-10T22:15"));

        assertThat(clocks.dueAt(clock)).isEqualTo(at("2026-03-11T08:30"));
    }

    @Test
    void aWorkingDayLimitSpanningAWeekendAndTheNationalDayHolidayRunsToTheNextWorkingDay() {
        limit = new StageLimit(1, LimitUnit.WORKING_DAYS, 0.8);

        StageClock clock = clocks.start("handle", "C0110", false, at("2026-09-30T16:00"));

        assertThat(clock.limitMinutes()).isEqualTo(480);
        assertThat(clocks.warnAt(clock)).isEqualTo(at("2026-10-08T14:24"));
        assertThat(clocks.dueAt(clock)).isEqualTo(at("2026-10-08T16:00"));
    }

    @Test
    void aWorkingHourLimitStartedOnFridayAfternoonFallsDueOnMonday() {
        limit = new StageLimit(4, LimitUnit.WORKING_HOURS, 0.8);

        StageClock clock = clocks.start("handle", "E0102", false, at("2026-03-13T16:00"));

        assertThat(clocks.dueAt(clock)).isEqualTo(at("2026-03-16T10:00"));
    }

    @Test
    void aNaturalLimitCountsNightsAndHolidays() {
        limit = new StageLimit(3, LimitUnit.NATURAL_HOURS, 0.5);

        StageClock clock = clocks.start("handle", "C0101", true, at("2026-10-01T23:00"));

        assertThat(clock.basis()).isEqualTo(TimeBasis.NATURAL);
        assertThat(clocks.warnAt(clock)).isEqualTo(at("2026-10-02T00:30"));
        assertThat(clocks.dueAt(clock)).isEqualTo(at("2026-10-02T02:00"));
        assertThat(clocks.levelAt(clock, 2)).isEqualTo(at("2026-10-02T05:00"));
    }

    @Test
    void anExtensionAddsWholeHoursOfTheStagesOwnClock() {
        limit = new StageLimit(4, LimitUnit.WORKING_HOURS, 0.8);
        StageClock clock = clocks.start("handle", "E0102", false, at("2026-03-10T09:00"));

        StageClock extended = clocks.extend(clock, 2);

        assertThat(extended.limitMinutes()).isEqualTo(360);
        assertThat(clocks.dueAt(extended)).isEqualTo(at("2026-03-10T17:00"));
        assertThat(clocks.warnAt(extended)).isEqualTo(at("2026-03-10T15:48"));
        assertThatThrownBy(() -> clocks.extend(clock, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSuspendedStageResumesWithTheWorkingTimeItHadLeft() {
        limit = new StageLimit(4, LimitUnit.WORKING_HOURS, 0.8);
        StageClock clock = clocks.start("handle", "E0102", false, at("2026-03-10T09:00"));

        PausedClock paused = clocks.pause("handle", clock, at("2026-03-10T10:30"));
        StageClock resumed = clocks.resume(paused, at("2026-03-20T17:00"));

        assertThat(paused.usedMinutes()).isEqualTo(90);
        assertThat(paused.remainingMinutes()).isEqualTo(150);
        assertThat(clocks.dueAt(resumed)).isEqualTo(at("2026-03-23T09:30"));
        assertThat(clocks.warnAt(resumed)).isEqualTo(at("2026-03-23T08:42"));
        assertThat(clocks.usedMinutes(resumed, at("2026-03-23T09:00"))).isEqualTo(210);
    }

    @Test
    void aResumedStageThatHadPassedItsWarningIsYellowAtOnce() {
        StageClock clock = clocks.start("handle", "E0102", false, at("2026-03-10T09:00"));

        StageClock resumed = clocks.resume(clocks.pause("handle", clock, at("2026-03-10T09:27")),
                at("2026-03-11T09:00"));

        assertThat(clocks.warnAt(resumed)).isEqualTo(at("2026-03-11T09:00"));
        assertThat(clocks.dueAt(resumed)).isEqualTo(at("2026-03-11T09:03"));
    }

    @Test
    void aZeroLimitIsDueAtTheStartOfTheNextWorkingPeriod() {
        limit = new StageLimit(0, LimitUnit.WORKING_MINUTES, 0.8);

        StageClock clock = clocks.start("close", null, false, at("2026-03-10T12:30"));

        assertThat(clocks.dueAt(clock)).isEqualTo(at("2026-03-10T14:00"));
    }

    @Test
    void limitsRefuseNegativeAmountsAndWarningRatiosOutsideZeroToOne() {
        assertThatThrownBy(() -> new StageLimit(-1, LimitUnit.WORKING_DAYS, 0.8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StageLimit(1, LimitUnit.WORKING_DAYS, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StageLimit(1, LimitUnit.WORKING_DAYS, 1.2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
