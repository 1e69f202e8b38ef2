package org.citycase.sla;

import java.util.Objects;

/**
 * The time limit of a stage as the limits table gives it, e.g. 4 {@link LimitUnit#WORKING_HOURS} with a warning at
 * 80 % of it.
 *
 * @param amount       how many units, zero or more
 * @param unit         the unit, which also names the clock; never null
 * @param warningRatio the share of the limit after which the stage turns yellow, above 0 and at most 1
 */
public record StageLimit(long amount, LimitUnit unit, double warningRatio) {

    /** The warning ratio the limits table uses when a rule names none. */
    public static final double DEFAULT_WARNING_RATIO = 0.8;

    /**
     * Checks the limit.
     *
     * @throws NullPointerException     if unit is null
     * @throws IllegalArgumentException if amount is negative or the ratio lies outside (0, 1]
     */
    public StageLimit {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("a time limit cannot be negative: " + amount + " " + unit);
        }
        if (!(warningRatio > 0 && warningRatio <= 1)) {
            throw new IllegalArgumentException("warning ratio must lie above 0 and at most 1: " + warningRatio);
        }
    }

    @Override
    public String toString() {
        return amount + " " + unit + " (warning at " + Math.round(warningRatio * 100) + " %)";
    }
}
