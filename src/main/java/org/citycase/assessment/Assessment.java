package org.citycase.assessment;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The assessment of one level for one period: its columns, the weights used and the units in rank order.
 *
 * @param level          the level id, e.g. {@code department}
 * @param levelName      its Chinese name
 * @param period         the period's label: {@code 2025-05}, {@code 2025} or {@code 2025-05-01..2025-06-30}
 * @param from           the period's first instant (local midnight of the city)
 * @param to             the period's end, exclusive
 * @param until          the instant the period was judged at: its end, or the time of the request while it runs
 * @param provisional    whether the period is still running, so that its figures may change
 * @param indicators     the columns
 * @param weights        the weights of the level's score
 * @param combinedWeights for districts, the weights of the city-wide combination; empty for other levels
 * @param units          the units, best first; units without a score last, by code
 */
public record Assessment(String level, String levelName, String period, OffsetDateTime from, OffsetDateTime to,
                         OffsetDateTime until, boolean provisional, List<Indicator> indicators, List<Weight> weights,
                         List<Weight> combinedWeights, List<AssessedUnit> units) {
}
