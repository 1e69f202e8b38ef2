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
import org.springframework.stereotype.Component;

/**
 * Keeps the case file's stage records in step with the user tasks of a case: a record opens when a
 * task is created and closes when it is completed or deleted. Attached to every user task by
 * {@link StageTrackingPlugin}, so a stage an administrator adds in Modeler is tracked without code.
 */
@Component
public class StageRecorder implements TaskListener {

    static final String COMPLETED = "COMPLETED";
    static final String CANCELLED = "CANCELLED";

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
            case EVENTNAME_CREATE -> cases.stageStarted(caseNumber, task.getTaskDefinitionKey(), task.getName(),
                    task.getId(), candidateGroup(task), now, instant(task.getDueDate()));
            case EVENTNAME_COMPLETE -> cases.stageEnded(task.getId(), actor(task), now, COMPLETED);
            case EVENTNAME_DELETE -> cases.stageEnded(task.getId(), null, now, CANCELLED);
            default -> {
                // assignment and update change nothing in the case file
            }
        }
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
