package org.citycase.citizen.duplicate;

import java.time.Duration;

/**
 * When a new report of a category is a duplicate of an open case: the open case lies within the radius
 * and was reported within the window before the new report.
 *
 * @param radiusMeters greatest distance between the two points, in metres, inclusive
 * @param window       how far back the open case may have been reported
 */
public record DuplicateRule(int radiusMeters, Duration window) {

    public DuplicateRule {
        if (radiusMeters < 0 || window.isNegative()) {
            throw new IllegalArgumentException("A duplicate rule needs a radius and a window of zero or more");
        }
    }
}
