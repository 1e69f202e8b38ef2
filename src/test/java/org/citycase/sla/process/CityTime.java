package org.citycase.sla.process;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The city's local time in the process tests: "2026-03-10T09:00" means nine in the morning in 示范市. */
final class CityTime {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private CityTime() {
    }

    /** Sets the engine clock to a local time of the city. */
    static void clock(String localTime) {
        ClockUtil.setCurrentTime(at(localTime));
    }

    static Date at(String localTime) {
        return Date.from(instant(localTime));
    }

    static Instant instant(String localTime) {
        return LocalDateTime.parse(localTime).atZone(CITY).toInstant();
    }
}
