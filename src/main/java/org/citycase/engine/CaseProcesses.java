package org.citycase.engine;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts and steers the process of a case; the one place outside the models that calls the engine. */
@Component
public class CaseProcesses {

    private final RuntimeService runtime;

    public CaseProcesses(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /**
     * Starts the case's process with the case number as business key; joins the caller's transaction.
     *
     * @return the process instance id
     */
    public String start(String caseNumber, Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey(CaseLifecycle.PROCESS_KEY, caseNumber, variables).getId();
    }

    /**
     * Cancels (作废) the open process of a case.
     *
     * @return {@code false} when the case has no running process to cancel
     */
    public boolean cancel(String caseNumber, String reason) {
        try {
            runtime.createMessageCorrelation(CaseLifecycle.MESSAGE_CANCEL)
                    .processInstanceBusinessKey(caseNumber)
                    .setVariable(CaseLifecycle.Var.CANCELLATION_REASON, reason)
                    .correlate();
            return true;
        } catch (MismatchingMessageCorrelationException noRunningProcess) {
            return false;
        }
    }
}
