package org.citycase.citizen.duplicate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the open case that a new report duplicates: same category, within the category's radius and
 * time window (from {@link DuplicateRules}). An indexed query narrows the search to open cases of the
 * category reported within the window inside a bounding box around the point; the exact great-circle
 * distance then decides, and the nearest case wins.
 *
 * <p>Known limitation: the check takes no lock, so two reports of the same problem that arrive at the
 * same moment can both open a case; the acceptor then marks the second a duplicate by hand.
 */
@Component
public class DuplicateFinder {

    private final JdbcClient jdbc;
    private final DuplicateRules rules;

    public DuplicateFinder(JdbcClient jdbc, DuplicateRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    /**
     * The open case of the category nearest to the point within the rule's radius, reported within the
     * rule's window up to {@code reportedAt}.
     *
     * @return empty when no open case matches, or when the category's rule has a zero radius or window
     */
    public Optional<DuplicateMatch> findOpenCase(String categoryCode, double longitude, double latitude,
                                                 Instant reportedAt) {
        DuplicateRule rule = rules.ruleFor(categoryCode);
        if (rule.radiusMeters() == 0 || rule.window().isZero()) {
            return Optional.empty();
        }
        double dLat = Distances.latitudeDegrees(rule.radiusMeters());
        double dLon = Distances.longitudeDegrees(rule.radiusMeters(), latitude);
        return jdbc.sql("""
                        select id, case_number, longitude, latitude from city_case
                        where category_code = :category and status = 'OPEN'
                            and reported_at >= :since and reported_at <= :until
                            and latitude between :south and :north and longitude between :west and :east""")
                .param("category", categoryCode)
                .param("since", utc(reportedAt.minus(rule.window())))
                .param("until", utc(reportedAt))
                .param("south", latitude - dLat).param("north", latitude + dLat)
                .param("west", longitude - dLon).param("east", longitude + dLon)
                .query((rs, row) -> new DuplicateMatch(rs.getLong("id"), rs.getString("case_number"),
                        Distances.meters(longitude, latitude, rs.getDouble("longitude"), rs.getDouble("latitude"))))
                .list().stream()
                .filter(match -> match.distanceMeters() <= rule.radiusMeters())
                .min(Comparator.comparingDouble(DuplicateMatch::distanceMeters)
                        .thenComparing(DuplicateMatch::caseNumber));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
