package org.citycase.casefile;

import java.time.OffsetDateTime;

/**
 * One escalation level (督办) reached by a stage of a case.
 *
 * @param departmentCode   the department holding the case then; {@code null} before dispatch
 * @param supervisionGroup the group given a supervision task, {@code null} when the level only told people
 */
public record CaseEscalation(String stage, int escalationLevel, String departmentCode, String supervisionGroup,
                             OffsetDateTime escalatedAt) {
}
