package org.citycase.sla;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the working calendar file that an administrator edits by hand (UTF-8, one entry per line, '#' starts a
 * comment):
 * <pre>
 * period    08:00-12:00                 daily working period, local time, end excluded; in order of the day
 * period    14:00-18:00
 * rest-days saturday sunday             weekly rest days, or "none"; exactly one such line
 * holiday   2026-10-01..2026-10-07 国庆节 public holiday: a date or an inclusive range, then an optional name
 * workday   2026-10-10 国庆节调休上班      make-up working day on a rest day: a date or a range, optional name
 * </pre>
 * Every mistake is reported as a {@link CalendarFileException} naming the line and the offending text.
 */
public final class CalendarFileParser {

    /** Longest holiday or workday range accepted on one line; a longer one is almost always a typo. */
    static final int MAX_RANGE_DAYS = 31;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private final String fileName;
    private final List<WorkingPeriod> periods = new ArrayList<>();
    private final List<Integer> periodLines = new ArrayList<>();
    private Set<DayOfWeek> restDays;
    private int restDaysLine;
    private final Map<LocalDate, String> holidays = new TreeMap<>();
    private final Map<LocalDate, String> workdays = new TreeMap<>();
    private final Map<LocalDate, Integer> dateLines = new HashMap<>();

    private CalendarFileParser(String fileName) {
        this.fileName = fileName;
    }

    /**
     * Reads and checks a calendar file.
     *
     * @param file the file, UTF-8; never null
     * @return the calendar definition
     * @throws CalendarFileException if the content is wrong; the message names the file name and line
     * @throws UncheckedIOException  if the file cannot be read or is not UTF-8
     */
    public static CalendarDefinition parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the working calendar " + file.toAbsolutePath(), e);
        }
        return parse(String.valueOf(file.getFileName()), lines);
    }

    /**
     * Checks calendar lines.
     *
     * @param fileName name shown in error messages, e.g. {@code working-calendar.txt}
     * @param lines    the lines of the file, first line first; never null
     * @return the calendar definition
     * @throws CalendarFileException if the content is wrong; the message names the line
     */
    public static CalendarDefinition parse(String fileName, List<String> lines) {
        CalendarFileParser parser = new CalendarFileParser(fileName);
        for (int i = 0; i < lines.size(); i++) {
            parser.line(i + 1, lines.get(i));
        }
        return parser.definition();
    }

    private void line(int number, String raw) {
        String text = raw.replace("\uFEFF", "");
        int comment = text.indexOf('#');
        if (comment >= 0) {
            text = text.substring(0, comment);
        }
        text = text.strip();
        if (text.isEmpty()) {
            return;
        }

        String[] words = text.split("\\s+", 2);
        String rest = words.length > 1 ? words[1] : "";
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "period" -> period(number, rest);
            case "rest-days" -> restDays(number, rest);
            case "holiday" -> days(number, rest, "holiday", holidays, workdays);
            case "workday" -> days(number, rest, "workday", workdays, holidays);
            default -> throw error(number, "unknown keyword '" + words[0]
                    + "'; expected period, rest-days, holiday or workday");
        }
    }

    private void period(int number, String text) {
        String[] times = text.split("-", -1);
        if (times.length != 2 || text.contains(" ")) {
            throw error(number, "period '" + text + "' is not written as HH:mm-HH:mm");
        }
        LocalTime start = time(number, times[0], text);
        LocalTime end = time(number, times[1], text);
        if (!end.isAfter(start)) {
            throw error(number, "period " + text + " does not end after it starts");
        }

        WorkingPeriod period = new WorkingPeriod(start, end);
        for (WorkingPeriod earlier : periods) {
            if (earlier.overlaps(period)) {
                throw error(number, "periods " + earlier + " and " + period + " overlap");
            }
        }
        if (!periods.isEmpty() && period.start().isBefore(periods.get(periods.size() - 1).start())) {
            WorkingPeriod previous = periods.get(periods.size() - 1);
            throw error(number, "period " + period + " comes after " + previous + " (line "
                    + periodLines.get(periodLines.size() - 1) + "); list periods in order of the day");
        }
        periods.add(period);
        periodLines.add(number);
    }

    private LocalTime time(int number, String text, String period) {
        try {
            return LocalTime.parse(text, TIME);
        } catch (DateTimeParseException e) {
            throw error(number, "unknown time '" + text + "' in period '" + period + "', expected HH:mm");
        }
    }

    private void restDays(int number, String text) {
        if (restDays != null) {
            throw error(number, "rest-days is given twice, first on line " + restDaysLine);
        }
        if (text.isEmpty()) {
            throw error(number, "rest-days lists no day; write the days (saturday sunday) or 'none'");
        }

        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (!text.equalsIgnoreCase("none")) {
            for (String word : text.split("\\s+")) {
                days.add(dayOfWeek(number, word));
            }
        }
        restDays = days;
        restDaysLine = number;
    }

    private DayOfWeek dayOfWeek(int number, String word) {
        try {
            return DayOfWeek.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(number, "unknown day '" + word + "', expected monday ... sunday or none");
        }
    }

    private void days(int number, String text, String kind, Map<LocalDate, String> same,
                      Map<LocalDate, String> other) {
        if (text.isEmpty()) {
            throw error(number, kind + " needs a date (yyyy-MM-dd) or a range (yyyy-MM-dd..yyyy-MM-dd)");
        }
        String[] words = text.split("\\s+", 2);
        String name = words.length > 1 ? words[1] : "";

        for (LocalDate date : range(number, words[0], kind)) {
            Integer earlier = dateLines.get(date);
            if (same.containsKey(date)) {
                throw error(number, date + " is listed as " + kind + " twice, first on line " + earlier);
            }
            if (other.containsKey(date)) {
                throw error(number, date + " is both a holiday and a make-up workday (see line " + earlier + ")");
            }
            same.put(date, name);
            dateLines.put(date, number);
        }
    }

    private List<LocalDate> range(int number, String text, String kind) {
        int dots = text.indexOf("..");
        LocalDate first = date(number, dots < 0 ? text : text.substring(0, dots));
        LocalDate last = dots < 0 ? first : date(number, text.substring(dots + 2));
        if (last.isBefore(first)) {
            throw error(number, kind + " range " + text + " ends before it starts");
        }
        if (first.plusDays(MAX_RANGE_DAYS).isBefore(last.plusDays(1))) {
            throw error(number, kind + " range " + text + " is longer than " + MAX_RANGE_DAYS + " days");
        }
        return first.datesUntil(last.plusDays(1)).toList();
    }

    private LocalDate date(int number, String text) {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw error(number, "unknown date '" + text + "', expected yyyy-MM-dd");
        }
    }

    private CalendarDefinition definition() {
        if (periods.isEmpty()) {
            throw error(0, "no working period; add a line such as 'period 08:00-12:00'");
        }
        if (restDays == null) {
            throw error(0, "no rest-days line; add 'rest-days saturday sunday' (or 'rest-days none')");
        }
        for (LocalDate date : workdays.keySet()) {
            if (!restDays.contains(date.getDayOfWeek())) {
                throw error(dateLines.get(date), "workday " + date + " is a "
                        + date.getDayOfWeek().toString().toLowerCase(Locale.ROOT)
                        + ", which is not a rest day; a make-up workday replaces a rest day");
            }
        }
        return new CalendarDefinition(periods, restDays, new TreeMap<>(holidays), new TreeMap<>(workdays));
    }

    private CalendarFileException error(int number, String problem) {
        return new CalendarFileException(fileName, number, problem);
    }
}
