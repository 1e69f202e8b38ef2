package org.citycase.sla.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.citycase.sla.process.CityTime.at;
import static org.citycase.sla.process.CityTime.clock;
import static org.citycase.sla.process.CityTime.instant;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.citycase.CitycaseSpringTest;
import org.citycase.NoticeTarget;
import org.citycase.TestPoints;
import org.citycase.casefile.CaseNotice;
import org.citycase.casefile.CaseRepository;
import org.citycase.casefile.StageFacts;
import org.citycase.casefile.StageLight;
import org.citycase.casefile.StageRecord;
import org.citycase.engine.CaseLifecycle.Clock;
import org.citycase.engine.CaseLifecycle.Outcome;
import org.citycase.engine.CaseLifecycle.Stage;
import org.citycase.engine.CaseLifecycle.Task;
import org.citycase.engine.CaseLifecycle.Var;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportRequest;
import org.citycase.intake.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The city's message platform goes down while stages fall due. The yellow-light step of a stage, a timer's job,
 * fails on the undelivered warning, is retried on the configured cycle (three tries in all, five minutes apart),
 * then becomes an incident that Cockpit lists through {@code /engine-rest}; once the platform is back, retrying
 * the job there delivers the warning and the case goes on. A person's action is never refused for the outage.
 * The engine clock moves; jobs run when the test executes them.
 */
@CitycaseSpringTest
class NoticeOutageTest {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "test-admin-password-1";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    IntakeService intake;
    @Autowired
    CaseRepository cases;
    @Autowired
    StageFacts facts;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    MeterRegistry meters;

    private final NoticeTarget platform = NoticeTarget.instance();

    @BeforeEach
    void useEngine() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void bringThePlatformAndTheClockBack() {
        platform.comeBack();
        ClockUtil.reset();
    }

    @Test
    void aWarningThePlatformRefusesIsRetriedThenAnIncidentAndGoesOutWhenCockpitRetriesIt() throws Exception {
        ProcessInstance instance = dispatchedAt("2026-03-10T09:00");
        Job warning = warningJob(instance);
        assertThat(warning.getDuedate()).isEqualTo(at("2026-03-10T09:24"));
        platform.goDown();

        clock("2026-03-10T09:24");
        int tries = 0;
        Instant failedAt = instant("2026-03-10T09:24");
        while (management.createJobQuery().jobId(warning.getId()).singleResult().getRetries() > 0) {
            assertThatThrownBy(() -> management.executeJob(warning.getId()))
                    .hasMessageContaining("answered 503")
                    .hasMessageContaining(instance.getBusinessKey());
            tries++;
            Job failed = management.createJobQuery().jobId(warning.getId()).singleResult();
            if (failed.getRetries() > 0) {
                assertThat(failed.getDuedate()).as("the next try, five minutes on")
                        .isEqualTo(Date.from(failedAt.plus(Duration.ofMinutes(5))));
                failedAt = failedAt.plus(Duration.ofMinutes(5));
                ClockUtil.setCurrentTime(Date.from(failedAt));
            }
        }
        assertThat(tries).as("the first run and the retries of R3/PT5M").isEqualTo(3);
        assertThat(stage(instance).light()).as("nothing of the failed step stays").isEqualTo(StageLight.GREEN);
        assertThat(notices(instance)).isEmpty();
        assertThat(instance).isWaitingAt(Task.ACKNOWLEDGE);

        JsonNode incidents = cockpit(HttpMethod.GET, "/engine-rest/incident?processInstanceId=" + instance.getId(),
                null).getBody();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("incidentType").asText()).isEqualTo("failedJob");
        assertThat(incidents.get(0).get("activityId").asText()).isEqualTo(Stage.warningTimer(Task.ACKNOWLEDGE));
        assertThat(incidents.get(0).get("configuration").asText()).isEqualTo(warning.getId());
        assertThat(incidents.get(0).get("incidentMessage").asText()).contains("answered 503");

        platform.comeBack();
        ResponseEntity<JsonNode> retry = cockpit(HttpMethod.PUT, "/engine-rest/job/" + warning.getId() + "/retries",
                Map.of("retries", 1));
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        int deliveredBefore = platform.received().size();
        management.executeJob(warning.getId());

        assertThat(cockpit(HttpMethod.GET, "/engine-rest/incident?processInstanceId=" + instance.getId(), null)
                .getBody()).isEmpty();
        assertThat(stage(instance).light()).isEqualTo(StageLight.YELLOW);
        assertThat(notices(instance)).extracting(CaseNotice::kind).containsExactly("WARNING");
        List<JsonNode> delivered = platform.received().subList(deliveredBefore, platform.received().size()).stream()
                .map(this::read).toList();
        assertThat(delivered).extracting(n -> n.get("caseNumber").asText(), n -> n.get("stage").asText(),
                n -> n.get("kind").asText()).containsExactly(tuple(instance.getBusinessKey(), "acknowledge",
                "WARNING"));
        complete(task(instance));
        assertThat(instance).isWaitingAt(Task.HANDLE);
    }

    @Test
    void anExtensionIsDecidedWhileThePlatformIsDownAndItsNoticeStaysInTheCaseFile() {
        ProcessInstance instance = dispatchedAt("2026-03-10T09:00");
        complete(task(instance));
        assertThat(instance).isWaitingAt(Task.HANDLE);
        double undeliveredBefore = undelivered();
        platform.goDown();

        clock("2026-03-10T10:00");
        complete(task(instance), withVariables(Var.OUTCOME, Outcome.EXTENSION, Clock.EXTENSION_HOURS, 2L,
                Var.FEEDBACK, "需调用大型机械清运"));
        complete(task(instance), withVariables(Clock.EXTENSION_APPROVED, true, Clock.EXTENSION_HOURS, 2L));

        assertThat(instance).isWaitingAt(Task.HANDLE);
        assertThat(notices(instance)).extracting(CaseNotice::kind).containsExactly("EXTENSION_APPROVED");
        assertThat(undelivered() - undeliveredBefore).isEqualTo(1.0);
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).withException().count()).isZero();
    }

    // ---------------------------------------------------------------- steps

    private ProcessInstance dispatchedAt(String localTime) {
        clock(localTime);
        double[] point = TestPoints.east();
        String caseNumber = intake.report(new ReportRequest(Source.SUPERVISOR, "E0102", "路边暴露垃圾无人清运",
                "东城区公园路18号", point[0], point[1], false, null, List.of()));
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult();
        complete(task(instance));
        complete(task(instance), withVariables(Var.REGISTERED, true));
        complete(task(instance), withVariables(Var.DEPARTMENT, "SANITATION-EAST"));
        assertThat(instance).isWaitingAt(Task.ACKNOWLEDGE);
        return instance;
    }

    private Job warningJob(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId())
                .activityId(Stage.warningTimer(Task.ACKNOWLEDGE)).singleResult();
    }

    private StageRecord stage(ProcessInstance instance) {
        List<StageRecord> runs = cases.stages(instance.getBusinessKey()).stream()
                .filter(s -> s.stage().equals(Task.ACKNOWLEDGE)).toList();
        return runs.get(runs.size() - 1);
    }

    private List<CaseNotice> notices(ProcessInstance instance) {
        return facts.notices(instance.getBusinessKey());
    }

    private double undelivered() {
        return meters.counter("citycase.notices.undelivered").count();
    }

    private ResponseEntity<JsonNode> cockpit(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(ADMIN, ADMIN_PASSWORD).exchange(path, method, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
