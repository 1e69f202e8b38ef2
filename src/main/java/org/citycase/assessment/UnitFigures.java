package org.citycase.assessment;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The indicators of one unit before scoring: counts, and percentages computed from them (unrounded, {@code null}
 * when not applicable).
 *
 * @param code the unit's code: a department or area code, or a user id
 * @param name the Chinese name users see
 */
public record UnitFigures(String code, String name, Map<String, Long> counts, Map<String, BigDecimal> percents) {

    public UnitFigures {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        percents = Collections.unmodifiableMap(new LinkedHashMap<>(percents));
    }

    /** Collects a unit's figures in column order. */
    static final class Builder {

        private final String code;
        private final String name;
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final Map<String, BigDecimal> percents = new LinkedHashMap<>();

        Builder(String code, String name) {
            this.code = code;
            this.name = name;
        }

        Builder count(String id, long value) {
            counts.put(id, value);
            return this;
        }

        /** Adds {@code part / whole} as a percentage, not applicable when {@code whole} is 0. */
        Builder percent(String id, long part, long whole) {
            percents.put(id, Scores.percent(part, whole));
            return this;
        }

        Builder percent(String id, BigDecimal value) {
            percents.put(id, value);
            return this;
        }

        long count(String id) {
            return counts.getOrDefault(id, 0L);
        }

        UnitFigures build() {
            return new UnitFigures(code, name, counts, percents);
        }
    }
}
