package org.citycase.casefile;

import java.time.OffsetDateTime;

/**
 * An open task of a group, with what its group needs to pick the next one without opening it.
 *
 * @param taskId         the engine task to claim and complete (Tasklist or {@code /engine-rest/task/{id}})
 * @param stage          the task's definition key, e.g. {@code handle}
 * @param group          the candidate group the task waits in
 * @param departmentCode the department the case was last dispatched to, {@code null} before the first dispatch
 * @param assignee       who claimed it, {@code null} while nobody has
 * @param dueAt          its due time, {@code null} for a task without a time limit
 * @param light          its traffic light, {@code null} without a time limit
 */
public record InboxItem(
        String taskId,
        String caseNumber,
        String stage,
        String stageName,
        String group,
        String departmentCode,
        String assignee,
        String categoryCode,
        String address,
        String districtCode,
        boolean urgent,
        OffsetDateTime startedAt,
        OffsetDateTime dueAt,
        StageLight light) {
}
