package org.citycase.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestUsers;
import org.citycase.casefile.CaseRepository;
import org.citycase.casefile.StageRecord;
import org.citycase.engine.CaseLifecycle.Task;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportRequest;
import org.citycase.intake.Source;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Two people complete the same task at the same moment: one wins, the other is told, the case stays whole. */
@CitycaseSpringTest
class ConcurrentCompletionTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    IntakeService intake;
    @Autowired
    TaskService tasks;
    @Autowired
    CaseRepository cases;

    @Test
    void secondOfTwoSimultaneousCompletionsGetsAClearConflictAndTheCaseMovesOnce() throws Exception {
        TestUsers.ensure(identity);
        String caseNumber = intake.report(new ReportRequest(Source.SUPERVISOR, "E0102", "同时办理", "东城区人民路8号",
                120.65, 31.35, false, null, List.of()));
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
        TestRestTemplate operator = http.withBasicAuth(TestUsers.OPERATOR, TestUsers.password(TestUsers.OPERATOR));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService people = Executors.newFixedThreadPool(2);
        List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(people.submit((Callable<ResponseEntity<String>>) () -> {
                start.await();
                return complete(operator, taskId);
            }));
        }

        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (Future<ResponseEntity<String>> answer : answers) {
            statuses.add(answer.get().getStatusCode().value());
            bodies.add(String.valueOf(answer.get().getBody()));
        }
        people.shutdown();

        assertThat(statuses).containsOnlyOnce(204);
        int loser = statuses.get(0) == 204 ? 1 : 0;
        assertThat(statuses.get(loser)).as(bodies.get(loser)).isIn(404, 409);
        assertThat(bodies.get(loser)).containsAnyOf("Someone else changed", "Cannot find task", "not found");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(Task.REGISTER)
                .count()).as("the case moved on exactly once").isOne();
        List<StageRecord> stages = cases.stages(caseNumber);
        assertThat(stages).extracting(StageRecord::stage).containsExactly(Task.ACCEPT, Task.REGISTER);
        assertThat(stages.get(0).endedAt()).isNotNull();
    }

    private static ResponseEntity<String> complete(TestRestTemplate client, String taskId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.postForEntity("/engine-rest/task/" + taskId + "/complete", new HttpEntity<>("{}", headers),
                String.class);
    }
}
