package org.citycase.sla.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citycase.engine.CaseLifecycle.Clock;
import org.citycase.engine.CaseLifecycle.Var;
import org.citycase.sla.PausedClock;
import org.citycase.sla.StageClock;
import org.citycase.sla.StageClocks;
import org.citycase.sla.TimeBasis;
import org.springframework.stereotype.Component;

/**
 * Starts the clock of a stage: the start listener of every stage subprocess,
 * {@code <camunda:executionListener event="start" delegateExpression="${stageClock}"/>}, with the stage named by
 * the subprocess's input parameter {@code stage}. The clock starts afresh with the limit of the limits table, or,
 * when the case comes back from suspension (挂账), with the time the stage had left.
 *
 * <p>A start listener runs after the timers of its own activity are set but before anything inside the
 * subprocess starts, so the stage's timers and task due dates, which read the clock, sit inside it.
 *
 * <p>A resumed stage is a new run of the stage: if it had passed its warning share before the suspension it
 * turns yellow again at once, sending a second warning, and if it was overdue its escalation starts again at
 * level 1.
 */
@Component("stageClock")
public class StageClockListener implements ExecutionListener {

    private final StageClocks clocks;

    public StageClockListener(StageClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String stage = (String) execution.getVariableLocal(Clock.STAGE);
        if (stage == null) {
            throw new IllegalStateException("Stage subprocess '" + execution.getCurrentActivityId()
                    + "' has no input parameter '" + Clock.STAGE + "'");
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        PausedClock paused = takePausedClock(execution, stage);
        StageClock clock = paused != null ? clocks.resume(paused, now)
                : clocks.start(stage, (String) execution.getVariable(Var.CATEGORY_CODE),
                Boolean.TRUE.equals(execution.getVariable(Var.URGENT)), now);
        StageClockVariables.start(execution, clock, clocks.warnAt(clock), clocks.dueAt(clock));
    }

    /** The clock the case stopped with when suspended, if it is this stage's; removed once taken. */
    private static PausedClock takePausedClock(DelegateExecution execution, String stage) {
        DelegateExecution instance = execution.getProcessInstance();
        if (!stage.equals(instance.getVariable(Clock.PAUSED_STAGE))) {
            return null;
        }
        PausedClock paused = new PausedClock(stage,
                TimeBasis.valueOf((String) instance.getVariable(Clock.PAUSED_BASIS)),
                ((Number) instance.getVariable(Clock.PAUSED_LIMIT_MINUTES)).longValue(),
                ((Number) instance.getVariable(Clock.PAUSED_USED_MINUTES)).longValue(),
                ((Number) instance.getVariable(Clock.PAUSED_WARNING_RATIO)).doubleValue());
        for (String name : new String[] {Clock.PAUSED_STAGE, Clock.PAUSED_BASIS, Clock.PAUSED_LIMIT_MINUTES,
            Clock.PAUSED_USED_MINUTES, Clock.PAUSED_WARNING_RATIO}) {
            instance.removeVariable(name);
        }
        return paused;
    }
}
