package org.citycase.sla;

import java.time.Instant;
import java.util.Objects;

/**
 * The clock of one run of a stage: when it started counting, how long the stage may take and how much of that an
 * earlier run used. Minutes are those of the clock's {@link TimeBasis}: working minutes on the working clock,
 * plain minutes on the natural clock. {@link StageClocks} turns it into instants.
 *
 * @param basis        working or natural time; never null
 * @param startedAt    when this run started counting; never null
 * @param limitMinutes the stage's whole limit, extensions included, zero or more
 * @param usedMinutes  minutes of the limit an earlier run used before the case was suspended (挂账); 0 for a
 *                     stage that starts afresh; may exceed the limit when the earlier run was already overdue
 * @param warningRatio the share of the limit after which the stage turns yellow, above 0 and at most 1
 */
public record StageClock(TimeBasis basis, Instant startedAt, long limitMinutes, long usedMinutes,
                         double warningRatio) {

    /**
     * Checks the clock.
     *
     * @throws NullPointerException     if basis or startedAt is null
     * @throws IllegalArgumentException if a number of minutes is negative or the ratio lies outside (0, 1]
     */
    public StageClock {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(startedAt, "startedAt");
        if (limitMinutes < 0 || usedMinutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative: limit " + limitMinutes + ", used "
                    + usedMinutes);
        }
        if (!(warningRatio > 0 && warningRatio <= 1)) {
            throw new IllegalArgumentException("warning ratio must lie above 0 and at most 1: " + warningRatio);
        }
    }

    /** The same clock with a longer limit, as after an approved extension (延期). */
    public StageClock extendedBy(long minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("an extension cannot be negative: " + minutes);
        }
        return new StageClock(basis, startedAt, limitMinutes + minutes, usedMinutes, warningRatio);
    }
}
