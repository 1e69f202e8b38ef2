package org.citycase.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.citycase.CitycaseSpringTest;
import org.citycase.TestPoints;
import org.citycase.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The report and case API over real HTTP: what a valid report creates, and what bad input leaves behind. */
@CitycaseSpringTest
class ReportApiTest {

    private static final String VALID = """
            {"source":"CITIZEN","categoryCode":"E0102","description":"路口有一堆生活垃圾",
             "address":"东城区人民路8号","longitude":120.65,"latitude":31.35,"urgent":false,
             "reporterContact":"13800000000","photoUrls":["https://img.example/1.jpg"]}""";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identity;

    @BeforeEach
    void logInAsLeader() {
        TestUsers.ensure(identity);
        http = http.withBasicAuth(TestUsers.LEADER, TestUsers.password(TestUsers.LEADER));
    }

    @Test
    void validReportCreatesCaseWithRunningProcessAndLocation() throws Exception {
        ResponseEntity<String> answer = post(VALID);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = json.readTree(answer.getBody()).path("caseNumber").asText();
        assertThat(caseNumber).matches("\\d{13}");
        assertThat(answer.getHeaders().getLocation()).hasToString("/api/cases/" + caseNumber);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isOne();

        JsonNode detail = json.readTree(http.getForObject("/api/cases/" + caseNumber, String.class));
        assertThat(detail.at("/caseFile/status").asText()).isEqualTo("OPEN");
        assertThat(detail.at("/caseFile/stage").asText()).isEqualTo("accept");
        assertThat(detail.at("/caseFile/districtCode").asText()).isEqualTo("990101");
        assertThat(detail.at("/caseFile/photoUrls/0").asText()).isEqualTo("https://img.example/1.jpg");
        assertThat(detail.at("/timeline/0/stage").asText()).isEqualTo("accept");
        assertThat(detail.at("/timeline/0/candidateGroup").asText()).isEqualTo("operators");
        assertThat(detail.toString()).as("the reporter's contact is never shown").doesNotContain("13800000000");
    }

    @Test
    void consecutiveReportsGetConsecutiveNumbersOfTheSameDay() throws Exception {
        long first = Long.parseLong(json.readTree(post(VALID).getBody()).path("caseNumber").asText());
        long second = Long.parseLong(json.readTree(post(VALID).getBody()).path("caseNumber").asText());

        assertThat(second).isEqualTo(first + 1);
    }

