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
 * Keeps a stage's clock in a variable local to its stage subprocess, and reads it back from anywhere inside the
 * stage or from the escalation process the stage called. The stage subprocess is the execution that has the
 * input parameter {@code stage}.
 *
 * <p>A stage runs with two variables: its id and the clock in one text ({@code stageClockState}: basis, start,
 * limit, used minutes, warning ratio). The times its timers and tasks use are worked out from that text when
 * they are asked for ({@link StageClockListener}), so an extension changes one variable and the engine's
 * recalculation of the timers finds the new times. The times it turned yellow and red are added when that
 * happens. Every variable is a row the engine writes and deletes again for each stage of each case; the case
 * file holds the same facts for people to query.
 */
final class StageClockVariables {

    private StageClockVariables() {
    }

    /**
     * The clock of the stage an execution works for, or null when the stage has not started its clock yet.
     *
     * @throws IllegalStateException when the execution is in no stage
     */
    static StageClock find(DelegateExecution execution) {
        String state = (String) stageScope(execution).getVariableLocal(Clock.STATE);
        if (state == null) {
            return null;
        }
        String[] parts = state.split(";");
        return new StageClock(TimeBasis.valueOf(parts[0]), Instant.parse(parts[1]), Long.parseLong(parts[2]),
                Long.parseLong(parts[3]), Double.parseDouble(parts[4]));
    }

    /**
     * The clock of the stage an execution works for.
     *
     * @throws IllegalStateException when the execution is in no stage, or its stage has no clock
     */
    static StageClock read(DelegateExecution execution) {
        StageClock clock = find(execution);
        if (clock == null) {
            throw new IllegalStateException("The stage of activity '" + execution.getCurrentActivityId()
                    + "' has not started its clock");
        }
        return clock;
    }

    /** Sets the clock of the stage the execution is in: a fresh one, or the clock an extension changed. */
    static void write(DelegateExecution inside, StageClock clock) {
        stageScope(inside).setVariableLocal(Clock.STATE, String.join(";", clock.basis().name(),
                clock.startedAt().toString(), Long.toString(clock.limitMinutes()), Long.toString(clock.usedMinutes()),
                Double.toString(clock.warningRatio())));
    }

    /**
     * Sets the two times a stage of version 2 of the model or earlier reads, {@code ${stageWarnAt}} and
     * {@code ${stageDueAt}}.
     */
    static void writeLegacyTimes(DelegateExecution inside, Instant warnAt, Instant dueAt) {
        DelegateExecution scope = stageScope(inside);
        scope.setVariableLocal(Clock.LEGACY_WARN_AT, Date.from(warnAt));
        scope.setVariableLocal(Clock.LEGACY_DUE_AT, Date.from(dueAt));
    }

    /** Whether the stage the execution works for keeps its times in variables, as version 2 and earlier did. */
    static boolean hasLegacyTimes(DelegateExecution inside) {
        return stageScope(inside).hasVariableLocal(Clock.LEGACY_DUE_AT);
    }

    /** Notes when the stage the execution works for turned yellow. */
    static void warned(DelegateExecution execution, Instant at) {
        stageScope(execution).setVariableLocal(Clock.WARNED_AT, Date.from(at));
    }

    /** Notes when the stage the execution works for turned red, unless it already had. */
    static void overdue(DelegateExecution execution, Instant at) {
        DelegateExecution scope = stageScope(execution);
        if (scope.getVariableLocal(Clock.OVERDUE_AT) == null) {
            scope.setVariableLocal(Clock.OVERDUE_AT, Date.from(at));
        }
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

    /**
     * The execution whose variables hold the clock: the execution itself inside a case's process, or the calling
     * execution inside the escalation process, whose own copies of the clock go stale when an extension moves it.
     */
    static DelegateExecution stageExecution(DelegateExecution execution) {
        DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
        return caller != null ? caller : execution;
    }

    /**
     * The execution of the stage subprocess an execution works for: the nearest one, the execution itself or a
     * parent, with the input parameter {@code stage}.
     *
     * @throws IllegalStateException when there is none
     */
    static DelegateExecution stageScope(DelegateExecution execution) {
        ExecutionEntity scope = (ExecutionEntity) stageExecution(execution);
        while (scope != null && !scope.hasVariableLocal(Clock.STAGE)) {
            scope = scope.getParent();
        }
        if (scope == null) {
            throw new IllegalStateException("Activity '" + execution.getCurrentActivityId()
                    + "' is not inside a time-limited stage: no input parameter '" + Clock.STAGE + "'");
        }
        return scope;
    }
}
