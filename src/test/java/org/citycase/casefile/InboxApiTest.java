package org.citycase.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestCases;
import org.citycase.TestPoints;
import org.citycase.TestUsers;
import org.citycase.engine.CaseLifecycle;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A department's inbox over real HTTP: it lists what the engine holds for the department's group, soonest due
 * first, follows claims, completions and cancellations, and keeps departments apart. 路灯管理处 is used by this
 * test alone, so its inbox holds only the tasks made here.
 */
@CitycaseSpringTest
class InboxApiTest {

    private static final String GROUP = "dept-streetlight";

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

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void listsTheGroupsOpenTasksSoonestDueFirstAsTheEngineHoldsThem() throws Exception {
        String ordinary = dispatched(false);
        String urgent = dispatched(true);

        JsonNode inbox = inbox(TestUsers.STREETLIGHT, "");

        List<Task> engine = groupTasks().list();
        assertThat(inbox.path("total").asLong()).isEqualTo(engine.size());
        assertThat(inbox.path("groups").toString()).isEqualTo("[\"" + GROUP + "\"]");
        List<String> numbers = inbox.path("items").findValuesAsText("caseNumber");
        assertThat(numbers).as("an urgent case is due in 10 minutes, an ordinary one in 30 working minutes")
                .containsSubsequence(urgent, ordinary);
        assertThat(dueTimes(inbox)).isSorted();
        for (JsonNode item : inbox.path("items")) {
            Task task = tasks.createTaskQuery().taskId(item.path("taskId").asText()).singleResult();
            assertThat(task).as(item.toString()).isNotNull();
            assertThat(OffsetDateTime.parse(item.path("dueAt").asText()).toInstant())
                    .isEqualTo(task.getDueDate().toInstant());
        }
        JsonNode first = item(inbox, urgent);
        assertThat(first.path("stage").asText()).isEqualTo(CaseLifecycle.Task.ACKNOWLEDGE);
        assertThat(first.path("stageName").asText()).isEqualTo(task(urgent).getName());
        assertThat(first.path("departmentCode").asText()).isEqualTo("STREETLIGHT");
        assertThat(first.path("categoryCode").asText()).isEqualTo("C0110");
        assertThat(first.path("urgent").asBoolean()).isTrue();
        assertThat(first.path("light").asText()).isEqualTo("GREEN");
        assertThat(first.path("assignee").isNull()).isTrue();
    }

