package org.citycase.sla.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citycase.sla.StageAlerts;
import org.springframework.stereotype.Component;

/** Turns a stage yellow (黄灯预警) when its warning timer fires, and tells the groups working on it. */
@Component("stageWarning")
public class StageWarningDelegate implements JavaDelegate {

    private final StageAlerts alerts;

    public StageWarningDelegate(StageAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        alerts.warn(execution.getProcessBusinessKey(), StageClockVariables.stage(execution),
                StageClockVariables.stageName(execution), StageClockVariables.dueAt(execution), now);
        StageClockVariables.warned(execution, now);
    }
}
