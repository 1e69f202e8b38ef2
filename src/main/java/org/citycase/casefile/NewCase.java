package org.citycase.casefile;

import java.time.Instant;
import java.util.List;

/**
 * A validated report about to become a case. Built by intake after every check has passed.
 *
 * @param reporterContact personal data: stored for call-backs, never logged and never shown publicly
 */
public record NewCase(
        String caseNumber,
        String source,
        String categoryCode,
        String description,
        String address,
        double longitude,
        double latitude,
        String districtCode,
        boolean urgent,
        String reporterContact,
        List<String> photoUrls,
        Instant reportedAt) {
}
