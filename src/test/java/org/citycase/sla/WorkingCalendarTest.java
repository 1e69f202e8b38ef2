package org.citycase.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Working time on a calendar holding the official 2026 arrangement and 元旦 2027, periods 08:00-12:00 and
 * 14:00-18:00, in Asia/Shanghai. Expected instants are worked out by hand from a paper calendar.
 */
class WorkingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final String CALENDAR = """
            period    08:00-12:00
            period    14:00-18:00
            rest-days saturday sunday
            holiday   2026-01-01..2026-01-03  元旦
            workday   2026-01-04              元旦调休上班
            workday   2026-02-14              春节调休上班
            holiday   2026-02-15..2026-02-23  春节
            workday   2026-02-28              春节调休上班
            holiday   2026-04-04..2026-04-06  清明节
            holiday   2026-05-01..2026-05-05  劳动节
            workday   2026-05-09              劳动节调休上班
            holiday   2026-06-19..2026-06-21  端午节
            workday   2026-09-20              国庆节调休上班
            holiday   2026-09-25..2026-09-27  中秋节
            holiday   2026-10-01..2026-10-07  国庆节
            workday   2026-10-10              国庆节调休上班
            holiday   2027-01-01..2027-01-03  元旦
            """;

    private final WorkingCalendar calendar = new WorkingCalendar(definition(CALENDAR), SHANGHAI);

    private static CalendarDefinition definition(String text) {
        return CalendarFileParser.parse("test-calendar.txt", text.lines().toList());
    }

    /** A local date-time in Shanghai, e.g. {@code at("2026-10-09T10:30")}. */
    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Nested
    class AddingWorkingMinutes {

        @Test
        void aLimitWithinOnePeriodEndsTheSameMorning() {
            assertThat(calendar.addWorkingMinutes(at("2026-03-10T09:00"), 90)).isEqualTo(at("2026-03-10T10:30"));
        }

        @Test
        void theLunchBreakDoesNotCount() {
            assertThat(calendar.addWorkingMinutes(at("2026-03-10T11:00"), 120)).isEqualTo(at("2026-03-10T15:00"));
        }

        @Test
        void theNightDoesNotCount() {
            assertThat(calendar.addWorkingMinutes(at("2026-03-10T17:00"), 120)).isEqualTo(at("2026-03-11T09:00"));
        }

        @Test
        void aLimitStartedOnFridayAfternoonRunsOnMonday() {
            assertThat(calendar.addWorkingMinutes(at("2026-03-13T17:30"), 60)).isEqualTo(at("2026-03-16T08:30"));
        }

        @Test
        void theNationalDayHolidayIsSkipped() {
            assertThat(calendar.addWorkingMinutes(at("2026-09-30T16:00"), 240)).isEqualTo(at("2026-10-08T10:00"));
        }

        @Test
        void theMidAutumnHolidayAndTheWeekendAfterItAreSkipped() {
            assertThat(calendar.addWorkingMinutes(at("2026-09-24T17:00"), 120)).isEqualTo(at("2026-09-28T09:00"));
        }

        @Test
        void aMakeUpWorkingSaturdayCounts() {
            assertThat(calendar.addWorkingMinutes(at("2026-10-09T17:00"), 120)).isEqualTo(at("2026-10-10T09:00"));
        }

        @Test
        void aMakeUpWorkingSundayCounts() {
            assertThat(calendar.addWorkingMinutes(at("2026-09-18T17:00"), 120)).isEqualTo(at("2026-09-20T09:00"));
        }

        @Test
        void aLimitOverTheYearEndSkipsNewYearsDay() {
            assertThat(calendar.addWorkingMinutes(at("2026-12-31T17:00"), 120)).isEqualTo(at("2027-01-04T09:00"));
        }

        @Test
        void aStartBeforeEightBeginsCountingAtEight() {
            assertThat(calendar.addWorkingMinutes(at("2026-03-10T06:15"), 30)).isEqualTo(at("2026-03-10T08:30"));
        }

        @Test
        void aStartDuringLunchBeginsCountingAtTwo() {
            assertThat(calendar.addWorkingMinutes(at("2026-03-10T12:30"), 30)).isEqualTo(at("2026-03-10T14:30"));
        }

        @Test
        void aStartAfterSixBeginsCountingTheNextMorning() {
            assertThat(calendar.addWorkingMinutes(at("2026-03-10T19:00"), 30)).isEqualTo(at("2026-03-11T08:30"));
        }

        @Test
        void aStartOnAHolidayBeginsCountingOnTheNextWorkingDay() {
            assertThat(calendar.addWorkingMinutes(at("2026-10-03T10:00"), 30)).isEqualTo(at("2026-10-08T08:30"));
        }

        @Test
        void aStartOnASaturdayBeginsCountingOnMonday() {
            assertThat(calendar.addWorkingMinutes(at("2026-03-14T10:00"), 30)).isEqualTo(at("2026-03-16T08:30"));
        }

        @Test
        void secondsOfTheStartAreKept() {
            assertThat(calendar.addWorkingMinutes(at("2026-03-10T11:59:30"), 1))
                    .isEqualTo(at("2026-03-10T14:00:30"));
        }

        @Test
        void aLimitEndingExactlyAtNoonEndsAtNoonNotAtTwo() {
            assertThat(calendar.addWorkingMinutes(at("2026-03-10T11:00"), 60)).isEqualTo(at("2026-03-10T12:00"));
        }

        @Test
        void aFullMorningFromEightEndsAtNoon() {
            assertThat(calendar.addWorkingMinutes(at("2026-03-10T08:00"), 240)).isEqualTo(at("2026-03-10T12:00"));
        }

        @Test
        void aFullDayFromEightEndsAtSixTheSameDay() {
            assertThat(calendar.addWorkingMinutes(at("2026-03-10T08:00"), 480)).isEqualTo(at("2026-03-10T18:00"));
        }

        @Test
        void oneMinuteMoreThanAFullDayEndsTheNextMorning() {
            assertThat(calendar.addWorkingMinutes(at("2026-03-10T08:00"), 481)).isEqualTo(at("2026-03-11T08:01"));
        }

        @Test
        void aLimitEndingExactlyAtSixOnTheLastDayBeforeAHolidayEndsThen() {
            assertThat(calendar.addWorkingMinutes(at("2026-09-30T14:00"), 240)).isEqualTo(at("2026-09-30T18:00"));
        }

        @Test
        void negativeMinutesAreRefused() {
            assertThatThrownBy(() -> calendar.addWorkingMinutes(at("2026-03-10T09:00"), -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
        }

        @Test
        void aMissingStartIsRefused() {
            assertThatThrownBy(() -> calendar.addWorkingMinutes(null, 10)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class AddingZeroMinutes {

        @Test
        void insideAPeriodGivesTheStartItself() {
            assertThat(calendar.addWorkingMinutes(at("2026-03-10T09:17:23"), 0)).isEqualTo(at("2026-03-10T09:17:23"));
        }

        @Test
        void atTheStartOfAPeriodGivesTheStartItself() {
            assertThat(calendar.addWorkingMinutes(at("2026-03-10T08:00"), 0)).isEqualTo(at("2026-03-10T08:00"));
        }

        @Test
        void atNoonGivesTheStartOfTheAfternoon() {
            assertThat(calendar.addWorkingMinutes(at("2026-03-10T12:00"), 0)).isEqualTo(at("2026-03-10T14:00"));
        }

        @Test
        void atSixGivesTheNextMorning() {
            assertThat(calendar.addWorkingMinutes(at("2026-03-10T18:00"), 0)).isEqualTo(at("2026-03-11T08:00"));
        }

        @Test
        void onAHolidayGivesTheFirstMorningAfterIt() {
            assertThat(calendar.addWorkingMinutes(at("2026-02-18T09:00"), 0)).isEqualTo(at("2026-02-24T08:00"));
        }
    }

    @Nested
    class AddingWorkingDays {

        @Test
        void oneWorkingDayFromTuesdayMorningIsWednesdayMorning() {
            assertThat(calendar.addWorkingDays(at("2026-03-10T10:00"), 1)).isEqualTo(at("2026-03-11T10:00"));
        }

        @Test
        void oneWorkingDayFromFridayMorningIsMondayMorning() {
            assertThat(calendar.addWorkingDays(at("2026-03-13T10:00"), 1)).isEqualTo(at("2026-03-16T10:00"));
        }

        @Test
        void fifteenWorkingDaysOverMidAutumnAndNationalDayEndOnTheMakeUpSaturday() {
            assertThat(calendar.addWorkingDays(at("2026-09-14T10:00"), 15)).isEqualTo(at("2026-10-10T10:00"));
        }

        @Test
        void twentyWorkingDaysOverMidAutumnAndNationalDayEndThreeWeeksAfterTheHoliday() {
            assertThat(calendar.addWorkingDays(at("2026-09-14T10:00"), 20)).isEqualTo(at("2026-10-16T10:00"));
        }

        @Test
        void fiveWorkingDaysOverTheSpringFestivalCountTheMakeUpSaturdayBeforeIt() {
            assertThat(calendar.addWorkingDays(at("2026-02-12T10:00"), 5)).isEqualTo(at("2026-02-26T10:00"));
        }

        @Test
        void zeroWorkingDaysFromInsideAPeriodGiveTheStart() {
            assertThat(calendar.addWorkingDays(at("2026-03-10T10:00"), 0)).isEqualTo(at("2026-03-10T10:00"));
        }

        @Test
        void negativeWorkingDaysAreRefused() {
            assertThatThrownBy(() -> calendar.addWorkingDays(at("2026-03-10T10:00"), -2))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aWorkingDayLastsAsLongAsTheDailyPeriods() {
            assertThat(calendar.minutesPerWorkingDay()).isEqualTo(480);
        }
    }

    @Nested
    class CountingWorkingMinutes {

        @Test
        void overTheNationalDayHolidayOnlyTheDaysAroundItCount() {
            assertThat(calendar.workingMinutesBetween(at("2026-09-30T16:00"), at("2026-10-08T10:00"))).isEqualTo(240);
        }

        @Test
        void aWeekFromMondayToMondayHoldsFiveWorkingDays() {
            assertThat(calendar.workingMinutesBetween(at("2026-03-09T08:00"), at("2026-03-16T08:00")))
                    .isEqualTo(5 * 480);
        }

        @Test
        void aWeekWithAMakeUpSaturdayHoldsSixWorkingDays() {
            assertThat(calendar.workingMinutesBetween(at("2026-05-06T00:00"), at("2026-05-13T00:00")))
                    .isEqualTo(6 * 480);
        }

        @Test
        void theLunchBreakAndTheNightDoNotCount() {
            assertThat(calendar.workingMinutesBetween(at("2026-03-10T11:30"), at("2026-03-11T08:30")))
                    .isEqualTo(30 + 240 + 30);
        }

        @Test
        void anEmptyIntervalHoldsNoMinutes() {
            assertThat(calendar.workingMinutesBetween(at("2026-03-10T09:00"), at("2026-03-10T09:00"))).isZero();
        }

        @Test
        void leftOverSecondsAreDropped() {
            assertThat(calendar.workingMinutesBetween(at("2026-03-10T09:00"), at("2026-03-10T09:01:59"))).isEqualTo(1);
            assertThat(calendar.workingTimeBetween(at("2026-03-10T09:00"), at("2026-03-10T09:01:59")))
                    .isEqualTo(Duration.ofSeconds(119));
        }

        @Test
        void anIntervalThatEndsBeforeItStartsIsRefused() {
            assertThatThrownBy(() -> calendar.workingMinutesBetween(at("2026-03-10T10:00"), at("2026-03-10T09:00")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ends before it starts");
        }

        @Test
        void countingIsTheInverseOfAddingForManyRandomStartsAndLimits() {
            Random random = new Random(20260101L);
            long first = at("2025-12-01T00:00").getEpochSecond();
            long last = at("2027-01-31T00:00").getEpochSecond();

            for (int i = 0; i < 5_000; i++) {
                Instant start = Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)));
                long minutes = random.nextInt(20 * 480 + 1);
                Instant end = calendar.addWorkingMinutes(start, minutes);

                assertThat(calendar.workingMinutesBetween(start, end)).as("from %s plus %d", start, minutes)
                        .isEqualTo(minutes);
                if (minutes > 0) {
                    assertThat(calendar.isWorkingTime(end.minusSeconds(1))).as("from %s plus %d", start, minutes)
                            .isTrue();
                }
            }
        }

        @Test
        void addingAgreesWithCountingMinuteByMinuteForRandomStarts() {
            Random random = new Random(7L);
            long first = at("2026-09-01T00:00").getEpochSecond() / 60;
            List<Long> limits = List.of(0L, 1L, 59L, 240L, 241L, 479L, 480L, 1_000L, 2_500L);

            for (int i = 0; i < 300; i++) {
                Instant start = Instant.ofEpochSecond((first + random.nextInt(120 * 24 * 60)) * 60);
                long minutes = limits.get(random.nextInt(limits.size()));
                assertThat(calendar.addWorkingMinutes(start, minutes)).as("from %s plus %d", start, minutes)
                        .isEqualTo(minuteByMinute(start, minutes));
            }
        }

        /** The slow, obvious way: step a minute at a time, counting the minutes that begin in working time. */
        private Instant minuteByMinute(Instant start, long minutes) {
            Instant now = start;
            while (!calendar.isWorkingTime(now)) {
                now = now.plusSeconds(60);
            }
            for (long counted = 0; counted < minutes; now = now.plusSeconds(60)) {
                if (calendar.isWorkingTime(now)) {
                    counted++;
                }
            }
            return now;
        }
    }

    @Nested
    class WorkingDaysAndTimes {

        @Test
        void anOrdinaryTuesdayIsAWorkingDay() {
            assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-10"))).isTrue();
        }

        @Test
        void anOrdinarySundayIsNot() {
            assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-11"))).isFalse();
        }

        @Test
        void aPublicHolidayOnAWeekdayIsNot() {
            assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
        }

        @Test
        void aMakeUpSaturdayIs() {
            assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        }

        @Test
        void periodsIncludeTheirStartAndExcludeTheirEnd() {
            assertThat(calendar.isWorkingTime(at("2026-03-10T07:59:59"))).isFalse();
            assertThat(calendar.isWorkingTime(at("2026-03-10T08:00"))).isTrue();
            assertThat(calendar.isWorkingTime(at("2026-03-10T11:59:59"))).isTrue();
            assertThat(calendar.isWorkingTime(at("2026-03-10T12:00"))).isFalse();
            assertThat(calendar.isWorkingTime(at("2026-03-10T14:00"))).isTrue();
            assertThat(calendar.isWorkingTime(at("2026-03-10T18:00"))).isFalse();
        }

        @Test
        void holidayMorningsAreNotWorkingTimeButMakeUpSaturdayMorningsAre() {
            assertThat(calendar.isWorkingTime(at("2026-10-05T10:00"))).isFalse();
            assertThat(calendar.isWorkingTime(at("2026-10-10T10:00"))).isTrue();
        }

        @Test
        void periodsAreReadInTheCalendarsZone() {
            WorkingCalendar utc = new WorkingCalendar(definition(CALENDAR), ZoneOffset.UTC);

            assertThat(utc.isWorkingTime(Instant.parse("2026-03-10T08:00:00Z"))).isTrue();
            assertThat(utc.addWorkingMinutes(Instant.parse("2026-03-10T11:00:00Z"), 90))
                    .isEqualTo(Instant.parse("2026-03-10T14:30:00Z"));
        }

        @Test
        void theDefaultZoneIsShanghai() {
            assertThat(new WorkingCalendar(definition(CALENDAR)).zone()).isEqualTo(SHANGHAI);
        }
    }

    @Nested
    class YearsWithoutAHolidayList {

        @Test
        void followTheWeeklyRestDaysOnly() {
            assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-01"))).isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.parse("2028-01-01"))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.parse("2028-10-02"))).isTrue();
        }

        @Test
        void countWeekdaysAsWorkingTime() {
            assertThat(calendar.addWorkingMinutes(at("2025-09-30T17:00"), 120)).isEqualTo(at("2025-10-01T09:00"));
        }

        @Test
        void stillSkipWeekends() {
            assertThat(calendar.addWorkingDays(at("2028-09-29T10:00"), 1)).isEqualTo(at("2028-10-02T10:00"));
        }
    }

    @Test
    void aCalendarWithoutAnyWorkingDayFailsInsteadOfLoopingForever() {
        WorkingCalendar never = new WorkingCalendar(definition("""
                period 08:00-12:00
                rest-days monday tuesday wednesday thursday friday saturday sunday
                """), SHANGHAI);

        assertThatThrownBy(() -> never.addWorkingMinutes(at("2026-03-10T09:00"), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no working day between 2026-03-10 and");
    }
}
