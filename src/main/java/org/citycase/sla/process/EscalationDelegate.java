package org.citycase.sla.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citycase.engine.CaseLifecycle;
import org.citycase.engine.StageEscalation.Var;
import org.citycase.sla.EscalationRule;
import org.citycase.sla.StageAlerts;
import org.springframework.stereotype.Component;

/**
 * Records one escalation level (督办) of an overdue stage, as the decision table {@code escalation} decided it:
 * the stage turns red, the level goes into the case file and the groups the table names are told. Runs in the
 * escalation process that the stage called.
 */
@Component("escalationDelegate")
public class EscalationDelegate implements JavaDelegate {

    private final StageAlerts alerts;

    public EscalationDelegate(StageAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        DelegateExecution stage = StageClockVariables.stageExecution(execution);
        EscalationRule rule = EscalationRule.of((String) execution.getVariable(Var.NOTIFY_GROUPS),
                (String) execution.getVariable(Var.SUPERVISION_GROUP),
                Boolean.TRUE.equals(execution.getVariable(Var.ESCALATE_FURTHER)));
        alerts.escalate(execution.getProcessBusinessKey(), StageClockVariables.stage(execution),
                StageClockVariables.stageName(execution), ((Number) execution.getVariable(Var.LEVEL)).intValue(),
                rule, (String) stage.getVariable(CaseLifecycle.Var.DEPARTMENT), now);
        StageClockVariables.overdue(execution, now);
    }
}
