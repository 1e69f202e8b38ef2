package org.citycase.casefile;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case as staff see it: what was reported, where it stands, and counts of returns and reworks.
 * The reporter's contact is deliberately not part of it.
 *
 * @param gridCode the unit grid (单元网格) of the case's point, {@code null} outside every grid; likewise
 *                 {@code communityCode} and {@code streetCode}
 * @param stage    the task definition key of the stage the case waits in, {@code null} once ended
 */
public record CaseFile(
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
        CaseStatus status,
        String stage,
        String departmentCode,
        int returnCount,
        int reworkCount,
        String endReason,
        OffsetDateTime reportedAt,
        OffsetDateTime endedAt,
        String processInstanceId,
        List<String> photoUrls) {

    /** The same case with the given photo links. */
    CaseFile withPhotoUrls(List<String> urls) {
        return new CaseFile(caseNumber, source, categoryCode, description, address, longitude, latitude,
                districtCode, streetCode, communityCode, gridCode, urgent, status, stage, departmentCode,
                returnCount, reworkCount, endReason, reportedAt, endedAt, processInstanceId, List.copyOf(urls));
    }
}
