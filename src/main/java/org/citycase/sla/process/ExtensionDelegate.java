package org.citycase.sla.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citycase.engine.CaseLifecycle.Clock;
import org.citycase.engine.CaseLifecycle.Var;
import org.citycase.sla.StageAlerts;
import org.citycase.sla.StageClock;
import org.citycase.sla.StageClocks;
import org.springframework.stereotype.Component;

/**
 * Carries out the decision on a request for more time (延期). An approved extension lengthens the stage's limit
 * by the hours granted, and the engine recalculates the stage's pending timers (and those of a running
 * escalation) from the new clock; the stage itself goes on, it is not restarted. Either way the department is
 * told, and the request's answers are cleared so the next handle task starts blank.
 *
 * <p>The stage's clock keeps running while the approver decides, as it does for a suspension request: a late
 * decision counts against the department's stage. A stage that already turned yellow or red stays so after an
 * extension, since the light records what happened; only the timers still pending move.
 */
@Component("extensionDelegate")
public class ExtensionDelegate implements JavaDelegate {

    private final StageClocks clocks;
    private final StageAlerts alerts;
    private final CaseTimers timers;

    public ExtensionDelegate(StageClocks clocks, StageAlerts alerts, CaseTimers timers) {
        this.clocks = clocks;
        this.alerts = alerts;
        this.timers = timers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approved = Boolean.TRUE.equals(execution.getVariable(Clock.EXTENSION_APPROVED));
        long hours = approved ? ExtensionRequestDelegate.ExtensionHours.of(
                execution.getVariable(Clock.EXTENSION_HOURS)) : 0;
        StageClock clock = StageClockVariables.read(execution);
        if (approved) {
            clock = clocks.extend(clock, hours);
            StageClockVariables.write(execution, clock);
            if (StageClockVariables.hasLegacyTimes(execution)) {
                StageClockVariables.writeLegacyTimes(execution, clocks.warnAt(clock), clocks.dueAt(clock));
            }
            timers.recalculate(execution.getProcessInstanceId());
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        alerts.extensionDecided(execution.getProcessBusinessKey(), StageClockVariables.stage(execution),
                StageClockVariables.stageName(execution), (String) execution.getVariable(Var.DEPARTMENT_GROUP),
                approved, hours, clocks.dueAt(clock), now);
        execution.removeVariable(Var.OUTCOME);
        execution.removeVariable(Clock.EXTENSION_APPROVED);
        execution.removeVariable(Clock.EXTENSION_HOURS);
    }
}
