package org.citycase.assessment;

/**
 * One column of an assessment: a count of stage runs or cases, or a percentage of two counts.
 *
 * @param id   the id in JSON and in the weights table, e.g. {@code onTimeHandlingRate}
 * @param name the Chinese column heading, e.g. 按期处置率
 * @param kind whether it is a count or a percentage
 */
public record Indicator(String id, String name, Kind kind) {

    /** Counts are whole numbers; percentages run from 0 to 100 and are {@code null} when nothing was due. */
    public enum Kind {
        COUNT,
        PERCENT
    }

    static Indicator count(String id, String name) {
        return new Indicator(id, name, Kind.COUNT);
    }

    static Indicator percent(String id, String name) {
        return new Indicator(id, name, Kind.PERCENT);
    }
}
