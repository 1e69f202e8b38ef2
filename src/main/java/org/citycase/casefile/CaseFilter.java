package org.citycase.casefile;

import java.time.Instant;
import java.util.Set;

/**
 * Criteria for listing cases; every field is optional.
 *
 * @param from        reported at or after this instant
 * @param to          reported before this instant
 * @param departments when not {@code null}, only cases dispatched to one of these departments
 */
public record CaseFilter(CaseStatus status, String categoryCode, String departmentCode, Instant from, Instant to,
                         Set<String> departments) {

    /** Every case, unrestricted. */
    public static CaseFilter all() {
        return new CaseFilter(null, null, null, null, null, null);
    }
}
