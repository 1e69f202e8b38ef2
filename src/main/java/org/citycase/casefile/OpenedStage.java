package org.citycase.casefile;

import java.time.Instant;

/**
 * A stage record as its task is created: the task, and what it takes over from its stage and case.
 *
 * @param candidateGroup the task's candidate group, {@code null} when it has none
 * @param assignee       the person it was created for, {@code null} when it waits to be claimed
 * @param dueAt          the task's due date, {@code null} for a task without a time limit
 * @param departmentCode the department the case was last dispatched to, {@code null} before the first dispatch
 * @param light          the light the stage already shows (a task that starts again inside a stage that turned
 *                       yellow is yellow too), {@code null} without a time limit
 * @param warnedAt       when the stage turned yellow, or {@code null}
 * @param overdueAt      when the stage turned red, or {@code null}
 */
public record OpenedStage(
        String caseNumber,
        String stage,
        String stageName,
        String taskId,
        String candidateGroup,
        String assignee,
        Instant startedAt,
        Instant dueAt,
        String departmentCode,
        StageLight light,
        Instant warnedAt,
        Instant overdueAt) {
}
