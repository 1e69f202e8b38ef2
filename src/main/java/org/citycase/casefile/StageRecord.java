package org.citycase.casefile;

import java.time.OffsetDateTime;

/**
 * One run of a stage of a case: a user task from creation to completion or cancellation.
 *
 * @param actor          who completed it, {@code null} while open or when it ended without a person
 * @param dueAt          when the stage is due by its time limit; {@code null} for a task without one (督办, 挂账恢复)
 * @param result         {@code COMPLETED}, {@code CANCELLED} (ended by the process, e.g. a cancellation),
 *                       or {@code null} while open
 * @param departmentCode the department the case was last dispatched to when the stage started, {@code null}
 *                       before the first dispatch
 * @param light          the traffic light: {@code GREEN}, {@code YELLOW} past the warning share of the limit,
 *                       {@code RED} past the limit; {@code null} without a time limit
 * @param warnedAt       when the stage turned yellow, {@code null} if it did not
 * @param overdueAt      when the stage turned red, {@code null} if it did not
 * @param inTime         whether a completed stage ended by its due time; {@code null} while open, when cancelled
 *                       or without a time limit
 */
public record StageRecord(
        String stage,
        String stageName,
        String candidateGroup,
        String actor,
        OffsetDateTime startedAt,
        OffsetDateTime dueAt,
        OffsetDateTime endedAt,
        String result,
        String departmentCode,
        StageLight light,
        OffsetDateTime warnedAt,
        OffsetDateTime overdueAt,
        Boolean inTime) {
}
