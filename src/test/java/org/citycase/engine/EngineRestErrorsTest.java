package org.citycase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestCases;
import org.citycase.TestPoints;
import org.citycase.engine.CaseLifecycle.Task;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportRequest;
import org.citycase.intake.Source;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The answer to a refused permission on a task, decided on the real engine. The race it covers, a completion
 * that reads the task just before another person's completion removes it and its permissions, cannot be
 * timed from a test; {@code ConcurrentCompletionTest} runs the race itself and accepts either outcome.
 */
@CitycaseSpringTest
class EngineRestErrorsTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    IntakeService intake;
    @Autowired
    TaskService tasks;

    @Test
    void aRefusedPermissionOnATaskSomeoneElseCompletedIsAConflictAndOnALiveTaskStaysForbidden() {
        double[] point = TestPoints.east();
        String caseNumber = intake.report(new ReportRequest(Source.SUPERVISOR, "E0102", "权限与并发", "东城区人民路9号",
                point[0], point[1], false, null, List.of()));
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
        Predicate<String> taskGone = EngineRestErrors.taskGone(engine);
        AuthorizationException refused = new AuthorizationException("t-operator", List.of(
                new MissingAuthorization("TASK_WORK", "Task", taskId),
                new MissingAuthorization("TASK_WORK", "ProcessDefinition", CaseLifecycle.PROCESS_KEY)));

        Response live = EngineRestErrors.answer(null, refused, taskGone);
        assertThat(live.getStatus()).isEqualTo(403);

        TestCases.complete(tasks, caseNumber, Task.ACCEPT, Map.of());
        Response gone = EngineRestErrors.answer(null, refused, taskGone);
        assertThat(gone.getStatus()).isEqualTo(409);
        assertThat(String.valueOf(gone.getEntity())).contains("Someone else changed this task");

        AuthorizationException notAboutATask = new AuthorizationException("t-operator", List.of(
                new MissingAuthorization("READ", "ProcessDefinition", CaseLifecycle.PROCESS_KEY)));
        assertThat(EngineRestErrors.answer(null, notAboutATask, taskGone).getStatus()).isEqualTo(403);
    }
}
