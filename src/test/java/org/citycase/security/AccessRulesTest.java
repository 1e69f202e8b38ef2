package org.citycase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestCases;
import org.citycase.TestPoints;
import org.citycase.TestUsers;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportRequest;
import org.citycase.intake.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Each access rule both ways: allowed, refused without login (401), refused for the role (403). */
@CitycaseSpringTest
class AccessRulesTest {

    private static final String REPORT = """
            {"source":"HOTLINE","categoryCode":"E0102","description":"路边垃圾","address":"东城区人民路9号",
             "longitude":120.65,"latitude":31.35}""";

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    IntakeService intake;
    @Autowired
    TaskService tasks;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void users() {
        TestUsers.ensure(identity);
    }

    @Test
    void apiNeedsALogin() {
        assertThat(http.getForEntity("/api/cases", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("nobody", "wrong").getForEntity("/api/cases", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as(TestUsers.LEADER).getForEntity("/api/cases", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void wrongPasswordIsRefusedAndLocksTheUserForAWhile() {
        User user = identity.newUser("t-forgetful");
        user.setPassword("pw-t-forgetful");
        identity.saveUser(user);

        assertThat(http.withBasicAuth("t-forgetful", "wrong").getForEntity("/api/cases", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("t-forgetful", "pw-t-forgetful").getForEntity("/api/cases", String.class)
                .getStatusCode()).as("locked right after a failed attempt").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void reportsComeFromSupervisorsAndOperatorsNotFromDepartments() {
        assertThat(post(as(TestUsers.OPERATOR), "/api/reports", freshReport()).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(as(TestUsers.SUPERVISOR), "/api/reports", freshReport()).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(as(TestUsers.ROADS), "/api/reports", REPORT).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(http, "/api/reports", REPORT).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void onlyShiftLeadersCancel() {
        String caseNumber = newCase();

        assertThat(post(as(TestUsers.DISPATCHER), "/api/cases/" + caseNumber + "/cancellation",
                "{\"reason\":\"重复\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(as(TestUsers.LEADER), "/api/cases/" + caseNumber + "/cancellation",
                "{\"reason\":\"重复\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void departmentSeesOnlyTheCasesDispatchedToIt() throws Exception {
        String east = dispatchedTo("SANITATION-EAST");
        String roads = dispatchedTo("ROADS");

        assertThat(as(TestUsers.SANITATION_EAST).getForEntity("/api/cases/" + east, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as(TestUsers.SANITATION_EAST).getForEntity("/api/cases/" + roads, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode listed = json.readTree(as(TestUsers.SANITATION_EAST).getForObject("/api/cases?size=200",
                String.class));
        assertThat(listed.path("items").findValuesAsText("departmentCode")).isNotEmpty()
                .allMatch("SANITATION-EAST"::equals);
        JsonNode all = json.readTree(as(TestUsers.LEADER).getForObject("/api/cases?size=200", String.class));
        assertThat(all.path("items").findValuesAsText("caseNumber")).contains(east, roads);
    }

    @Test
    void engineRestNeedsBasicAuthAndShowsADepartmentOnlyItsOwnTasks() throws Exception {
        String east = dispatchedTo("SANITATION-EAST");
        String roads = dispatchedTo("ROADS");

        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/engine", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> seen = businessKeys(as(TestUsers.SANITATION_EAST).getForObject(
                "/engine-rest/task?processInstanceBusinessKeyIn=" + east + "," + roads, String.class));
        assertThat(seen).containsExactly(east);
        List<String> admin = businessKeys(as(TestUsers.ADMIN).getForObject(
                "/engine-rest/task?processInstanceBusinessKeyIn=" + east + "," + roads, String.class));
        assertThat(admin).containsExactlyInAnyOrder(east, roads);
    }

    @Test
    void departmentCannotCompleteAnotherDepartmentsTask() {
        String roads = dispatchedTo("ROADS");
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(roads).singleResult().getId();

        ResponseEntity<String> answer = post(as(TestUsers.SANITATION_EAST),
                "/engine-rest/task/" + taskId + "/complete", "{}");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isOne();
        assertThat(post(as(TestUsers.ROADS), "/engine-rest/task/" + taskId + "/complete", "{}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void onlyProcessAdminsReadEveryCaseInTheEngine() throws Exception {
        String caseNumber = newCase();
        String query = "/engine-rest/process-instance?businessKey=" + caseNumber;

        assertThat(json.readTree(as(TestUsers.OPERATOR).getForObject(query, String.class))).isEmpty();
        assertThat(json.readTree(as(TestUsers.ADMIN).getForObject(query, String.class))).hasSize(1);
    }

    @Test
    void healthIsOpenAndMetricsAreForAdmins() {
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as(TestUsers.OPERATOR).getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> metrics = as(TestUsers.ADMIN).getForEntity("/actuator/prometheus", String.class);
        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody()).contains("citycase_cases_open{stage=\"accept\"}", "citycase_stages_overdue");
        ResponseEntity<String> info = as(TestUsers.ADMIN).getForEntity("/actuator/info", String.class);
        assertThat(info.getBody()).contains("case-lifecycle", "dispatch-routing");
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, TestUsers.password(user));
    }

    /** The report at a point of its own, so that it is no duplicate of another test's open case. */
    private static String freshReport() {
        double[] point = TestPoints.east();
        return REPORT.replace("120.65", String.valueOf(point[0])).replace("31.35", String.valueOf(point[1]));
    }

    private static ResponseEntity<String> post(TestRestTemplate client, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private String newCase() {
        return intake.report(new ReportRequest(Source.SUPERVISOR, "E0102", "路边垃圾", "东城区人民路9号", 120.65,
                31.35, false, null, List.of()));
    }

    private String dispatchedTo(String department) {
        return TestCases.dispatched(intake, tasks, new ReportRequest(Source.SUPERVISOR, "E0102", "路边垃圾",
                "东城区人民路9号", 120.65, 31.35, false, null, List.of()), department);
    }

    private List<String> businessKeys(String taskList) throws Exception {
        List<String> keys = new java.util.ArrayList<>();
        for (JsonNode task : json.readTree(taskList)) {
            keys.add(tasks.createTaskQuery().taskId(task.path("id").asText()).singleResult().getProcessInstanceId());
        }
        return keys.stream().map(id -> runtimeKey(id)).toList();
    }

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    private String runtimeKey(String processInstanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getBusinessKey();
    }
}
