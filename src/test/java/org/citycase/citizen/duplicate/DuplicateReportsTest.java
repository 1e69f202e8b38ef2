package org.citycase.citizen.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.citycase.citizen.CitizenTestSupport.complete;
import static org.citycase.citizen.CitizenTestSupport.north;
import static org.citycase.citizen.CitizenTestSupport.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestPoints;
import org.citycase.TestUsers;
import org.citycase.casefile.CaseFile;
import org.citycase.casefile.CaseRepository;
import org.citycase.casefile.CaseStatus;
import org.citycase.engine.CaseLifecycle;
import org.citycase.engine.CaseLifecycle.Var;
import org.citycase.engine.CaseProcesses;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportOutcome;
import org.citycase.intake.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Duplicate reports (重复上报): found by intake per the rules of {@code duplicate-rule.dmn}, or marked by
 * the acceptor; a duplicate makes no case and no process and is linked to the open case.
 */
@CitycaseSpringTest
class DuplicateReportsTest {

    @Autowired
    IntakeService intake;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    CaseRepository cases;
    @Autowired
    CaseProcesses processes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        TestUsers.ensure(identity);
    }

    @Test
    void citizenReportOfTheSameCategoryWithinFiftyMetresAndADayJoinsTheOpenCase() {
        double[] point = TestPoints.west();
        String original = report(intake, Source.CITIZEN, "E0102", point, "13900000001").caseNumber();
        long casesBefore = count("city_case");
        long processesBefore = runtime.createProcessInstanceQuery().count();

        ReportOutcome second = report(intake, Source.CITIZEN, "E0102", north(point, 49), "13900000002");

        assertThat(second.duplicate()).isTrue();
        assertThat(second.caseNumber()).isEqualTo(original);
        assertThat(count("city_case")).isEqualTo(casesBefore);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(processesBefore);
        Map<String, Object> link = jdbc.sql("""
                        select l.link_kind, l.source, l.distance_meters, l.linked_case_id, l.grid_code
                        from report_link l join city_case c on c.id = l.case_id where c.case_number = ?""")
                .param(original).query().singleRow();
        assertThat(link.get("LINK_KIND")).isEqualTo("AUTOMATIC");
        assertThat(link.get("SOURCE")).isEqualTo("CITIZEN");
        assertThat(((Number) link.get("DISTANCE_METERS")).doubleValue()).isBetween(48.9, 49.1);
        assertThat(link.get("LINKED_CASE_ID")).isNull();
        assertThat((String) link.get("GRID_CODE")).startsWith("990102");
    }

    @Test
    void reportFiftyOneMetresAwayOpensACaseOfItsOwn() {
        double[] point = TestPoints.west();
        String original = report(intake, Source.CITIZEN, "E0102", point, null).caseNumber();

        ReportOutcome second = report(intake, Source.HOTLINE, "E0102", north(point, 51), null);

        assertThat(second.duplicate()).isFalse();
        assertThat(second.caseNumber()).isNotEqualTo(original);
    }

    @Test
    void reportOfAnotherCategoryAtTheSamePlaceOpensACaseOfItsOwn() {
        double[] point = TestPoints.west();
        report(intake, Source.CITIZEN, "E0102", point, null);

        assertThat(report(intake, Source.CITIZEN, "E0104", point, null).duplicate()).isFalse();
    }

    @Test
    void reportMoreThanADayAfterTheOpenCaseOpensACaseOfItsOwn() {
        double[] point = TestPoints.west();
        report(intake, Source.CITIZEN, "E0102", point, null);
        try {
            ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(24).plusMinutes(1))));

            assertThat(report(intake, Source.CITIZEN, "E0102", point, null).duplicate()).isFalse();
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void reportAtTheSpotOfAnEndedCaseOpensACaseOfItsOwn() {
        double[] point = TestPoints.west();
        String original = report(intake, Source.CITIZEN, "E0102", point, null).caseNumber();
        processes.cancel(original, "测试作废");

        assertThat(report(intake, Source.CITIZEN, "E0102", point, null).duplicate()).isFalse();
    }

    @Test
    void illegalConstructionWithinAHundredMetresAndAWeekJoinsTheOpenCaseFartherDoesNot() {
        double[] point = TestPoints.west();
        String original = report(intake, Source.CITIZEN, "E0101", point, null).caseNumber();
        try {
            ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(6))));

            ReportOutcome near = report(intake, Source.CITIZEN, "E0101", north(point, 95), null);
            ReportOutcome far = report(intake, Source.CITIZEN, "E0101", north(point, -105), null);

            assertThat(near.duplicate()).isTrue();
            assertThat(near.caseNumber()).isEqualTo(original);
            assertThat(far.duplicate()).isFalse();
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void supervisorsReportsAreNotCheckedForDuplicates() {
        double[] point = TestPoints.west();
        report(intake, Source.CITIZEN, "E0102", point, null);

        assertThat(report(intake, Source.SUPERVISOR, "E0102", point, null).duplicate()).isFalse();
    }

    @Test
    void nearestOpenCaseWinsWhenSeveralAreInRange() {
        double[] point = TestPoints.west();
        report(intake, Source.CITIZEN, "E0102", point, null);
        String nearer = report(intake, Source.CITIZEN, "E0102", north(point, 60), null).caseNumber();

        ReportOutcome between = report(intake, Source.CITIZEN, "E0102", north(point, 35), null);

        assertThat(between.caseNumber()).isEqualTo(nearer);
    }

    @Test
    void reportApiAnswers200WithTheOpenCasesNumberAndStaffSeeTheLinkWithoutTheContact() throws Exception {
        double[] point = TestPoints.west();
        String body = """
                {"source":"CITIZEN","categoryCode":"E0102","description":"路边一堆垃圾","address":"西城区文昌路1号",
                 "longitude":%s,"latitude":%s,"reporterContact":"13900000009"}""";
        ResponseEntity<String> first = post(body.formatted(point[0], point[1]));
        ResponseEntity<String> second = post(body.formatted(point[0], north(point, 10)[1]));

        String original = json.readTree(first.getBody()).path("caseNumber").asText();
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(first.getBody()).has("duplicateOf")).isFalse();
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(second.getBody()).path("caseNumber").asText()).isEqualTo(original);
        assertThat(json.readTree(second.getBody()).path("duplicateOf").asText()).isEqualTo(original);
        assertThat(second.getHeaders().getLocation()).hasToString("/api/cases/" + original);
        ResponseEntity<String> links = http.withBasicAuth(TestUsers.LEADER, TestUsers.password(TestUsers.LEADER))
                .getForEntity("/api/cases/" + original + "/duplicates", String.class);
        JsonNode linked = json.readTree(links.getBody());
        assertThat(linked).hasSize(1);
        assertThat(linked.get(0).path("kind").asText()).isEqualTo("AUTOMATIC");
        assertThat(linked.get(0).path("distanceMeters").asDouble()).isBetween(9.9, 10.1);
        assertThat(links.getBody()).doesNotContain("13900000009");
        assertThat(http.withBasicAuth(TestUsers.ROADS, TestUsers.password(TestUsers.ROADS))
                .getForEntity("/api/cases/" + original + "/duplicates", String.class).getStatusCode())
                .as("a department sees only the cases dispatched to it").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void acceptorMarksACaseADuplicateOfAnOpenCaseAndItEndsLinkedToIt() {
        String original = report(intake, Source.CITIZEN, "E0102", TestPoints.west(), null).caseNumber();
        String repeat = report(intake, Source.CITIZEN, "E0102", TestPoints.west(), "13900000003").caseNumber();
        ProcessInstance instance = instance(repeat);

        complete(tasks, repeat, CaseLifecycle.Task.ACCEPT, Map.of(Var.DUPLICATE_OF, " " + original + " "));

        assertThat(instance).isEnded().hasPassed(CaseLifecycle.Element.END_DUPLICATE)
                .hasNotPassed(CaseLifecycle.Task.VERIFY);
        CaseFile ended = cases.find(repeat).orElseThrow();
        assertThat(ended.status()).isEqualTo(CaseStatus.DUPLICATE);
        assertThat(ended.endReason()).isEqualTo("重复上报，已并入案件 " + original);
        assertThat(cases.find(original).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
        Map<String, Object> link = jdbc.sql("""
                        select l.link_kind, d.case_number as linked from report_link l
                            join city_case c on c.id = l.case_id join city_case d on d.id = l.linked_case_id
                        where c.case_number = ?""").param(original).query().singleRow();
        assertThat(link).containsEntry("LINK_KIND", "OPERATOR").containsEntry("LINKED", repeat);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   "})
    void acceptanceWithoutADuplicateNumberGoesOnAsBefore(String duplicateOf) {
        String caseNumber = report(intake, Source.CITIZEN, "E0102", TestPoints.west(), null).caseNumber();

        complete(tasks, caseNumber, CaseLifecycle.Task.ACCEPT, Map.of(Var.DUPLICATE_OF, duplicateOf));

        assertThat(instance(caseNumber)).isWaitingAt(CaseLifecycle.Task.VERIFY)
                .hasNotPassed(CaseLifecycle.Element.END_DUPLICATE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"unknown", "itself", "ended"})
    void acceptanceNamingNoOtherOpenCaseIsRefusedAndTheTaskStaysOpen(String what) {
        String caseNumber = report(intake, Source.CITIZEN, "E0102", TestPoints.west(), null).caseNumber();
        String duplicateOf = switch (what) {
            case "unknown" -> "1999010100001";
            case "itself" -> caseNumber;
            default -> {
                String ended = report(intake, Source.CITIZEN, "E0102", TestPoints.west(), null).caseNumber();
                processes.cancel(ended, "测试作废");
                yield ended;
            }
        };

        assertThatThrownBy(() -> complete(tasks, caseNumber, CaseLifecycle.Task.ACCEPT,
                Map.of(Var.DUPLICATE_OF, duplicateOf)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("duplicateOf");

        assertThat(instance(caseNumber)).isWaitingAt(CaseLifecycle.Task.ACCEPT);
        assertThat(cases.find(caseNumber).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
    }

    private ProcessInstance instance(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
    }

    private ResponseEntity<String> post(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(TestUsers.OPERATOR, TestUsers.password(TestUsers.OPERATOR))
                .postForEntity("/api/reports", new HttpEntity<>(body, headers), String.class);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
