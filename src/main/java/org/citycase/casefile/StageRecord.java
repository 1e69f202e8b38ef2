package org.citycase.casefile;

import java.time.OffsetDateTime;

/**
 * One run of a stage of a case: a user task from creation to completion or cancellation.
 *
 * @param actor  who completed it, {@code null} while open or when it ended without a person
 * @param result {@code COMPLETED}, {@code CANCELLED} (ended by the process, e.g. a cancellation),
 *               or {@code null} while open
 */
public record StageRecord(
        String stage,
        String stageName,
        String candidateGroup,
        String actor,
        OffsetDateTime startedAt,
        OffsetDateTime dueAt,
        OffsetDateTime endedAt,
        String result) {
}
