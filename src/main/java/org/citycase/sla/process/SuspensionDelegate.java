package org.citycase.sla.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citycase.engine.CaseLifecycle.Clock;
import org.citycase.engine.CaseLifecycle.Var;
import org.citycase.sla.PausedClock;
import org.citycase.sla.StageAlerts;
import org.citycase.sla.StageClocks;
import org.springframework.stereotype.Component;

/**
 * Carries out the decision on a request to suspend a case (挂账). An approved suspension stops the stage's clock
 * and keeps what is left of it on the case, for the stage to start with when the case resumes; the case leaves
 * the stage, which ends its timers. A refused one lets handling go on. Either way the department is told.
 */
@Component("suspensionDelegate")
public class SuspensionDelegate implements JavaDelegate {

    private final StageClocks clocks;
    private final StageAlerts alerts;

    public SuspensionDelegate(StageClocks clocks, StageAlerts alerts) {
        this.clocks = clocks;
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approved = Boolean.TRUE.equals(execution.getVariable(Clock.SUSPENSION_APPROVED));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String stage = StageClockVariables.stage(execution);
        PausedClock paused = clocks.pause(stage, StageClockVariables.read(execution), now);
        if (approved) {
            DelegateExecution instance = execution.getProcessInstance();
            instance.setVariable(Clock.PAUSED_STAGE, paused.stage());
            instance.setVariable(Clock.PAUSED_BASIS, paused.basis().name());
            instance.setVariable(Clock.PAUSED_LIMIT_MINUTES, paused.limitMinutes());
            instance.setVariable(Clock.PAUSED_USED_MINUTES, paused.usedMinutes());
            instance.setVariable(Clock.PAUSED_WARNING_RATIO, paused.warningRatio());
        } else {
            execution.removeVariable(Var.OUTCOME);
        }
        alerts.suspensionDecided(execution.getProcessBusinessKey(), stage,
                (String) execution.getVariable(Var.DEPARTMENT_GROUP), approved, paused.remainingMinutes(), now);
    }
}
