package org.citycase.sla;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SortedSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the working calendar at start-up. A wrong calendar file stops start-up with a message naming the
 * line, since every working-time limit would otherwise be computed wrongly.
 */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    /**
     * The city's working calendar, read from {@code citycase.calendar.file}.
     *
     * @param properties  file and optional zone
     * @param defaultZone the city's zone, used when the calendar names none
     * @throws CalendarFileException if the file content is wrong
     */
    @Bean
    public WorkingCalendar workingCalendar(CalendarProperties properties,
                                           @Value("${citycase.time-zone:Asia/Shanghai}") ZoneId defaultZone) {
        ZoneId zone = properties.zone() != null ? properties.zone() : defaultZone;
        CalendarDefinition definition = CalendarFileParser.parse(properties.file());
        SortedSet<Integer> years = definition.holidayYears();
        log.info("Working calendar {} loaded: {} working minutes a day in {}, public holidays for {}",
                properties.file(), definition.minutesPerWorkingDay(), zone, years);

        int thisYear = LocalDate.now(zone).getYear();
        if (!years.contains(thisYear)) {
            log.warn("Working calendar {} lists no public holidays for {}; until they are added, working time "
                    + "skips the weekly rest days only", properties.file(), thisYear);
        }
        return new WorkingCalendar(definition, zone);
    }
}
