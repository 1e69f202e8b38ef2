package org.citycase.casefile;

import java.time.Instant;
import java.util.List;

/**
 * A validated report about to become a case. Built by intake after every check has passed.
 *
 * @param gridCode        the unit grid (单元网格) the point lies in, {@code null} outside every grid; likewise
 *                        {@code communityCode} and {@code streetCode}
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
        String streetCode,
        String communityCode,
        String gridCode,
        boolean urgent,
        String reporterContact,
        List<String> photoUrls,
        Instant reportedAt) {
}
