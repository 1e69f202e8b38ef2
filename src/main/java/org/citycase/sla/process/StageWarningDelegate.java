package org.citycase.sla.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citycase.sla.StageAlerts;
import org.citycase.sla.StageClocks;
import org.springframework.stereotype.Component;

/** Turns a stage yellow (黄灯预警) when its warning timer fires, and tells the groups working on it. */
@Component("stageWarning")
public class StageWarningDelegate implements JavaDelegate {

    private final StageClocks clocks;
    private final StageAlerts alerts;

    public StageWarningDelegate(StageClocks clocks, StageAlerts alerts) {
        this.clocks = clocks;
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        alerts.warn(execution.getProcessBusinessKey(), StageClockVariables.stage(execution),
                StageClockVariables.stageName(execution), clocks.dueAt(StageClockVariables.read(execution)), now);
        StageClockVariables.warned(execution, now);
    }
}
