package org.citycase.casefile.process;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.citycase.casefile.CaseRepository;
import org.citycase.casefile.OpenedStage;
import org.citycase.casefile.StageLight;
import org.citycase.engine.CaseLifecycle.Clock;
import org.citycase.engine.CaseLifecycle.Var;
import org.springframework.stereotype.Component;

/**
 * Keeps the case file's stage records in step with the user tasks of a case: a record opens when a
 * task is created, follows who claims it, and closes when it is completed or deleted. Attached to every
 * user task by {@link StageTrackingPlugin}, so a stage an administrator adds in Modeler is tracked without
 * code.
 *
 * <p>A record also keeps the task's due date, the department the case was last dispatched to and the
 * stage's traffic light, which a task inherits from its stage (a handle task that starts again after an
 * extension request in a stage that turned yellow is yellow too); a completed record is judged in time or
 * late. Tasks of a process the case called (督办 in the escalation process) are recorded without becoming
 * the case's stage.
 */
@Component
public class StageRecorder implements TaskListener {

    private final CaseRepository cases;

    public StageRecorder(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        String caseNumber = caseNumber(task.getExecution());
        if (caseNumber == null) {
            return;
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> started(task, caseNumber, now);
            case EVENTNAME_COMPLETE -> cases.stageCompleted(task.getId(), actor(task), now);
            case EVENTNAME_DELETE -> cases.stageCancelled(task.getId(), now);
            case EVENTNAME_ASSIGNMENT -> cases.stageAssigned(task.getId(), task.getAssignee());
            default -> {
                // an update changes nothing in the case file
            }
        }
    }

    private void started(DelegateTask task, String caseNumber, Instant now) {
        DelegateExecution execution = task.getExecution();
        boolean caseProcess = execution.getProcessInstance().getSuperExecution() == null;
        Instant warnedAt = instant((Date) execution.getVariable(Clock.WARNED_AT));
        Instant overdueAt = instant((Date) execution.getVariable(Clock.OVERDUE_AT));
        StageLight light = task.getDueDate() == null ? null
                : overdueAt != null ? StageLight.RED : warnedAt != null ? StageLight.YELLOW : StageLight.GREEN;
        cases.stageStarted(new OpenedStage(caseNumber, task.getTaskDefinitionKey(), task.getName(), task.getId(),
                candidateGroup(task), task.getAssignee(), now, instant(task.getDueDate()), dispatchedTo(execution),
                light, light == null ? null : warnedAt, light == null ? null : overdueAt), caseProcess);
    }

    /**
     * The department the case was last dispatched to, null before the first dispatch: until then the variable
     * {@code department} holds only the routing table's proposal.
     */
    private static String dispatchedTo(DelegateExecution execution) {
        return execution.getVariable(Var.DEPARTMENT_GROUP) == null ? null
                : (String) execution.getVariable(Var.DEPARTMENT);
    }

    static String caseNumber(DelegateExecution execution) {
        return execution == null ? null : execution.getProcessBusinessKey();
    }

    private static String candidateGroup(DelegateTask task) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .sorted()
                .findFirst()
                .orElse(null);
    }

    /** The assignee, or else the user who completed the task through the API without claiming it. */
    private static String actor(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null ? null : current.getUserId();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
