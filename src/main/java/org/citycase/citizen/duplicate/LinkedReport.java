package org.citycase.citizen.duplicate;

import java.time.Instant;

/**
 * A report that joined an existing case instead of opening one.
 *
 * @param reporterContact personal data: stored for call-backs, never logged and never shown publicly
 */
public record LinkedReport(
        String source,
        String categoryCode,
        String description,
        String address,
        double longitude,
        double latitude,
        String gridCode,
        String reporterContact,
        Instant reportedAt) {
}
