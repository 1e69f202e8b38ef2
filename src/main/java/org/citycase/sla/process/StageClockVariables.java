package org.citycase.sla.process;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.citycase.engine.CaseLifecycle.Clock;
import org.citycase.sla.StageClock;
import org.citycase.sla.TimeBasis;

/**
 * Keeps a stage's clock in variables local to its stage subprocess, where the stage's timers and task due dates
 * read them ({@code ${stageWarnAt}}, {@code ${stageDueAt}}), and reads it back from anywhere inside the stage or
 * from the escalation process the stage called.
 *
 * <p>A stage starts with four variables: its id, the two times its timers read, and the clock itself in
 * one text ({@code stageClockState}: basis, start, limit, used minutes, warning ratio). The times it turned
 * yellow and red are added when that happens. Every variable is a row the engine writes and deletes again for
 * each stage of each case; the case file holds the same facts for people to query.
 */
final class StageClockVariables {

    private StageClockVariables() {
    }

    /**
     * Sets a fresh clock on the stage subprocess's own scope, with no warning or overdue yet.
     *
     * @param scope the stage subprocess's execution, as its start listener gets it
     */
    static void start(DelegateExecution scope, StageClock clock, Instant warnAt, Instant dueAt) {
        scope.setVariableLocal(Clock.STATE, write(clock));
        scope.setVariableLocal(Clock.WARN_AT, Date.from(warnAt));
        scope.setVariableLocal(Clock.DUE_AT, Date.from(dueAt));
    }

    /** Changes the limit of the stage the execution is in, as an extension does, with its new times. */
    static void extend(DelegateExecution inside, StageClock clock, Instant warnAt, Instant dueAt) {
        DelegateExecution scope = clockScope(inside);
        scope.setVariableLocal(Clock.STATE, write(clock));
        scope.setVariableLocal(Clock.WARN_AT, Date.from(warnAt));
        scope.setVariableLocal(Clock.DUE_AT, Date.from(dueAt));
    }

    /** Notes when the stage the execution works for turned yellow. */
    static void warned(DelegateExecution execution, Instant at) {
        clockScope(stageExecution(execution)).setVariableLocal(Clock.WARNED_AT, Date.from(at));
    }

    /** Notes when the stage the execution works for turned red, unless it already had. */
    static void overdue(DelegateExecution execution, Instant at) {
        DelegateExecution scope = clockScope(stageExecution(execution));
        if (scope.getVariableLocal(Clock.OVERDUE_AT) == null) {
            scope.setVariableLocal(Clock.OVERDUE_AT, Date.from(at));
        }
    }

    /**
     * The clock of the stage an execution works for.
     *
     * @throws IllegalStateException when the execution is in no stage
     */
    static StageClock read(DelegateExecution execution) {
        String[] state = ((String) clockScope(stageExecution(execution)).getVariableLocal(Clock.STATE)).split(";");
        return new StageClock(TimeBasis.valueOf(state[0]), Instant.parse(state[1]), Long.parseLong(state[2]),
                Long.parseLong(state[3]), Double.parseDouble(state[4]));
    }

    private static String write(StageClock clock) {
        return String.join(";", clock.basis().name(), clock.startedAt().toString(),
                Long.toString(clock.limitMinutes()), Long.toString(clock.usedMinutes()),
                Double.toString(clock.warningRatio()));
    }

    /** The stage an execution works for, e.g. {@code handle}. */
    static String stage(DelegateExecution execution) {
        return (String) stageExecution(execution).getVariable(Clock.STAGE);
    }

    /**
     * The Chinese name of the stage an execution works for: the name of the stage's user task in the case's
     * model, e.g. 签收; the stage's id when the model has no such task. Read from the model, not kept in a
     * variable, so a renamed task shows its new name in the next version.
     */
    static String stageName(DelegateExecution execution) {
        DelegateExecution stageExecution = stageExecution(execution);
        String stage = (String) stageExecution.getVariable(Clock.STAGE);
        if (stage == null) {
            return null;
        }
        ModelElementInstance task = stageExecution.getBpmnModelInstance().getModelElementById(stage);
        return task instanceof UserTask userTask && userTask.getName() != null ? userTask.getName() : stage;
    }

    /** When the stage an execution works for is due. */
    static Instant dueAt(DelegateExecution execution) {
        return ((Date) stageExecution(execution).getVariable(Clock.DUE_AT)).toInstant();
    }

    /**
     * The execution whose variables hold the clock: the execution itself inside a case's process, or the calling
     * execution inside the escalation process, whose own copies of the clock go stale when an extension moves it.
     */
    static DelegateExecution stageExecution(DelegateExecution execution) {
        DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
        return caller != null ? caller : execution;
    }

    /** The stage subprocess's execution that holds the clock of the stage an execution is in. */
    private static DelegateExecution clockScope(DelegateExecution execution) {
        ExecutionEntity scope = (ExecutionEntity) execution;
        while (scope != null && !scope.hasVariableLocal(Clock.DUE_AT)) {
            scope = scope.getParent();
        }
        if (scope == null) {
            throw new IllegalStateException("Activity '" + execution.getCurrentActivityId()
                    + "' is not inside a time-limited stage: no variable " + Clock.DUE_AT);
        }
        return scope;
    }
}
