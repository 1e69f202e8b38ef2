package org.citycase.sla.process;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.citycase.engine.CaseLifecycle.Clock;
import org.citycase.sla.StageClock;
import org.citycase.sla.TimeBasis;

/**
 * Keeps a stage's clock in variables local to its stage subprocess, where the stage's timers and task due dates
 * read them ({@code ${stageWarnAt}}, {@code ${stageDueAt}}), and reads it back from anywhere inside the stage or
 * from the escalation process the stage called.
 */
final class StageClockVariables {

    private StageClockVariables() {
    }

    /**
     * Sets a fresh clock on the stage subprocess's own scope, with no warning or overdue yet.
     *
     * @param scope the stage subprocess's execution, as its start listener gets it
     */
    static void start(DelegateExecution scope, StageClock clock, String stageName, Instant warnAt, Instant dueAt) {
        scope.setVariableLocal(Clock.STAGE_NAME, stageName);
        scope.setVariableLocal(Clock.BASIS, clock.basis().name());
        scope.setVariableLocal(Clock.STARTED_AT, Date.from(clock.startedAt()));
        scope.setVariableLocal(Clock.USED_MINUTES, clock.usedMinutes());
        scope.setVariableLocal(Clock.WARNING_RATIO, clock.warningRatio());
        scope.setVariableLocal(Clock.WARNED_AT, null);
        scope.setVariableLocal(Clock.OVERDUE_AT, null);
        scope.setVariableLocal(Clock.LIMIT_MINUTES, clock.limitMinutes());
        scope.setVariableLocal(Clock.WARN_AT, Date.from(warnAt));
        scope.setVariableLocal(Clock.DUE_AT, Date.from(dueAt));
    }

    /** Changes the limit of the stage the execution is in, as an extension does, with its new times. */
    static void extend(DelegateExecution inside, StageClock clock, Instant warnAt, Instant dueAt) {
        requireStage(inside);
        inside.setVariable(Clock.LIMIT_MINUTES, clock.limitMinutes());
        inside.setVariable(Clock.WARN_AT, Date.from(warnAt));
        inside.setVariable(Clock.DUE_AT, Date.from(dueAt));
    }

    /**
     * The clock of the stage an execution works for.
     *
     * @throws IllegalStateException when the execution is in no stage
     */
    static StageClock read(DelegateExecution execution) {
        DelegateExecution stage = stageExecution(execution);
        requireStage(stage);
        return new StageClock(TimeBasis.valueOf((String) stage.getVariable(Clock.BASIS)),
                ((Date) stage.getVariable(Clock.STARTED_AT)).toInstant(),
                ((Number) stage.getVariable(Clock.LIMIT_MINUTES)).longValue(),
                ((Number) stage.getVariable(Clock.USED_MINUTES)).longValue(),
                ((Number) stage.getVariable(Clock.WARNING_RATIO)).doubleValue());
    }

    /** The stage an execution works for, e.g. {@code handle}. */
    static String stage(DelegateExecution execution) {
        return (String) stageExecution(execution).getVariable(Clock.STAGE);
    }

    /** The Chinese name of the stage an execution works for. */
    static String stageName(DelegateExecution execution) {
        return (String) stageExecution(execution).getVariable(Clock.STAGE_NAME);
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

    private static void requireStage(DelegateExecution execution) {
        if (execution.getVariable(Clock.DUE_AT) == null) {
            throw new IllegalStateException("Activity '" + execution.getCurrentActivityId()
                    + "' is not inside a time-limited stage: no variable " + Clock.DUE_AT);
        }
    }
}
