package org.citycase.sla.process;

import java.time.Instant;
import java.util.Date;

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
 * The clock of a stage, {@code ${stageClock}}: the stage's timers and task due dates ask it for their times,
 * {@code ${stageClock.warnAt(execution)}} and {@code ${stageClock.dueAt(execution)}}, and it is the start listener
 * of every stage subprocess, {@code <camunda:executionListener event="start" delegateExpression="${stageClock}"/>},
 * with the stage named by the subprocess's input parameter {@code stage}.
 *
 * <p>The clock starts when it is first asked for. The engine sets a subprocess's timers after its input
 * parameters and before its start listeners, so the timers of a stage's event subprocesses start it; the start
 * listener starts it in a stage that has no timers. It starts afresh with the limit of the limits table, or,
 * when the case comes back from suspension (挂账), with the time the stage had left.
 *
 * <p>Cases still running on version 2 of the model or earlier read the times from two variables instead; the
 * start listener sets them for the stages of such models ({@link LegacyStages}).
 *
 * <p>A resumed stage is a new run of the stage: if it had passed its warning share before the suspension it
 * turns yellow again at once, sending a second warning, and if it was overdue its escalation starts again at
 * level 1.
 */
@Component("stageClock")
public class StageClockListener implements ExecutionListener {

    private final StageClocks clocks;
    private final LegacyStages legacyStages = new LegacyStages();

    public StageClockListener(StageClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public void notify(DelegateExecution execution) {
        StageClock clock = clock(execution);
        if (legacyStages.readsTimeVariables(execution)) {
            StageClockVariables.writeLegacyTimes(execution, clocks.warnAt(clock), clocks.dueAt(clock));
        }
    }

    /** When the stage an execution works for turns yellow: the due date of its warning timer. */
    public Date warnAt(DelegateExecution execution) {
        return Date.from(clocks.warnAt(clock(execution)));
    }

    /** When the stage an execution works for is due: the due date of its tasks and of its overdue timer. */
    public Date dueAt(DelegateExecution execution) {
        return Date.from(clocks.dueAt(clock(execution)));
    }

    private StageClock clock(DelegateExecution execution) {
        StageClock clock = StageClockVariables.find(execution);
        if (clock != null) {
            return clock;
        }
        String stage = StageClockVariables.stage(execution);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        PausedClock paused = takePausedClock(execution, stage);
        clock = paused != null ? clocks.resume(paused, now)
                : clocks.start(stage, (String) execution.getVariable(Var.CATEGORY_CODE),
                Boolean.TRUE.equals(execution.getVariable(Var.URGENT)), now);
        StageClockVariables.write(execution, clock);
        return clock;
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
