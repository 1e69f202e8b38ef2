package org.citycase;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.citycase.engine.CaseLifecycle.Task;
import org.citycase.engine.CaseLifecycle.Var;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportRequest;

/** Cases taken to a stage through the engine, for tests in the shared Spring context. */
public final class TestCases {

    private TestCases() {
    }

    /**
     * Reports a case and takes it through acceptance, registration and dispatch to the department, where it waits
     * for acknowledgement (签收).
     *
     * @param report a report that needs no verification on site (a supervisor's)
     * @return the case number
     */
    public static String dispatched(IntakeService intake, TaskService tasks, ReportRequest report, String department) {
        String caseNumber = intake.report(report);
        complete(tasks, caseNumber, Task.ACCEPT, Map.of());
        complete(tasks, caseNumber, Task.REGISTER, Map.of(Var.REGISTERED, true));
        complete(tasks, caseNumber, Task.DISPATCH, Map.of(Var.DEPARTMENT, department));
        return caseNumber;
    }

    /** Completes the case's open task of the stage. */
    public static void complete(TaskService tasks, String caseNumber, String taskKey, Map<String, Object> variables) {
        tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey)
                .singleResult().getId(), variables);
    }
}
