package org.citycase.casefile;

import java.time.Instant;

/**
 * Criteria for listing cases; every field is optional.
 *
 * @param from reported at or after this instant
 * @param to   reported before this instant
 */
public record CaseFilter(CaseStatus status, String categoryCode, String departmentCode, Instant from, Instant to) {
}
