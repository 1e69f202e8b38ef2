package org.citycase.sla.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Moves the pending timers of a case after its clock changed, with the engine's own recalculation: each timer's
 * due-date expression is evaluated again against the changed variables, so the timers keep agreeing with the due
 * dates the tasks show. Covers the case's process and the escalation processes it called.
 */
@Component
public class CaseTimers {

    private final ManagementService management;
    private final RuntimeService runtime;

    public CaseTimers(ManagementService management, RuntimeService runtime) {
        this.management = management;
        this.runtime = runtime;
    }

    /**
     * Recalculates every pending timer of a case.
     *
     * @param processInstanceId the case's process instance
     * @return how many timers were recalculated
     */
    public int recalculate(String processInstanceId) {
        List<String> instances = new ArrayList<>();
        instances.add(processInstanceId);
        runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list().stream()
                .map(ProcessInstance::getId).forEach(instances::add);
        int count = 0;
        for (String instance : instances) {
            for (Job timer : management.createJobQuery().processInstanceId(instance).timers().list()) {
                management.recalculateJobDuedate(timer.getId(), false);
                count++;
            }
        }
        return count;
    }
}