    @Test
    void followsClaimsCompletionsAndCancellations() throws Exception {
        String caseNumber = dispatched(false);
        String acknowledge = task(caseNumber).getId();

        assertThat(post(TestUsers.STREETLIGHT, "/engine-rest/task/" + acknowledge + "/claim",
                "{\"userId\":\"" + TestUsers.STREETLIGHT + "\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(item(inbox(TestUsers.STREETLIGHT, ""), caseNumber).path("assignee").asText())
                .isEqualTo(TestUsers.STREETLIGHT);
        assertThat(post(TestUsers.STREETLIGHT, "/engine-rest/task/" + acknowledge + "/unclaim", "{}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(item(inbox(TestUsers.STREETLIGHT, ""), caseNumber).path("assignee").isNull()).isTrue();

        assertThat(post(TestUsers.STREETLIGHT, "/engine-rest/task/" + acknowledge + "/complete", "{}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode handling = item(inbox(TestUsers.STREETLIGHT, ""), caseNumber);
        assertThat(handling.path("stage").asText()).isEqualTo(CaseLifecycle.Task.HANDLE);
        assertThat(handling.path("taskId").asText()).isNotEqualTo(acknowledge).isEqualTo(task(caseNumber).getId());

        assertThat(post(TestUsers.LEADER, "/api/cases/" + caseNumber + "/cancellation", "{\"reason\":\"误报\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode after = inbox(TestUsers.STREETLIGHT, "");
        assertThat(after.path("items").findValuesAsText("caseNumber")).doesNotContain(caseNumber);
        assertThat(after.path("total").asLong()).isEqualTo(groupTasks().count());
    }

    @Test
    void aTaskAssignedWhenItIsCreatedShowsItsAssignee() throws Exception {
        double[] point = TestPoints.west();
        String caseNumber = intake.report(new ReportRequest(Source.CITIZEN, "C0110", "路灯不亮", "西城区环城路",
                point[0], point[1], false, null, List.of()));
        TestCases.complete(tasks, caseNumber, CaseLifecycle.Task.ACCEPT, Map.of());
        Task verify = task(caseNumber);
        assertThat(verify.getTaskDefinitionKey()).isEqualTo(CaseLifecycle.Task.VERIFY);
        assertThat(verify.getAssignee()).as("the grid's supervisor").isNotNull();

        JsonNode item = item(inbox(TestUsers.SUPERVISOR, ""), caseNumber);

        assertThat(item.path("taskId").asText()).isEqualTo(verify.getId());
        assertThat(item.path("group").asText()).isEqualTo("supervisors");
        assertThat(item.path("assignee").asText()).isEqualTo(verify.getAssignee());
    }

    @Test
    void overdueListsOnlyTheTasksPastTheirDueTime() throws Exception {
        String urgent = dispatched(true);
        String ordinary = dispatched(false);
        Date due = task(urgent).getDueDate();

        assertThat(inbox(TestUsers.STREETLIGHT, "&overdue=true").path("items").findValuesAsText("caseNumber"))
                .doesNotContain(urgent, ordinary);
        ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
        JsonNode overdue = inbox(TestUsers.STREETLIGHT, "&overdue=true");
        assertThat(OffsetDateTime.parse(overdue.path("asOf").asText()).toInstant())
                .isEqualTo(ClockUtil.getCurrentTime().toInstant());

        assertThat(overdue.path("items").findValuesAsText("caseNumber")).contains(urgent).doesNotContain(ordinary);
        assertThat(overdue.path("total").asLong()).isEqualTo(groupTasks()
                .dueBefore(ClockUtil.getCurrentTime()).count());
    }

    @Test
    void pagesAreDisjointAndCoverTheTotal() throws Exception {
        dispatched(false);
        dispatched(true);
        dispatched(false);
        long total = inbox(TestUsers.STREETLIGHT, "").path("total").asLong();

        List<String> seen = new ArrayList<>();
        for (int page = 0; page * 2 < total; page++) {
            ResponseEntity<String> answer = as(TestUsers.STREETLIGHT).getForEntity("/api/inbox?size=2&page=" + page,
                    String.class);
            seen.addAll(json.readTree(answer.getBody()).path("items").findValuesAsText("taskId"));
        }

        assertThat(seen).hasSize((int) total).doesNotHaveDuplicates();
    }

    @Test
    void aDepartmentReadsOnlyItsOwnGroupsAndTheCentreAnyGroup() throws Exception {
        String caseNumber = dispatched(false);

        assertThat(inbox(TestUsers.ROADS, "").path("items").findValuesAsText("caseNumber")).doesNotContain(caseNumber);
        ResponseEntity<String> refused = as(TestUsers.ROADS).getForEntity("/api/inbox?group=" + GROUP, String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(refused.getBody()).path("errors").findValuesAsText("field")).containsExactly("group");
        assertThat(inbox(TestUsers.LEADER, "&group=" + GROUP).path("items").findValuesAsText("caseNumber"))
                .contains(caseNumber);
        assertThat(http.getForEntity("/api/inbox", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() throws Exception {
        Map<String, String> cases = Map.of(
                "/api/inbox?size=0", "size",
                "/api/inbox?size=201", "size",
                "/api/inbox?page=-1", "page",
                "/api/inbox?overdue=maybe", "overdue");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            ResponseEntity<String> answer = as(TestUsers.STREETLIGHT).getForEntity(c.getKey(), String.class);
            assertThat(answer.getStatusCode()).as(c.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(answer.getBody()).path("errors").findValuesAsText("field"))
                    .as(c.getKey()).containsExactly(c.getValue());
        }
    }

    private String dispatched(boolean urgent) {
        double[] point = TestPoints.west();
        return TestCases.dispatched(intake, tasks, new ReportRequest(Source.SUPERVISOR, "C0110", "路灯不亮",
                "西城区环城路", point[0], point[1], urgent, null, List.of()), "STREETLIGHT");
    }

    /** The group's open tasks in the engine, claimed ones too, as the inbox shows them. */
    private TaskQuery groupTasks() {
        return tasks.createTaskQuery().taskCandidateGroup(GROUP).includeAssignedTasks();
    }

    private Task task(String caseNumber) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
    }

    private JsonNode inbox(String user, String query) throws Exception {
        ResponseEntity<String> answer = as(user).getForEntity("/api/inbox?size=200" + query, String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }

    private static JsonNode item(JsonNode inbox, String caseNumber) {
        for (JsonNode item : inbox.path("items")) {
            if (caseNumber.equals(item.path("caseNumber").asText())) {
                return item;
            }
        }
        throw new AssertionError("case " + caseNumber + " is not in the inbox " + inbox);
    }

    private static List<java.time.Instant> dueTimes(JsonNode inbox) {
        return inbox.path("items").findValuesAsText("dueAt").stream()
                .map(t -> OffsetDateTime.parse(t).toInstant()).toList();
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, TestUsers.password(user));
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
