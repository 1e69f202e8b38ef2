package org.citycase.sla.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citycase.engine.CaseLifecycle.Clock;
import org.citycase.engine.CaseLifecycle.Var;
import org.citycase.sla.StageAlerts;
import org.springframework.stereotype.Component;

/**
 * Resumes a suspended case (挂账恢复): the case file no longer shows it suspended and the department is told.
 * The stopped clock itself waits on the case until its stage starts again and takes it up.
 */
@Component("resumptionDelegate")
public class ResumptionDelegate implements JavaDelegate {

    private final StageAlerts alerts;

    public ResumptionDelegate(StageAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        alerts.resumed(execution.getProcessBusinessKey(), (String) execution.getVariable(Clock.PAUSED_STAGE),
                (String) execution.getVariable(Var.DEPARTMENT_GROUP), ClockUtil.getCurrentTime().toInstant());
        execution.removeVariable(Var.OUTCOME);
    }
}
