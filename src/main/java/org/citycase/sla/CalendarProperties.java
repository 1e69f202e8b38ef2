package org.citycase.sla;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the working calendar is kept.
 *
 * @param file the calendar file an administrator edits, relative to the working directory
 * @param zone the zone its periods and dates are read in; null means {@code citycase.time-zone}
 */
@ConfigurationProperties("citycase.calendar")
public record CalendarProperties(@DefaultValue("config/calendar/working-calendar.txt") Path file, ZoneId zone) {
}
