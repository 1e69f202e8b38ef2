package org.citycase.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** The calendar file an administrator edits: the shipped one, and every kind of mistake named by its line. */
class CalendarFileParserTest {

    private static final Path SHIPPED = Path.of("config/calendar/working-calendar.txt");

    private static final String HEADER = """
            # test calendar
            period    08:00-12:00
            period    14:00-18:00
            rest-days saturday sunday
            """;

    private static CalendarDefinition parse(String text) {
        return CalendarFileParser.parse("working-calendar.txt", text.lines().toList());
    }

    private static AbstractThrowableAssert<?, ?> assertThatParsing(String text) {
        return assertThatThrownBy(() -> parse(text)).isInstanceOf(CalendarFileException.class);
    }

    private static int lineOf(Throwable error) {
        return ((CalendarFileException) error).lineNumber();
    }

    @Test
    void theShippedCalendarHasTheDailyPeriodsAndTheWeekend() {
        CalendarDefinition shipped = CalendarFileParser.parse(SHIPPED);

        assertThat(shipped.periods()).containsExactly(
                new WorkingPeriod(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new WorkingPeriod(LocalTime.of(14, 0), LocalTime.of(18, 0)));
        assertThat(shipped.restDays()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(shipped.minutesPerWorkingDay()).isEqualTo(480);
    }

    @Test
    void theShippedCalendarHasTheOfficial2026Arrangement() {
        CalendarDefinition shipped = CalendarFileParser.parse(SHIPPED);

        assertThat(shipped.holidays().keySet().stream().filter(date -> date.getYear() == 2026)).hasSize(33);
        assertThat(shipped.holidays()).containsEntry(LocalDate.parse("2026-01-01"), "元旦")
                .containsEntry(LocalDate.parse("2026-02-15"), "春节")
                .containsEntry(LocalDate.parse("2026-02-23"), "春节")
                .containsEntry(LocalDate.parse("2026-04-06"), "清明节")
                .containsEntry(LocalDate.parse("2026-05-05"), "劳动节")
                .containsEntry(LocalDate.parse("2026-06-19"), "端午节")
                .containsEntry(LocalDate.parse("2026-09-25"), "中秋节")
                .containsEntry(LocalDate.parse("2026-10-07"), "国庆节");
        assertThat(shipped.workdays().keySet().stream().filter(date -> date.getYear() == 2026)).containsExactly(
                LocalDate.parse("2026-01-04"), LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-28"),
                LocalDate.parse("2026-05-09"), LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10"));
    }

    @Test
    void theShippedCalendarListsHolidaysFor2026And2027() {
        assertThat(CalendarFileParser.parse(SHIPPED).holidayYears()).containsExactly(2026, 2027);
    }

    @Test
    void commentsBlankLinesNamesAndAByteOrderMarkAreAccepted() {
        CalendarDefinition definition = CalendarFileParser.parse("working-calendar.txt", List.of(
                "\uFEFF# 工作日历", "", "PERIOD 09:00-17:00   # one period", "rest-days none",
                "holiday 2026-10-01", "holiday 2026-10-02..2026-10-03 国庆 节"));

        assertThat(definition.periods()).hasSize(1);
        assertThat(definition.restDays()).isEmpty();
        assertThat(definition.holidays()).containsEntry(LocalDate.parse("2026-10-01"), "")
                .containsEntry(LocalDate.parse("2026-10-03"), "国庆 节");
    }

    @Test
    void overlappingPeriodsAreNamedWithTheLineOfTheSecond() {
        assertThatParsing("""
                # periods
                period 11:00-13:00
                period 12:00-18:00
                rest-days saturday sunday
                """).hasMessage("working-calendar.txt line 3: periods 11:00-13:00 and 12:00-18:00 overlap");
    }

    @Test
    void periodsOutOfOrderAreRefused() {
        assertThatParsing("""
                period 14:00-18:00
                period 08:00-12:00
                """).hasMessage("working-calendar.txt line 2: period 08:00-12:00 comes after 14:00-18:00 (line 1);"
                + " list periods in order of the day");
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        assertThatParsing("period 12:00-08:00").hasMessage(
                "working-calendar.txt line 1: period 12:00-08:00 does not end after it starts");
    }

    @Test
    void anEmptyPeriodIsRefused() {
        assertThatParsing("\nperiod 08:00-08:00").hasMessage(
                "working-calendar.txt line 2: period 08:00-08:00 does not end after it starts");
    }

    @Test
    void aTimeThatIsNotHoursAndMinutesIsRefused() {
        assertThatParsing("period 8:00-12:00").hasMessage(
                "working-calendar.txt line 1: unknown time '8:00' in period '8:00-12:00', expected HH:mm");
        assertThatParsing("period 08:00-24:00").hasMessageContaining("unknown time '24:00'");
        assertThatParsing("period 08:00 12:00").hasMessage(
                "working-calendar.txt line 1: period '08:00 12:00' is not written as HH:mm-HH:mm");
    }

    @Test
    void aDateInAnotherFormatIsRefused() {
        assertThatParsing(HEADER + "holiday 2026/10/01 国庆节").hasMessage(
                "working-calendar.txt line 5: unknown date '2026/10/01', expected yyyy-MM-dd");
    }

    @Test
    void aDateThatDoesNotExistIsRefused() {
        assertThatParsing(HEADER + "holiday 2026-02-30").hasMessage(
                "working-calendar.txt line 5: unknown date '2026-02-30', expected yyyy-MM-dd");
    }

    @Test
    void aDateThatIsBothAHolidayAndAWorkdayIsRefused() {
        assertThatParsing(HEADER + """
                holiday 2026-10-01..2026-10-07 国庆节
                # 调休
                workday 2026-10-03 国庆节调休上班
                """).hasMessage("working-calendar.txt line 7: 2026-10-03 is both a holiday and a make-up workday"
                + " (see line 5)");
    }

    @Test
    void aHolidayListedTwiceIsRefused() {
        assertThatParsing(HEADER + """
                holiday 2026-09-25..2026-09-27 中秋节
                holiday 2026-09-27..2026-10-07 国庆节
                """).hasMessage("working-calendar.txt line 6: 2026-09-27 is listed as holiday twice, first on line 5");
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefused() {
        assertThatParsing(HEADER + "holiday 2026-10-07..2026-10-01").hasMessage(
                "working-calendar.txt line 5: holiday range 2026-10-07..2026-10-01 ends before it starts");
    }

    @Test
    void aRangeLongerThanAMonthIsTakenForATypo() {
        assertThatParsing(HEADER + "holiday 2026-10-01..2027-10-07").hasMessage(
                "working-calendar.txt line 5: holiday range 2026-10-01..2027-10-07 is longer than 31 days");
    }

    @Test
    void aWorkdayOnAWeekdayIsRefused() {
        assertThatParsing(HEADER + "workday 2026-10-13").hasMessage("working-calendar.txt line 5: workday 2026-10-13"
                + " is a tuesday, which is not a rest day; a make-up workday replaces a rest day");
    }

    @Test
    void anUnknownKeywordIsRefused() {
        assertThatParsing(HEADER + "holliday 2026-10-01").hasMessage("working-calendar.txt line 5: unknown keyword"
                + " 'holliday'; expected period, rest-days, holiday or workday");
    }

    @Test
    void anUnknownDayIsRefused() {
        assertThatParsing("period 08:00-12:00\nrest-days saturday sundy").hasMessage(
                "working-calendar.txt line 2: unknown day 'sundy', expected monday ... sunday or none");
    }

    @Test
    void restDaysGivenTwiceAreRefused() {
        assertThatParsing(HEADER + "rest-days sunday").hasMessage(
                "working-calendar.txt line 5: rest-days is given twice, first on line 4");
    }

    @Test
    void aHolidayWithoutADateIsRefused() {
        assertThatParsing(HEADER + "holiday").satisfies(error -> assertThat(lineOf(error)).isEqualTo(5))
                .hasMessageContaining("holiday needs a date");
    }

    @Test
    void aFileWithoutPeriodsIsRefusedAsAWhole() {
        assertThatParsing("rest-days saturday sunday").hasMessage(
                "working-calendar.txt: no working period; add a line such as 'period 08:00-12:00'")
                .satisfies(error -> assertThat(lineOf(error)).isZero());
    }

    @Test
    void aFileWithoutRestDaysIsRefusedAsAWhole() {
        assertThatParsing("period 08:00-12:00").hasMessage(
                "working-calendar.txt: no rest-days line; add 'rest-days saturday sunday' (or 'rest-days none')");
    }

    @Test
    void aMissingFileIsReportedWithItsPath() {
        assertThatThrownBy(() -> CalendarFileParser.parse(Path.of("config/calendar/no-such-calendar.txt")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("no-such-calendar.txt");
    }
}
