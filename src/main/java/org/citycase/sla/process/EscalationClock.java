package org.citycase.sla.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.citycase.engine.StageEscalation.Var;
import org.citycase.sla.StageClocks;
import org.springframework.stereotype.Component;

/**
 * Tells the escalation process about the stage that called it: when its next level falls due, from the stage's
 * live clock, as the due date of its timer ({@code ${escalationClock.nextLevelAt(execution)}}), and the stage's
 * name for the supervision task's form. The engine evaluates the due date again when an extension recalculates
 * the timer, so the next level moves with the stage's limit.
 */
@Component("escalationClock")
public class EscalationClock {

    private final StageClocks clocks;

    public EscalationClock(StageClocks clocks) {
        this.clocks = clocks;
    }

    /**
     * The name of the stage that called the escalation, e.g. 签收, for the supervision task's form:
     * {@code ${escalationClock.stageName(execution)}}.
     */
    public String stageName(DelegateExecution execution) {
        return StageClockVariables.stageName(execution);
    }

    /** When the level after the current {@code escalationLevel} falls due: level n at n times the limit. */
    public Date nextLevelAt(DelegateExecution execution) {
        int level = ((Number) execution.getVariable(Var.LEVEL)).intValue();
        return Date.from(clocks.levelAt(StageClockVariables.read(execution), level + 1));
    }
}