    static List<Arguments> badReports() {
        return List.of(
                Arguments.of("unknown category", VALID.replace("\"E0102\"", "\"E9999\""), "categoryCode"),
                Arguments.of("missing description", VALID.replace("\"description\":\"路口有一堆生活垃圾\",", ""),
                        "description"),
                Arguments.of("blank description", VALID.replace("路口有一堆生活垃圾", "   "), "description"),
                Arguments.of("longitude out of range", VALID.replace("120.65", "181.0"), "longitude"),
                Arguments.of("latitude out of range", VALID.replace("31.35", "-91"), "latitude"),
                Arguments.of("latitude not a number", VALID.replace("31.35", "\"NaN\""), "latitude"),
                Arguments.of("point outside the city", VALID.replace("120.65", "116.40"), "longitude/latitude"),
                Arguments.of("description too long", VALID.replace("路口有一堆生活垃圾", "垃".repeat(4001)),
                        "description"),
                Arguments.of("address too long", VALID.replace("东城区人民路8号", "x".repeat(301)), "address"),
                Arguments.of("unknown source", VALID.replace("\"CITIZEN\"", "\"TWITTER\""), "source"),
                Arguments.of("coordinate as text", VALID.replace("120.65", "\"east\""), "longitude"),
                Arguments.of("photo link not http", VALID.replace("https://img.example/1.jpg", "file:///etc/passwd"),
                        "photoUrls[0]"),
                Arguments.of("missing source", VALID.replace("\"source\":\"CITIZEN\",", ""), "source"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReports")
    void badReportIsRefusedNamingTheFieldAndStoresNothing(String what, String body, String field) throws Exception {
        long casesBefore = count("city_case");
        long processesBefore = runtime.createProcessInstanceQuery().count();

        ResponseEntity<String> answer = post(body);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = json.readTree(answer.getBody());
        assertThat(error.path("message").asText()).contains(field);
        assertThat(error.path("errors").findValuesAsText("field")).contains(field);
        assertThat(count("city_case")).isEqualTo(casesBefore);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(processesBefore);
    }

    @Test
    void malformedJsonIsRefusedWithAClearMessage() throws Exception {
        long casesBefore = count("city_case");

        ResponseEntity<String> answer = post("{\"source\":\"CITIZEN\",");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(answer.getBody()).path("message").asText()).contains("not valid JSON");
        assertThat(count("city_case")).isEqualTo(casesBefore);
    }

    @Test
    void reportInAnotherContentTypeIsRefusedWith415() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);

        ResponseEntity<String> answer = http.postForEntity("/api/reports", new HttpEntity<>(VALID, headers),
                String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void unknownCaseNumberIsNotFound() throws Exception {
        ResponseEntity<String> answer = http.getForEntity("/api/cases/1999010100001", String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(answer.getBody()).path("message").asText()).contains("1999010100001");
    }

    @Test
    void casesAreListedByStatusAndCategoryWithPaging() throws Exception {
        post(VALID);
        post(VALID.replace("\"E0102\"", "\"C0101\""));

        JsonNode page = json.readTree(http.getForObject("/api/cases?status=OPEN&category=C0101&size=1",
                String.class));

        assertThat(page.path("size").asInt()).isEqualTo(1);
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(page.at("/items/0/categoryCode").asText()).isEqualTo("C0101");
    }

    @Test
    void badListParametersAreRefusedNamingTheParameter() throws Exception {
        Map<String, String> cases = Map.of(
                "/api/cases?status=SLEEPING", "status",
                "/api/cases?size=0", "size",
                "/api/cases?from=yesterday", "from",
                "/api/cases?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "to");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            ResponseEntity<String> answer = http.getForEntity(c.getKey(), String.class);
            assertThat(answer.getStatusCode()).as(c.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(answer.getBody()).path("errors").findValuesAsText("field"))
                    .as(c.getKey()).containsExactly(c.getValue());
        }
    }

    @Test
    void cancellationEndsAnOpenCaseAndIsRefusedForAnEndedOne() throws Exception {
        String caseNumber = json.readTree(post(VALID).getBody()).path("caseNumber").asText();

        ResponseEntity<String> noReason = cancel(caseNumber, "{}");
        ResponseEntity<String> cancelled = cancel(caseNumber, "{\"reason\":\"重复上报\"}");
        ResponseEntity<String> again = cancel(caseNumber, "{\"reason\":\"重复上报\"}");

        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(cancelled.getBody()).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
    }

    @Test
    void catalogueListsCategoriesAndDepartments() throws Exception {
        JsonNode categories = json.readTree(http.getForObject("/api/categories", String.class));
        JsonNode departments = json.readTree(http.getForObject("/api/departments", String.class));

        assertThat(categories.size()).isGreaterThanOrEqualTo(25);
        assertThat(categories.findValuesAsText("code")).contains("C0101", "E0102");
        assertThat(departments.size()).isGreaterThanOrEqualTo(8);
        assertThat(departments.findValuesAsText("group")).allMatch(g -> g.startsWith("dept-"));
    }

    /** Posts the report at a fresh point, so that no report is a duplicate of an earlier test's case. */
    private ResponseEntity<String> post(String body) {
        double[] point = TestPoints.east();
        String placed = body.replace("120.65", String.valueOf(point[0])).replace("31.35", String.valueOf(point[1]));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/reports", new HttpEntity<>(placed, headers), String.class);
    }

    private ResponseEntity<String> cancel(String caseNumber, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/cases/" + caseNumber + "/cancellation", new HttpEntity<>(body, headers),
                String.class);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
